import { randomBytes } from 'node:crypto';
import {
  DecryptError,
  decryptValue,
  encryptValue,
  newDataKey,
  unwrapDataKey,
  wrapDataKey,
} from '@/lib/crypto/envelope';

const master = randomBytes(32);
const row = { table: 'ticket_field_values', column: 'value_encrypted', rowId: 'ticket-1', field: 'phone' };

describe('PII envelope encryption', () => {
  it('round-trips values of every field shape', () => {
    const key = newDataKey();
    for (const v of ['010-1234-5678', ['구분1', '구분2'], true, { a: 1 }, '']) {
      const sealed = encryptValue(key, v, row);
      expect(sealed).not.toContain('010');
      expect(decryptValue(key, sealed, row)).toEqual(v);
    }
  });

  it('never produces the same ciphertext twice for the same value', () => {
    const key = newDataKey();
    expect(encryptValue(key, 'x', row)).not.toEqual(encryptValue(key, 'x', row));
  });

  it('refuses a tampered ciphertext', () => {
    const key = newDataKey();
    const sealed = Buffer.from(encryptValue(key, '홍길동', row), 'base64');
    sealed[sealed.length - 1] ^= 1;
    expect(() => decryptValue(key, sealed.toString('base64'), row)).toThrow(DecryptError);
    expect(() => decryptValue(key, 'AAAA', row)).toThrow(DecryptError);
  });

  it('refuses a ciphertext moved to another row or field', () => {
    const key = newDataKey();
    const sealed = encryptValue(key, '홍길동', row);
    expect(() => decryptValue(key, sealed, { ...row, rowId: 'ticket-2' })).toThrow(DecryptError);
    expect(() => decryptValue(key, sealed, { ...row, field: 'name' })).toThrow(DecryptError);
  });

  it('refuses a wrong data key and a data key unwrapped for another owner or with another master key', () => {
    const key = newDataKey();
    const sealed = encryptValue(key, '홍길동', row);
    expect(() => decryptValue(newDataKey(), sealed, row)).toThrow(DecryptError);
    const owner = { table: 'ticket_data_keys', column: 'wrapped_key', rowId: 'ticket-1' };
    const wrapped = wrapDataKey(master, key, owner);
    expect(unwrapDataKey(master, wrapped, owner).equals(key)).toBe(true);
    expect(() => unwrapDataKey(master, wrapped, { ...owner, rowId: 'ticket-2' })).toThrow(DecryptError);
    expect(() => unwrapDataKey(randomBytes(32), wrapped, owner)).toThrow(DecryptError);
  });
});
