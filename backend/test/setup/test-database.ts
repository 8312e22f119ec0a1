import { Client } from 'pg';

/** The server-level URL of a database URL: same host and user, the `postgres` maintenance database. */
export function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function onServer<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: maintenanceUrl(url) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(url: string, name: string): Promise<string> {
  await onServer(url, (c) => c.query(`CREATE DATABASE "${name}"`));
  return withDatabase(url, name);
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await onServer(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The database of one Jest worker (JEST_WORKER_ID, from 1): a copy of the run's migrated database. */
export function workerDatabase(run: string, worker: number | string): string {
  return `${run}_w${worker}`;
}
