import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a query as a named prepared statement: PostgreSQL parses and plans it once per pooled connection instead of on
 * every call. For a hot path whose SQL is long (the progress endpoint, polled by every open dashboard): parsing and
 * planning it took 3 ms a call, executing it 0.3 ms. TypeORM's `query` sends unnamed statements only, hence the
 * driver's pool. `name` must be unique to `text`.
 */
export async function preparedQuery<T>(db: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (db.driver as PostgresDriver).master as Pool;
  return (await pool.query({ name, text, values })).rows as T[];
}
