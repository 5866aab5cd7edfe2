import { decryptValue, encryptValue, type Binding } from '@/lib/crypto/envelope';
import { masterKey } from '@/lib/crypto/master-key';

/** Seals a channel credential (tenant token, app key, hook token) to the row and column it belongs to. */
export function sealCredential(value: string, binding: Binding): string {
  return encryptValue(masterKey(), value, binding);
}

export function openCredential(sealed: string, binding: Binding): string {
  return decryptValue<string>(masterKey(), sealed, binding);
}
