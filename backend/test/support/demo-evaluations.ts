import type { DataSource } from 'typeorm';

// A plan has at most one evaluation of each kind that is not closed (README, Evaluations), and the demo plan is
// shared by the test files that run at the same time. A file that opens evaluations of the demo plan holds this
// lock (a PostgreSQL session advisory lock, on a connection of its own) from before it opens one until every one it
// opened there is closed or purged: files then take turns on the demo plan's evaluations instead of meeting a 409.

const DEMO_EVALUATIONS_LOCK = 7_342_015;

/** How long a hook or test that takes the lock may wait for another file to be done with the demo plan's evaluations. */
export const DEMO_EVALUATIONS_WAIT_MS = 10 * 60_000;

// The demo seeds an open final evaluation of the Parc-Extension plan (demo/parc-ex-evaluations.ts): while a file holds
// the lock it is set aside (closed), so that the file can open its own of either kind, and it is open again on release.
const SET_ASIDE = `UPDATE evaluations e SET state = 'closed', closed_at = now()
    FROM plans p WHERE p.id = e.plan_id AND p.title LIKE 'Plan d''action 2021/2023%' AND e.state = 'open' AND e.closed_by IS NULL
      AND e.opened_by = (SELECT id FROM users WHERE email = 'evaluation@demo.repere.org')
    RETURNING e.id`;
const PUT_BACK = `UPDATE evaluations SET state = 'open', closed_at = NULL WHERE id = ANY($1)`;

/** Waits for the lock; the returned function releases it (once). */
export async function lockDemoEvaluations(db: DataSource): Promise<() => Promise<void>> {
  const runner = db.createQueryRunner();
  await runner.connect();
  let setAside: string[];
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [DEMO_EVALUATIONS_LOCK]);
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [rows] = (await runner.query(SET_ASIDE)) as [{ id: string }[], number];
    setAside = rows.map((r) => r.id);
  } catch (err) {
    await runner.release();
    throw err;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await runner.query(PUT_BACK, [setAside]);
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
