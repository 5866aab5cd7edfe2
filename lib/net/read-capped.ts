/**
 * A request body as bytes, never buffering more than `max`: refused by its declared length
 * before a byte is read, and by counting while reading when the length was not declared (or
 * lied). `null` when the body is larger than `max`.
 */
export async function readCappedBody(req: Request, max: number): Promise<Buffer | null> {
  if (Number(req.headers.get('content-length') ?? 0) > max) return null;
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
