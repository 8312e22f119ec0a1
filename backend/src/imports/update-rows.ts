import type { DataSource, EntityManager } from 'typeorm';

/** Runs an UPDATE … RETURNING and gives its rows: TypeORM answers an UPDATE with [rows, affected], not with the rows. */
export async function updateReturning<T>(db: DataSource | EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await db.query(sql, params)) as [T[], number];
  return rows;
}
