import type { Client } from 'pg';

/**
 * Rows 1 … `rows` written in chunks of 50,000 by `write`, on every connection at once (PostgreSQL builds each chunk
 * itself: INSERT … SELECT generate_series). Calls `progress` with the rows done after each chunk.
 */
export async function inChunks(
  connections: Client[],
  rows: number,
  write: (db: Client, lo: number, hi: number) => Promise<unknown>,
  progress: (done: number) => void,
): Promise<void> {
  const chunk = 50_000;
  let next = 1;
  let done = 0;
  await Promise.all(
    connections.map(async (db) => {
      while (next <= rows) {
        const lo = next;
        const hi = Math.min(rows, lo + chunk - 1);
        next = hi + 1;
        await write(db, lo, hi);
        done += hi - lo + 1;
        progress(done);
      }
    }),
  );
}
