import * as argon2 from 'argon2';

export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, { type: argon2.argon2id });

// Verified when the email is unknown too, so the response time gives no hint of which part was wrong.
const DECOY = argon2.hash('decoy-password-for-unknown-users', { type: argon2.argon2id });

export async function verifyPassword(hash: string | null, plain: string): Promise<boolean> {
  const ok = await argon2.verify(hash ?? (await DECOY), plain).catch(() => false);
  return hash !== null && ok;
}
