import { stripInvisible } from '@/lib/validation/hygiene';

/** Per file and per submission limits (help center, agent replies, later mail and API). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

/**
 * Allowed by extension, the way customers name what they send: images, documents (including
 * 한글 hwp/hwpx), archives, text and common video. Everything else, and anything whose bytes
 * look like a program whatever its name, is refused.
 */
const ALLOWED = new Map<string, string>([
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
  ['gif', 'image/gif'],
  ['webp', 'image/webp'],
  ['bmp', 'image/bmp'],
  ['heic', 'image/heic'],
  ['pdf', 'application/pdf'],
  ['txt', 'text/plain'],
  ['csv', 'text/csv'],
  ['log', 'text/plain'],
  ['doc', 'application/msword'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xls', 'application/vnd.ms-excel'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt', 'application/vnd.ms-powerpoint'],
  ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['hwp', 'application/x-hwp'],
  ['hwpx', 'application/hwp+zip'],
  ['zip', 'application/zip'],
  ['mp4', 'video/mp4'],
  ['mov', 'video/quicktime'],
  ['eml', 'message/rfc822'],
]);

export type AttachmentCheck =
  | { ok: true; contentType: string; fileName: string }
  | { ok: false; error: 'attachment.tooLarge' | 'attachment.type' | 'attachment.empty' };

/** Program headers: Windows PE ("MZ"), ELF, Mach-O, and scripts with a shebang. */
function looksExecutable(b: Buffer): boolean {
  if (b.length >= 2 && b[0] === 0x4d && b[1] === 0x5a) return true;
  if (b.length >= 4 && b.readUInt32BE(0) === 0x7f454c46) return true;
  if (b.length >= 4 && [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(b.readUInt32BE(0)))
    return true;
  return b.length >= 2 && b[0] === 0x23 && b[1] === 0x21;
}

/** A display-safe file name: no path, no control, bidi or zero-width characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = stripInvisible(base.replace(/[\u0000-\u001f\u007f]/g, ''))
    .trim()
    .slice(-200);
  return clean || 'file';
}

/** Checks one uploaded file against the limits; the content type is ours, never the browser's. */
export function checkAttachment(name: string, data: Buffer): AttachmentCheck {
  if (data.length === 0) return { ok: false, error: 'attachment.empty' };
  if (data.length > MAX_ATTACHMENT_BYTES) return { ok: false, error: 'attachment.tooLarge' };
  const fileName = cleanFileName(name);
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  const contentType = ALLOWED.get(ext);
  if (!contentType || looksExecutable(data.subarray(0, 8))) return { ok: false, error: 'attachment.type' };
  return { ok: true, contentType, fileName };
}

export const ALLOWED_EXTENSIONS = [...ALLOWED.keys()];
