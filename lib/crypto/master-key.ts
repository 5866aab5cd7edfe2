let cached: { raw: string; key: Buffer } | undefined;

/**
 * The master key (APP_ENCRYPTION_KEY: 32 bytes, base64 or hex). The launcher generates one
 * into .data/encryption-key for the embedded default; without it nothing can be encrypted.
 */
export function masterKey(): Buffer {
  const raw = process.env.APP_ENCRYPTION_KEY;
  if (!raw) throw new Error('APP_ENCRYPTION_KEY is not set');
  if (cached?.raw === raw) return cached.key;
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('APP_ENCRYPTION_KEY must be 32 bytes (base64 or 64 hex digits)');
  cached = { raw, key };
  return key;
}
