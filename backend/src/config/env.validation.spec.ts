import { validateEnv } from './env.validation';

describe(validateEnv.name, () => {
  it('fills in the local defaults of a developer machine', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/repere', REDIS_URL: 'redis://127.0.0.1:6379', PUBLIC_RATE_LIMIT: 60 });
  });

  it('reads numbers from strings, and 0 turns the public rate limit off', () => {
    expect(validateEnv({ PORT: '8080', PUBLIC_RATE_LIMIT: '0' })).toMatchObject({ PORT: 8080, PUBLIC_RATE_LIMIT: 0 });
  });

  it('names every bad variable at start-up', () => {
    expect(() => validateEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' })).toThrow(/PORT[\s\S]*DATABASE_URL must be a postgres:\/\/ URL[\s\S]*JWT_SECRET must be at least 32 characters/);
  });

  it('takes an http(s) PUBLIC_URL for the links and QR codes, and refuses anything else', () => {
    expect(validateEnv({ PUBLIC_URL: 'https://repere.example.org' })).toMatchObject({ PUBLIC_URL: 'https://repere.example.org' });
    expect(() => validateEnv({ PUBLIC_URL: 'ftp://repere.example.org' })).toThrow('PUBLIC_URL must be an http(s) URL');
  });

  it('requires a JWT secret in production', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow('JWT_SECRET is required in production');
  });
});
