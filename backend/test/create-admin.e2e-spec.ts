import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from './support/test-app';

// A deployment without the demo data gets its first administrator from `npm run create-admin -- <email>`.
const SCRIPT = join(resolve(__dirname, '../..'), 'dist/backend/src/users/create-admin.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [SCRIPT, ...args], { env: { ...process.env, ...env } }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (err: { code: number; stderr: string }) => ({ code: err.code, out: err.stderr }),
  );

describe('npm run create-admin', () => {
  let t: TestApp;
  const email = `ops-${Date.now()}@ville.example`;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.db.query('DELETE FROM users WHERE email LIKE $1', ['ops-%@ville.example']);
    await t.close();
  });

  it('creates an administrator whose printed password signs in, once', async () => {
    const created = await run([email]);
    expect(created.code).toBe(0);
    const password = /Password: (\S+)/.exec(created.out)?.[1];
    expect(password).toBeDefined();
    const session = await t.http().post('/api/auth/login').send({ email, password }).expect(200);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${session.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email, role: 'admin' });

    const again = await run([email]);
    expect(again).toEqual({ code: 1, out: expect.stringContaining(`${email} already has an account`) });
  });

  it('takes ADMIN_PASSWORD when given, and refuses one too short, naming the rule', async () => {
    expect(await run([`ops-short-${Date.now()}@ville.example`], { ADMIN_PASSWORD: 'short' })).toEqual({
      code: 1,
      out: expect.stringContaining('password must be longer than or equal to 10 characters'),
    });
    const chosen = `ops-chosen-${Date.now()}@ville.example`;
    const made = await run([chosen], { ADMIN_PASSWORD: 'a-long-enough-passphrase' });
    expect(made.out).not.toContain('Password:');
    await t.http().post('/api/auth/login').send({ email: chosen, password: 'a-long-enough-passphrase' }).expect(200);
  });
});
