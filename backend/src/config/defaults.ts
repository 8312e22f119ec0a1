/** The local services of a developer's machine (DEVELOPERS.md); overridden by DATABASE_URL and REDIS_URL. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/repere';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
