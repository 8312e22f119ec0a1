import { DEFAULT_REDIS_URL } from '@backend/config/defaults';
import { deleteRunKeys } from '../support/redis-keys';
import { dropDatabase, onServer, workerDatabase } from './test-database';

/**
 * Drops the run's database and Redis keys (those of every test file's prefix too: setup/file-prefix.ts); KEEP_TEST_DB=1
 * keeps the databases (the run's and its workers') for a look after a failure.
 */
export default async function globalTeardown(): Promise<void> {
  const base = process.env.REPERE_TEST_BASE_URL;
  const run = process.env.REPERE_TEST_DATABASE;
  if (!base || !run) return;
  if (process.env.KEEP_TEST_DB) console.log(`\nKept test database ${run}`);
  else {
    const workers = await onServer(base, (c) =>
      c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [workerDatabase(run, '')]),
    );
    for (const { datname } of workers.rows) await dropDatabase(base, datname);
    await dropDatabase(base, run);
  }
  await deleteRunKeys(process.env.REDIS_URL ?? DEFAULT_REDIS_URL, run);
}
