import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  AttachmentMissingError,
  diskStore,
  s3ConfigFromEnv,
  s3Store,
  type AttachmentStore,
} from '@/lib/attachments/store';
import { startLocalS3, type LocalS3 } from '../helpers/s3-server';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

let s3: LocalS3;
const diskRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-store-'));
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(async () => {
  await s3.close();
  fs.rmSync(diskRoot, { recursive: true, force: true });
});

const stores: Array<[string, () => AttachmentStore]> = [
  ['local disk', () => diskStore(diskRoot)],
  ['S3-compatible', () => s3Store(s3.config)],
];

describe.each(stores)('attachment store: %s', (_name, make) => {
  const key = () => `demo/${randomUUID()}`;

  it('reads back, as bytes and as a stream, exactly what was written, and deletes it', async () => {
    const store = make();
    const k = key();
    // Binary bytes of a few hundred KB: nothing may be re-encoded, framed or cut.
    const data = randomBytes(300_000);
    await store.put(k, data);
    expect((await store.get(k)).equals(data)).toBe(true);
    expect((await readAll(await store.stream(k))).equals(data)).toBe(true);
    await store.delete(k);
    await expect(store.get(k)).rejects.toBeInstanceOf(AttachmentMissingError);
  });

  it('a missing key is AttachmentMissingError for get and stream, and deleting it is no error', async () => {
    const store = make();
    const k = key();
    await expect(store.get(k)).rejects.toBeInstanceOf(AttachmentMissingError);
    await expect(store.stream(k)).rejects.toBeInstanceOf(AttachmentMissingError);
    await expect(store.delete(k)).resolves.toBeUndefined();
  });

  it('refuses keys it did not make before touching the store', async () => {
    const store = make();
    await expect(store.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow('invalid attachment key');
    await expect(store.get('demo/../../secret')).rejects.toThrow('invalid attachment key');
  });
});

describe('ATTACHMENTS_S3_* settings', () => {
  it('select S3 only with a bucket, and read every part', () => {
    expect(s3ConfigFromEnv({ ATTACHMENTS_S3_ENDPOINT: 'http://x' })).toBeNull();
    expect(s3ConfigFromEnv(s3.env)).toEqual(s3.config);
    expect(s3ConfigFromEnv({ ATTACHMENTS_S3_BUCKET: 'b', ATTACHMENTS_S3_FORCE_PATH_STYLE: 'false' })).toMatchObject({
      bucket: 'b',
      forcePathStyle: false,
      endpoint: undefined,
    });
  });
});
