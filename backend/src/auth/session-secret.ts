import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

const NAME = 'jwt';

/**
 * The key that signs staff sessions. JWT_SECRET when it is set; otherwise the deployment's own, drawn once by the
 * first process to start and kept in `deployment_secrets`, so that every API process and every restart accept the
 * same sessions (a secret per process signed everyone out at each restart and split a scaled-out API in two).
 * Concurrent first starts are settled by the primary key: the first insert wins, the others read it.
 * Rotation (README « En production »): set JWT_SECRET, or delete the row and restart every API process.
 */
export async function sessionSecret(db: DataSource, configured: string | null): Promise<string> {
  if (configured) return configured;
  await db.query(`INSERT INTO deployment_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    NAME,
    randomBytes(32).toString('hex'),
  ]);
  const [row] = await db.query<{ value: string }[]>(`SELECT value FROM deployment_secrets WHERE name = $1`, [NAME]);
  return row.value;
}
