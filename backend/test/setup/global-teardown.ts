import Redis from 'ioredis';
import { DEFAULT_REDIS_URL } from '@backend/config/defaults';
import { dropDatabase } from './test-database';

/** Drops the run's database and Redis keys; KEEP_TEST_DB=1 keeps the database for a look after a failure. */
export default async function globalTeardown(): Promise<void> {
  const base = process.env.REPERE_TEST_BASE_URL;
  const run = process.env.REPERE_TEST_DATABASE;
  if (!base || !run) return;
  if (process.env.KEEP_TEST_DB) console.log(`\nKept test database ${run}`);
  else await dropDatabase(base, run);
  const redis = new Redis(process.env.REDIS_URL ?? DEFAULT_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${run}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
