import Redis from 'ioredis';

/** Deletes the keys under a queue prefix (`<prefix>:*`) from a Redis. */
export function deleteKeys(url: string, prefix: string): Promise<void> {
  return deleteMatching(url, [`${prefix}:*`]);
}

/**
 * Deletes a run's keys: under its prefix, and under the prefixes derived from it (`<run>_<test file>` for each file,
 * setup/file-prefix.ts, and the `<run>_…` or `<run>-…` some files take for the processes they start).
 */
export function deleteRunKeys(url: string, run: string): Promise<void> {
  return deleteMatching(url, [`${run}:*`, `${run}_*`, `${run}-*`]);
}

async function deleteMatching(url: string, patterns: string[]): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    for (const pattern of patterns) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
