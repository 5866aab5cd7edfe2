import { uploadRoute } from '@/lib/openapi/upload';

/** Attachment upload ahead of a create (multipart `file`; the signature covers its MD5). */
export const POST = uploadRoute();
