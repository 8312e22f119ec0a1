import type { Config } from '@jest/types';
import Redis from 'ioredis';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from '@backend/config/defaults';
import { runMigrations } from '@backend/database/migrate';
import { createDatabase, onServer, workerDatabase } from './test-database';

/**
 * Each `npm test` gets a database of its own, migrated once, and its own prefix in Redis, so runs on one
 * machine (a developer's and CI's) never see each other's data. Workers inherit these variables.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const base = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const run = `repere_test_${Date.now()}_${process.pid}`;
  let url: string;
  try {
    url = await createDatabase(base, run);
  } catch (err) {
    throw new Error(`Tests need PostgreSQL at ${base} (set DATABASE_URL): ${(err as Error).message}`, { cause: err });
  }
  const redis = new Redis(process.env.REDIS_URL ?? DEFAULT_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Tests need Redis at ${process.env.REDIS_URL ?? DEFAULT_REDIS_URL} (set REDIS_URL): ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    redis.disconnect();
  }
  await runMigrations(url);
  // Jest runs test files in parallel workers: each worker gets a copy of the migrated database (setup/file-prefix.ts
  // points its files at it), so files running at the same time never see each other's rows, while the files of one
  // worker run one after another as they always did.
  await onServer(base, async (c) => {
    for (let worker = 1; worker <= globalConfig.maxWorkers; worker++) {
      await c.query(`CREATE DATABASE "${workerDatabase(run, worker)}" TEMPLATE "${run}"`);
    }
  });
  process.env.REPERE_TEST_BASE_URL = base;
  process.env.REPERE_TEST_DATABASE = run;
  process.env.DATABASE_URL = url;
  process.env.QUEUE_PREFIX = run;
}
