import { validateEnv } from './env.validation';

describe(validateEnv.name, () => {
  it('fills in the local defaults of a developer machine', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/repere',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PUBLIC_RATE_LIMIT: 60,
    });
  });

  it('reads numbers from strings, and 0 turns the public rate limit off', () => {
    expect(validateEnv({ PORT: '8080', PUBLIC_RATE_LIMIT: '0' })).toMatchObject({ PORT: 8080, PUBLIC_RATE_LIMIT: 0 });
  });

  it('names every bad variable at start-up', () => {
    expect(() => validateEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' })).toThrow(
      /PORT[\s\S]*DATABASE_URL must be a postgres:\/\/ URL[\s\S]*JWT_SECRET must be at least 32 characters/,
    );
  });

  it('takes an http(s) PUBLIC_URL for the links and QR codes, and refuses anything else', () => {
    expect(validateEnv({ PUBLIC_URL: 'https://repere.example.org' })).toMatchObject({ PUBLIC_URL: 'https://repere.example.org' });
    expect(() => validateEnv({ PUBLIC_URL: 'ftp://repere.example.org' })).toThrow('PUBLIC_URL must be an http(s) URL');
  });

  it('starts in production without JWT_SECRET: the deployment then keeps a secret of its own in the database', () => {
    expect(validateEnv({ NODE_ENV: 'production' }).JWT_SECRET).toBeUndefined();
  });

  it('trusts no proxy unless told, and takes a hop count or a list of addresses', () => {
    expect(validateEnv({}).TRUST_PROXY).toBe(false);
    expect(validateEnv({ TRUST_PROXY: 'off' }).TRUST_PROXY).toBe(false);
    expect(validateEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(validateEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => validateEnv({ TRUST_PROXY: 'my-proxy.lan' })).toThrow(/TRUST_PROXY must be off, a hop count/);
  });

  it('passes ADMIN_PASSWORD on to create-admin as given, and leaves it unset otherwise (create-admin then draws one)', () => {
    expect(validateEnv({ ADMIN_PASSWORD: 'correct horse battery staple' }).ADMIN_PASSWORD).toBe('correct horse battery staple');
    expect(validateEnv({}).ADMIN_PASSWORD).toBeUndefined();
  });

  it('leaves an evaluation freezing a minute before the recovery freezes it again, unless told', () => {
    expect(validateEnv({}).FREEZE_RECOVERY_GRACE_SECONDS).toBe(60);
    expect(validateEnv({ FREEZE_RECOVERY_GRACE_SECONDS: '0' }).FREEZE_RECOVERY_GRACE_SECONDS).toBe(0);
    expect(() => validateEnv({ FREEZE_RECOVERY_GRACE_SECONDS: '-1' })).toThrow(/FREEZE_RECOVERY_GRACE_SECONDS/);
  });

  it('takes pretty or json as the log format', () => {
    expect(validateEnv({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(() => validateEnv({ LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT must be pretty or json');
  });
});
