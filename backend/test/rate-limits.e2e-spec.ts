import { randomUUID } from 'node:crypto';
import { DEFAULT_REDIS_URL } from '@backend/config/defaults';
import { DEMO_PASSWORD } from '@backend/demo/demo-users';
import { startApi, stopAll } from './support/child-processes';
import { createQuestionnaire, removeQuestionnaire } from './support/questionnaire-factory';
import { deleteKeys } from './support/redis-keys';
import { startTestApp, TestApp } from './support/test-app';

// The per-client limits of the routes reached without an account (API.md: PUBLIC_RATE_LIMIT a minute on the
// residents' routes; LOGIN_RATE_LIMIT on the sign-in). Counts live in Redis under this file's prefix, so each test
// starts from none.

const LIMIT_VARIABLES = ['PUBLIC_RATE_LIMIT', 'LOGIN_RATE_LIMIT', 'TRUST_PROXY'] as const;
const saved = Object.fromEntries(LIMIT_VARIABLES.map((name) => [name, process.env[name]]));

async function appWith(env: Partial<Record<(typeof LIMIT_VARIABLES)[number], string>>): Promise<TestApp> {
  for (const name of LIMIT_VARIABLES) {
    if (env[name] === undefined) delete process.env[name];
    else process.env[name] = env[name];
  }
  process.env.LOGIN_RATE_LIMIT ??= '0';
  process.env.PUBLIC_RATE_LIMIT ??= '0';
  return startTestApp();
}

const clearCounts = () => deleteKeys(process.env.REDIS_URL ?? DEFAULT_REDIS_URL, `${process.env.QUEUE_PREFIX}:rate-limit`);
beforeEach(clearCounts);
afterEach(() => {
  for (const name of LIMIT_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('Rate limit on the public endpoints', () => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('answers the 6th read in a minute with 429, Retry-After and a message saying the limit, when the limit is 5', async () => {
    t = await appWith({ PUBLIC_RATE_LIMIT: '5' });
    const q = await createQuestionnaire(t.db);
    try {
      const statuses: number[] = [];
      let last = await t.http().get(`/api/public/questionnaires/${q.slug}`);
      expect(last.headers['x-ratelimit-limit']).toBe('5');
      statuses.push(last.status);
      for (let i = 1; i < 6; i += 1) {
        last = await t.http().get(`/api/public/questionnaires/${q.slug}`);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      expect(last.body).toEqual({
        statusCode: 429,
        code: 'too_many_requests',
        message: expect.stringMatching(/at most 5 a minute\. Try again in \d+ seconds/),
      });
    } finally {
      await removeQuestionnaire(t.db, q.questionnaireId);
    }
  });

  it('does not let a client that rotates X-Forwarded-For escape the limit when no proxy is trusted (the default)', async () => {
    t = await appWith({ PUBLIC_RATE_LIMIT: '3' });
    const send = (client: string) =>
      t!
        .http()
        .post('/api/public/questionnaires/no-such-slug/responses')
        .set('X-Forwarded-For', client)
        .set('Idempotency-Key', randomUUID())
        .send({});
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await send(`203.0.113.${i + 1}`)).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });

  it('counts per real client behind a trusted proxy (TRUST_PROXY), each with its own count', async () => {
    // The tests' requests come from 127.0.0.1, the proxy here; the address it forwards is the client.
    t = await appWith({ PUBLIC_RATE_LIMIT: '2', TRUST_PROXY: 'loopback' });
    const send = (client: string) =>
      t!
        .http()
        .post('/api/public/questionnaires/no-such-slug/responses')
        .set('X-Forwarded-For', client)
        .set('Idempotency-Key', randomUUID())
        .send({});
    const first = await send('203.0.113.7');
    expect(first.headers['x-ratelimit-remaining']).toBe('1');
    const statuses = [first.status, (await send('203.0.113.7')).status, (await send('203.0.113.7')).status];
    expect(statuses).toEqual([404, 404, 429]);
    expect((await send('198.51.100.23')).status).toBe(404);
    // A client that writes its own X-Forwarded-For before the proxy's is still counted as what the proxy saw.
    expect((await send('10.9.9.9, 203.0.113.7')).status).toBe(429);
  });

  it('keeps reading and sending apart: reading a questionnaire does not use up sending an answer', async () => {
    t = await appWith({ PUBLIC_RATE_LIMIT: '2' });
    const q = await createQuestionnaire(t.db);
    try {
      for (let i = 0; i < 3; i += 1) await t.http().get(`/api/public/questionnaires/${q.slug}`);
      const sent = await t.http().post(`/api/public/questionnaires/${q.slug}/responses`).set('Idempotency-Key', randomUUID()).send({});
      expect(sent.status).not.toBe(429);
    } finally {
      await removeQuestionnaire(t.db, q.questionnaireId);
    }
  });

  it('does not limit at all when the limit is 0', async () => {
    t = await appWith({ PUBLIC_RATE_LIMIT: '0' });
    const q = await createQuestionnaire(t.db);
    try {
      const statuses = [];
      for (let i = 0; i < 30; i += 1) statuses.push((await t.http().get(`/api/public/questionnaires/${q.slug}`)).status);
      expect(statuses).toEqual(Array(30).fill(200));
    } finally {
      await removeQuestionnaire(t.db, q.questionnaireId);
    }
  });
});

describe('Rate limit on signing in', () => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('refuses the 6th attempt in a minute from one address when the limit is 5, even with the right password', async () => {
    t = await appWith({ LOGIN_RATE_LIMIT: '5' });
    await clearCounts(); // the test app signed its four demo users in
    const attempt = (password: string) => t!.http().post('/api/auth/login').send({ email: 'admin@demo.repere.org', password });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await attempt(`wrong-${i}`)).status);
    const sixth = await attempt(DEMO_PASSWORD);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(sixth.status).toBe(429);
    expect(sixth.body.message).toMatch(/Too many sign-in attempts from this address: at most 5 a minute/);
  });
});

describe('Rate limit across two API processes', () => {
  afterAll(() => stopAll());

  it('holds as one limit whichever process a client reaches (the counts are in Redis)', async () => {
    const env = { PUBLIC_RATE_LIMIT: '4', LOGIN_RATE_LIMIT: '0', TRUST_PROXY: 'off' };
    const [a, b] = await Promise.all([startApi('api-a', env), startApi('api-b', env)]);
    const send = (url: string) =>
      fetch(`${url}/api/public/questionnaires/no-such-slug/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: '{}',
      }).then((r) => r.status);
    const statuses = [];
    for (const url of [a.url, b.url, a.url, b.url, a.url, b.url]) statuses.push(await send(url));
    expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
  });
});
