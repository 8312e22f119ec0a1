// Runs in every test worker before the tests: quiet logs and a fixed secret; the database and the Redis
// prefix come from the global setup.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
process.env.PUBLIC_RATE_LIMIT = process.env.PUBLIC_RATE_LIMIT ?? '0';
// Tests sign in many times a minute from one address; the sign-in limit has tests of its own.
process.env.LOGIN_RATE_LIMIT = process.env.LOGIN_RATE_LIMIT ?? '0';
// Tests give wrong passwords on the demo accounts; the per-account throttle has tests of its own (auth-hardening).
process.env.LOGIN_ACCOUNT_FAILURES = process.env.LOGIN_ACCOUNT_FAILURES ?? '0';
