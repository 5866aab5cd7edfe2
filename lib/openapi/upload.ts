import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { apiUploads } from '@/db/schema';
import { checkAttachment, cleanFileName, MAX_ATTACHMENT_BYTES } from '@/lib/attachments/limits';
import { attachmentStore } from '@/lib/attachments/store';
import { getDb } from '@/db';
import { authenticate } from './authenticate';
import { ApiRefusal, handle, RESULT, success } from './envelope';

/** File names the original accepts are shorter than 100 characters. */
export const MAX_UPLOAD_NAME = 99;

/**
 * `POST /{serviceId}/openapi/v1/ticket/attachments/upload.json` (multipart `file`, ≤ 10 MB): the
 * signature covers the file's MD5 instead of parameters. The file is stored and its
 * `attachmentId` returned, to be named in a create's `attachments[]` (used once).
 */
export function uploadRoute() {
  return (req: Request, ctx: { params: Promise<Record<string, string>> }) =>
    handle(async () => {
      const { serviceId } = await ctx.params;
      // The multipart envelope adds a little; anything far above the file limit is refused unread.
      if (Number(req.headers.get('content-length') ?? 0) > MAX_ATTACHMENT_BYTES + 64 * 1024)
        throw new ApiRefusal(RESULT.badRequest, 'File is larger than 10 MB');
      let form: FormData;
      try {
        form = await req.formData();
      } catch {
        throw new ApiRefusal(RESULT.badRequest, 'multipart request without file');
      }
      const file = form.get('file');
      if (!file || typeof file === 'string') throw new ApiRefusal(RESULT.badRequest, 'multipart request without file');
      const data = Buffer.from(await file.arrayBuffer());
      const db = getDb();
      await authenticate(db, req, {
        serviceId,
        uri: new URL(req.url).pathname,
        params: {},
        body: createHash('md5').update(data).digest('hex'),
      });
      if ([...file.name].length > MAX_UPLOAD_NAME)
        throw new ApiRefusal(RESULT.badRequest, 'File name must be shorter than 100 characters');
      const check = checkAttachment(file.name, data);
      if (!check.ok)
        throw new ApiRefusal(
          RESULT.badRequest,
          check.error === 'attachment.tooLarge'
            ? 'File is larger than 10 MB'
            : check.error === 'attachment.empty'
              ? 'File is empty'
              : 'File type is not allowed',
        );
      const id = randomBytes(16).toString('hex');
      const storageKey = `${serviceId}/${randomUUID()}`;
      await attachmentStore().put(storageKey, data);
      const fileName = cleanFileName(file.name);
      await db.insert(apiUploads).values({
        id,
        serviceId,
        fileName,
        contentType: check.contentType,
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        storageKey,
      });
      return success({ content: { attachmentId: id, fileName, size: data.length } });
    });
}
