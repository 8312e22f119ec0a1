import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from '@backend/config/defaults';
import { runMigrations } from '@backend/database/migrate';
import { DEMO_PASSWORD } from '@backend/demo/demo-users';
import { createDatabase, dropDatabase } from './setup/test-database';
import { deleteKeys } from './support/redis-keys';
import { bearer, startTestApp, TestApp } from './support/test-app';

// Authentication that holds (issue 15): the per-account sign-in throttle, the password policy, sessions revoked when
// the password or the role changes, the last administrator kept, one's own password change. This file runs on a
// database of its own: it demotes and removes the demo administrator, which the other files running at the same
// time sign in as.

const VARIABLES = ['DATABASE_URL', 'QUEUE_PREFIX', 'LOGIN_ACCOUNT_FAILURES', 'LOGIN_RATE_LIMIT', 'TRUST_PROXY'] as const;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
const base = process.env.REPERE_TEST_BASE_URL ?? DEFAULT_DATABASE_URL;
const database = `${process.env.REPERE_TEST_DATABASE ?? 'repere_test'}_auth`;
const prefix = `${process.env.QUEUE_PREFIX ?? 'repere_test'}_auth`;
const ADMIN = 'admin@demo.repere.org';
const FAILURES = 5;

interface LoginReply {
  accessToken: string;
  deviceToken: string;
  user: { id: string; email: string; role: string };
}

let t: TestApp;
let seq = 0;

const login = (body: object, client = '203.0.113.1') => t.http().post('/api/auth/login').set('X-Forwarded-For', client).send(body);
const me = (token: string) => t.http().get('/api/auth/me').set(bearer(token));
const clearCounts = () => deleteKeys(process.env.REDIS_URL ?? DEFAULT_REDIS_URL, `${prefix}:login`);

/** A user of this file's own, created by the admin. */
async function newUser(
  role: 'admin' | 'evaluator' | 'committee',
  password = 'a-fine-long-passphrase',
): Promise<{ id: string; email: string; password: string }> {
  seq += 1;
  const email = `hardening-${seq}-${Date.now()}@example.org`;
  const res = await t.http().post('/api/users').set(bearer(t.tokens.admin)).send({ email, password, role }).expect(201);
  return { id: (res.body as { id: string }).id, email, password };
}

beforeAll(async () => {
  await dropDatabase(base, database);
  const url = await createDatabase(base, database);
  await runMigrations(url);
  Object.assign(process.env, {
    DATABASE_URL: url,
    QUEUE_PREFIX: prefix,
    LOGIN_ACCOUNT_FAILURES: String(FAILURES),
    LOGIN_RATE_LIMIT: '0',
    TRUST_PROXY: 'loopback',
  });
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
  await clearCounts();
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await dropDatabase(base, database);
});
beforeEach(clearCounts);

describe('The per-account sign-in throttle', () => {
  it(`answers 429 with Retry-After after ${FAILURES} wrong passwords on one account, even from a new address each time`, async () => {
    const user = await newUser('evaluator');
    const statuses: number[] = [];
    for (let i = 0; i < FAILURES; i += 1)
      statuses.push((await login({ email: user.email, password: `wrong-${i}` }, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual(Array(FAILURES).fill(401));
    // The right password from yet another unknown address waits too: the guesser cannot tell it was right.
    const next = await login({ email: user.email, password: user.password }, '198.51.100.200');
    expect(next.status).toBe(429);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(0);
    expect(next.body).toEqual({
      statusCode: 429,
      code: 'too_many_requests',
      message: expect.stringMatching(/^Too many failed sign-in attempts for this account\. Try again in \d+ seconds\.$/),
    });
    // Another account is not affected.
    await login({ email: ADMIN, password: DEMO_PASSWORD }, '198.51.100.1').expect(200);
  });

  it('lets the owner in from a client where they signed in before (its device token), whatever strangers tried', async () => {
    const user = await newUser('committee');
    const earlier = (await login({ email: user.email, password: user.password }, '192.0.2.10').expect(200)).body as LoginReply;
    expect(earlier.deviceToken).toEqual(expect.any(String));
    for (let i = 0; i < FAILURES + 3; i += 1) await login({ email: user.email, password: `guess-${i}` }, `198.51.100.${i + 1}`);
    expect((await login({ email: user.email, password: user.password }, '198.51.100.77')).status).toBe(429);
    const owner = await login({ email: user.email, password: user.password, deviceToken: earlier.deviceToken }, '192.0.2.10');
    expect(owner.status).toBe(200);
    await me((owner.body as LoginReply).accessToken).expect(200);
  });

  it('gives a device token no weight for another account, and throttles a device that guesses on its own', async () => {
    const [a, b] = [await newUser('committee'), await newUser('committee')];
    const deviceOfA = ((await login({ email: a.email, password: a.password }).expect(200)).body as LoginReply).deviceToken;
    for (let i = 0; i < FAILURES; i += 1) await login({ email: b.email, password: `guess-${i}` }, `198.51.100.${i + 1}`);
    expect((await login({ email: b.email, password: b.password, deviceToken: deviceOfA })).status).toBe(429);
    const statuses = [];
    for (let i = 0; i < FAILURES + 1; i += 1)
      statuses.push((await login({ email: a.email, password: `wrong-${i}`, deviceToken: deviceOfA })).status);
    expect(statuses).toEqual([...Array(FAILURES).fill(401), 429]);
  });

  it('counts an unknown email like a known one (the answers say nothing about which exist)', async () => {
    const statuses = [];
    for (let i = 0; i < FAILURES + 1; i += 1)
      statuses.push((await login({ email: 'nobody-here@example.org', password: `guess-${i}` }, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual([...Array(FAILURES).fill(401), 429]);
  });

  it('forgets the failures once the right password is given', async () => {
    const user = await newUser('committee');
    for (let i = 0; i < FAILURES - 1; i += 1) await login({ email: user.email, password: `wrong-${i}` }).expect(401);
    await login({ email: user.email, password: user.password }).expect(200);
    for (let i = 0; i < FAILURES - 1; i += 1) await login({ email: user.email, password: `wrong-${i}` }).expect(401);
    await login({ email: user.email, password: user.password }).expect(200);
  });

  it('refuses a session token in place of a device token, and a device token in place of a session token', async () => {
    const user = await newUser('committee');
    const reply = (await login({ email: user.email, password: user.password }).expect(200)).body as LoginReply;
    await me(reply.deviceToken).expect(401);
    for (let i = 0; i < FAILURES; i += 1) await login({ email: user.email, password: `wrong-${i}` }, `198.51.100.${i + 1}`);
    expect((await login({ email: user.email, password: user.password, deviceToken: reply.accessToken })).status).toBe(429);
  });
});

describe('The password policy', () => {
  it.each([
    ['a common password', 'azertyuiop', /most commonly used passwords/],
    ['a common password in capitals', 'PASSWORD123', /most commonly used passwords/],
    ['one character repeated', 'aaaaaaaaaaaa', /single character repeated/],
    ['a short one', 'court-9', /longer than or equal to 10 characters/],
  ])('refuses %s when an admin creates a user, naming password', async (_what, password, why) => {
    const res = await t
      .http()
      .post('/api/users')
      .set(bearer(t.tokens.admin))
      .send({ email: `policy-${Date.now()}@example.org`, password, role: 'committee' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(why), code: 'isAcceptablePassword' }]);
  });

  it('refuses the email as the password, on creation and on an update', async () => {
    const email = `same-${Date.now()}@example.org`;
    const created = await t.http().post('/api/users').set(bearer(t.tokens.admin)).send({ email, password: email, role: 'committee' });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([
      { field: 'password', message: expect.stringMatching(/must not be the account's email/), code: 'isAcceptablePassword' },
    ]);
    const user = await newUser('committee');
    const updated = await t.http().patch(`/api/users/${user.id}`).set(bearer(t.tokens.admin)).send({ password: user.email.toUpperCase() });
    expect(updated.status).toBe(400);
    expect(updated.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(/must not be the account's email/) }]);
    const common = await t.http().patch(`/api/users/${user.id}`).set(bearer(t.tokens.admin)).send({ password: 'qwertyuiop' });
    expect(common.status).toBe(400);
    expect(common.body.errors).toEqual([
      { field: 'password', message: expect.stringMatching(/most commonly used/), code: 'isAcceptablePassword' },
    ]);
  });
});

describe('Sessions revoked', () => {
  it('refuses a token issued before an admin changed the password', async () => {
    const user = await newUser('evaluator');
    const old = ((await login({ email: user.email, password: user.password }).expect(200)).body as LoginReply).accessToken;
    await me(old).expect(200);
    await t.http().patch(`/api/users/${user.id}`).set(bearer(t.tokens.admin)).send({ password: 'another-fine-passphrase' }).expect(200);
    const refused = await me(old);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('session_revoked');
    const fresh = ((await login({ email: user.email, password: 'another-fine-passphrase' }).expect(200)).body as LoginReply).accessToken;
    await me(fresh).expect(200);
  });

  it('refuses a token issued before the role changed, and keeps it after a change of display name', async () => {
    const user = await newUser('evaluator');
    const old = ((await login({ email: user.email, password: user.password }).expect(200)).body as LoginReply).accessToken;
    await t.http().patch(`/api/users/${user.id}`).set(bearer(t.tokens.admin)).send({ displayName: 'Renamed' }).expect(200);
    await me(old).expect(200);
    await t.http().patch(`/api/users/${user.id}`).set(bearer(t.tokens.admin)).send({ role: 'committee' }).expect(200);
    expect((await me(old)).status).toBe(401);
  });
});

describe("One's own password change (POST /api/auth/password)", () => {
  const change = (token: string, body: object) => t.http().post('/api/auth/password').set(bearer(token)).send(body);

  it('changes it, answers a new token, ends the other sessions, and signs in with the new password only', async () => {
    const user = await newUser('committee');
    const first = ((await login({ email: user.email, password: user.password }).expect(200)).body as LoginReply).accessToken;
    const second = ((await login({ email: user.email, password: user.password }).expect(200)).body as LoginReply).accessToken;
    const res = await change(first, { currentPassword: user.password, newPassword: 'my-own-new-passphrase' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), user: expect.objectContaining({ id: user.id, email: user.email }) });
    await me((res.body as LoginReply).accessToken).expect(200);
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(401);
    await login({ email: user.email, password: user.password }).expect(401);
    await login({ email: user.email, password: 'my-own-new-passphrase' }).expect(200);
  });

  it('refuses a wrong current password (naming currentPassword) and a weak new one (naming newPassword and why)', async () => {
    const user = await newUser('committee');
    const token = ((await login({ email: user.email, password: user.password }).expect(200)).body as LoginReply).accessToken;
    const wrong = await change(token, { currentPassword: 'not-my-password', newPassword: 'my-own-new-passphrase' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      code: 'current_password_wrong',
      errors: [{ field: 'currentPassword', message: expect.any(String) }],
    });
    const common = await change(token, { currentPassword: user.password, newPassword: 'iloveyou12' });
    expect(common.status).toBe(400);
    expect(common.body).toMatchObject({
      code: 'password_common',
      errors: [{ field: 'newPassword', message: expect.stringMatching(/most commonly used/) }],
    });
    await me(token).expect(200); // nothing changed
  });

  it(`throttles guesses of the current password after ${FAILURES}`, async () => {
    const user = await newUser('committee');
    const token = ((await login({ email: user.email, password: user.password }).expect(200)).body as LoginReply).accessToken;
    const statuses = [];
    for (let i = 0; i < FAILURES + 1; i += 1)
      statuses.push((await change(token, { currentPassword: `guess-${i}`, newPassword: 'my-own-new-passphrase' })).status);
    expect(statuses).toEqual([...Array(FAILURES).fill(400), 429]);
  });
});

describe('The last administrator', () => {
  it('cannot be demoted or deleted (409 saying why), while another admin can', async () => {
    const other = await newUser('admin');
    // Another admin can go: the demo admin remains.
    await t.http().patch(`/api/users/${other.id}`).set(bearer(t.tokens.admin)).send({ role: 'evaluator' }).expect(200);
    await t.http().delete(`/api/users/${other.id}`).set(bearer(t.tokens.admin)).expect(204);
    const adminId = ((await me(t.tokens.admin).expect(200)).body as { id: string }).id;
    const rows = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE role = 'admin'`);
    expect(rows.map((r) => r.id)).toEqual([adminId]);
    const demoted = await t.http().patch(`/api/users/${adminId}`).set(bearer(t.tokens.admin)).send({ role: 'committee' });
    expect(demoted.status).toBe(409);
    expect(demoted.body).toMatchObject({ code: 'last_admin', message: expect.stringMatching(/last administrator and cannot be demoted/) });
    const deleted = await t.http().delete(`/api/users/${adminId}`).set(bearer(t.tokens.admin));
    expect(deleted.status).toBe(409);
    expect(deleted.body).toMatchObject({ code: 'last_admin', message: expect.stringMatching(/last administrator and cannot be deleted/) });
    await me(t.tokens.admin).expect(200); // still an admin, still signed in
    // With a second admin, the first may step down.
    const second = await newUser('admin');
    await t.http().patch(`/api/users/${adminId}`).set(bearer(t.tokens.admin)).send({ role: 'evaluator' }).expect(200);
    const secondToken = ((await login({ email: second.email, password: second.password }).expect(200)).body as LoginReply).accessToken;
    await t.http().patch(`/api/users/${adminId}`).set(bearer(secondToken)).send({ role: 'admin' }).expect(200);
  });
});
