import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { S3StoreConfig } from '@/lib/attachments/store';

// @20minutes/s3rver (a kept fork of s3rver) ships no types; this is the part the tests use.
type S3rverInstance = { run(): Promise<AddressInfo>; close(): Promise<void> };
type S3rverClass = new (opts: Record<string, unknown>) => S3rverInstance;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('@20minutes/s3rver') as S3rverClass;

export type LocalS3 = { config: S3StoreConfig; env: Record<string, string>; dir: string; close(): Promise<void> };

/**
 * A local S3-compatible server in this process (files in a temporary folder) with one empty
 * bucket, and the settings that reach it: the same signed requests the SDK sends to AWS.
 */
export async function startLocalS3(bucket = 'desk-attachments'): Promise<LocalS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const config: S3StoreConfig = {
    bucket,
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  const env = {
    ATTACHMENTS_S3_BUCKET: bucket,
    ATTACHMENTS_S3_REGION: 'us-east-1',
    ATTACHMENTS_S3_ENDPOINT: config.endpoint!,
    ATTACHMENTS_S3_ACCESS_KEY_ID: 'S3RVER',
    ATTACHMENTS_S3_SECRET_ACCESS_KEY: 'S3RVER',
    ATTACHMENTS_S3_FORCE_PATH_STYLE: '1',
  };
  return {
    config,
    env,
    dir,
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
