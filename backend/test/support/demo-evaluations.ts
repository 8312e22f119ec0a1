import type { DataSource } from 'typeorm';

// A plan has at most one evaluation of each kind that is not closed (README, Evaluations), and the demo plan is
// shared by the test files that run at the same time. A file that opens evaluations of the demo plan holds this
// lock (a PostgreSQL session advisory lock, on a connection of its own) from before it opens one until every one it
// opened there is closed or purged: files then take turns on the demo plan's evaluations instead of meeting a 409.

const DEMO_EVALUATIONS_LOCK = 7_342_015;

/** How long a hook or test that takes the lock may wait for another file to be done with the demo plan's evaluations. */
export const DEMO_EVALUATIONS_WAIT_MS = 10 * 60_000;

/** Waits for the lock; the returned function releases it (once). */
export async function lockDemoEvaluations(db: DataSource): Promise<() => Promise<void>> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [DEMO_EVALUATIONS_LOCK]);
  } catch (err) {
    await runner.release();
    throw err;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await runner.query('SELECT pg_advisory_unlock($1)', [DEMO_EVALUATIONS_LOCK]);
    } finally {
      await runner.release();
    }
  };
}

/** Runs `work` holding the lock. */
export async function withDemoEvaluations<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  const release = await lockDemoEvaluations(db);
  try {
    return await work();
  } finally {
    await release();
  }
}
