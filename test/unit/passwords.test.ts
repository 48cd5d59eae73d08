import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../main/app/domain/passwords';

describe('password hashing', () => {
  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('hemligt-123');
    expect(await verifyPassword('hemligt-123', hash)).toBe(true);
    expect(await verifyPassword('hemligt-124', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash and stores its parameters with it', async () => {
    const [a, b] = await Promise.all([hashPassword('samma'), hashPassword('samma')]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  it('treats composed and decomposed å as the same password', async () => {
    const hash = await hashPassword('båt'.normalize('NFC'));
    expect(await verifyPassword('båt'.normalize('NFD'), hash)).toBe(true);
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1$2')).toBe(false);
  });
});
