import type { RedisOptions } from 'ioredis';

/**
 * ioredis options from a redis:// URL. The API passes `failFast` so that a stopped Redis makes its calls fail
 * at once instead of queueing forever; workers wait for Redis to come back (BullMQ requires that).
 */
export function redisOptions(url: string, mode: 'failFast' | 'worker'): RedisOptions {
  const u = new URL(url);
  const base: RedisOptions = {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
  return mode === 'failFast'
    ? { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 }
    : { ...base, maxRetriesPerRequest: null };
}
