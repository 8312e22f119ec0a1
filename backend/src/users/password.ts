import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, { type: argon2.argon2id });

// Verified when the email is unknown too, so the response time gives no hint of which part was wrong.
const DECOY = argon2.hash('decoy-password-for-unknown-users', { type: argon2.argon2id });

/**
 * The password hash of an account that has none yet (waiting for its invitation, or reset by one): nothing verifies
 * against it. `!` as in /etc/shadow's locked accounts, then a random part, so that no two are alike and none can
 * be found in any text but the row.
 */
export const unusablePasswordHash = (): string => `!${randomBytes(24).toString('base64url')}`;

export const isUsablePasswordHash = (hash: string): boolean => !hash.startsWith('!');

export async function verifyPassword(hash: string | null, plain: string): Promise<boolean> {
  const usable = hash !== null && isUsablePasswordHash(hash);
  const ok = await argon2.verify(usable ? hash : await DECOY, plain).catch(() => false);
  return usable && ok;
}
