import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import { DEMO_PASSWORD, DEMO_USERS } from '@backend/demo/demo-users';
import type { Role } from '@backend/users/role';
import { fixtures, Fixtures, uniqueText } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface UserView {
  id: string;
  email: string;
  role: Role;
  organizationId: string | null;
  displayName: string | null;
}
interface LoginReply {
  accessToken: string;
  user: UserView;
}
interface FieldError {
  field: string;
  message: string;
}
interface ErrorReply {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
}
interface TokenPayload {
  sub: string;
  email: string;
  role: Role;
  org: string | null;
}

/** What must never leave the server: the hash's name in any spelling, a "password" key, an argon2 hash. */
const SECRET_LOOKING = /passwordhash|password_hash|"password"\s*:|\$argon2/i;

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Authentication', () => {
  let t: TestApp;
  let f: Fixtures;
  let admin: UserView;
  const secret = process.env.JWT_SECRET;

  const login = (body: object) => t.http().post('/api/auth/login').send(body);
  const me = (authorization: string) => t.http().get('/api/auth/me').set('Authorization', authorization);
  const adminPayload = (): TokenPayload => ({ sub: admin.id, email: admin.email, role: admin.role, org: admin.organizationId });

  /** The stored password hashes that a response's text contains: none, ever. */
  async function leakedHashes(res: Response): Promise<string[]> {
    const rows = await t.db.query<{ hash: string }[]>('SELECT password_hash AS hash FROM users');
    return rows.map((r) => r.hash).filter((hash) => res.text.includes(hash));
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = fixtures(t);
    admin = (await t.http().get('/api/auth/me').set(bearer(t.tokens.admin)).expect(200)).body as UserView;
  });
  afterAll(async () => {
    await f.cleanup();
    await t.close();
  });

  it('signs the test tokens with the secret of the test environment', () => {
    expect(secret).toBe('test-secret-that-is-long-enough-for-hs256-signing');
  });

  describe('POST /api/auth/login', () => {
    it.each(DEMO_USERS)('signs in $email ($role) with a token and the user', async ({ email, role }) => {
      // Arrange
      const body = { email, password: DEMO_PASSWORD };
      // Act
      const res = await login(body);
      // Assert
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        deviceToken: expect.any(String),
        user: expect.objectContaining({ id: expect.any(String), email, role }),
      });
      const { accessToken, user } = res.body as LoginReply;
      const signedIn = await me(`Bearer ${accessToken}`).expect(200);
      expect(signedIn.body).toMatchObject({ id: user.id, email, role });
      expect(res.text).not.toMatch(SECRET_LOOKING);
      await expect(leakedHashes(res)).resolves.toEqual([]);
      expect(Object.keys(new JwtService().decode<Record<string, unknown>>(accessToken)).sort()).toEqual([
        'email',
        'exp',
        'iat',
        'org',
        'role',
        'sub',
        'ver',
      ]);
    });

    it('ignores the case of the email', async () => {
      // Arrange
      const lower = (await login({ email: 'admin@demo.repere.org', password: DEMO_PASSWORD }).expect(200)).body as LoginReply;
      // Act
      const res = await login({ email: 'ADMIN@Demo.Repere.ORG', password: DEMO_PASSWORD });
      // Assert
      expect(res.status).toBe(200);
      expect((res.body as LoginReply).user).toEqual(lower.user);
    });

    it('answers a wrong password and an unknown email with the same 401, hinting at neither', async () => {
      // Arrange
      const wrongPassword = { email: 'admin@demo.repere.org', password: 'not-the-demo-password' };
      const unknownEmail = { email: 'nobody@demo.repere.org', password: DEMO_PASSWORD };
      // Act
      const [byPassword, byEmail] = [await login(wrongPassword), await login(unknownEmail)];
      // Assert
      expect([byPassword.status, byEmail.status]).toEqual([401, 401]);
      expect(byEmail.body).toEqual(byPassword.body);
      expect(byPassword.body).toMatchObject({ statusCode: 401 });
      expect((byPassword.body as ErrorReply).errors).toBeUndefined();
    });

    it.each([
      { what: 'an empty body', body: {}, fields: ['email', 'password'] },
      { what: 'no email', body: { password: DEMO_PASSWORD }, fields: ['email'] },
      { what: 'no password', body: { email: 'admin@demo.repere.org' }, fields: ['password'] },
      { what: 'an email that is not one', body: { email: 'admin', password: DEMO_PASSWORD }, fields: ['email'] },
      { what: 'a number as email', body: { email: 42, password: DEMO_PASSWORD }, fields: ['email'] },
      { what: 'an empty password', body: { email: 'admin@demo.repere.org', password: '' }, fields: ['password'] },
      { what: 'a list as password', body: { email: 'admin@demo.repere.org', password: [DEMO_PASSWORD] }, fields: ['password'] },
      { what: 'a field of its own', body: { email: 'admin@demo.repere.org', password: DEMO_PASSWORD, role: 'admin' }, fields: ['role'] },
    ])('answers $what with a 400 naming $fields', async ({ body, fields }) => {
      // Arrange / Act
      const res = await login(body);
      // Assert
      expect(res.status).toBe(400);
      const reply = res.body as ErrorReply;
      expect(fields.filter((field) => !reply.message.includes(field))).toEqual([]);
      expect([...new Set((reply.errors ?? []).map((e) => e.field))].sort()).toEqual(fields);
    });

    it('answers a body that is not JSON with a 400', async () => {
      // Arrange / Act
      const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "admin@demo.repere.org",');
      // Assert
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400 });
    });
  });

  describe('bearer tokens', () => {
    it('accepts a token signed with the secret (the control for the cases below)', async () => {
      // Arrange
      const token = new JwtService({ secret }).sign(adminPayload(), { expiresIn: '1h' });
      // Act
      const res = await me(`Bearer ${token}`);
      // Assert
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: admin.id, role: 'admin' });
    });

    it.each([
      {
        what: 'signed with another secret',
        token: () => new JwtService({ secret: 'another-secret-that-is-long-enough-for-hs256' }).sign(adminPayload()),
      },
      { what: 'that has expired', token: () => new JwtService({ secret }).sign(adminPayload(), { expiresIn: '-1h' }) },
      { what: 'that is unsigned (alg none)', token: () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(adminPayload())}.` },
      {
        what: 'of a partner whose role was edited to admin',
        token: () => {
          const [header, , signature] = t.tokens.partner.split('.');
          const payload = new JwtService().decode<TokenPayload>(t.tokens.partner);
          return `${header}.${base64url({ ...payload, role: 'admin' })}.${signature}`;
        },
      },
    ])('refuses a token $what with a 401', async ({ token }) => {
      // Arrange
      const authorization = `Bearer ${token()}`;
      // Act
      const [own, adminOnly] = [await me(authorization), await t.http().get('/api/users').set('Authorization', authorization)];
      // Assert
      expect(own.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
      expect(adminOnly.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
    });

    it.each([
      { what: 'the scheme alone', header: () => 'Bearer' },
      { what: 'the scheme and a space', header: () => 'Bearer ' },
      { what: 'the token without its scheme', header: () => t.tokens.admin },
      { what: 'another scheme', header: () => `Basic ${Buffer.from(`admin@demo.repere.org:${DEMO_PASSWORD}`).toString('base64')}` },
      { what: 'a token that is not a JWT', header: () => 'Bearer not-a-jwt' },
      { what: 'a truncated token', header: () => `Bearer ${t.tokens.admin.slice(0, -10)}` },
      { what: 'a token followed by more', header: () => `Bearer ${t.tokens.admin} ${t.tokens.committee}` },
    ])('answers a malformed Authorization header ($what) with a 401', async ({ header }) => {
      // Arrange
      const authorization = header();
      // Act
      const res = await me(authorization);
      // Assert
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
    });

    it('answers 401 without an Authorization header', async () => {
      // Arrange / Act
      const res = await t.http().get('/api/auth/me');
      // Assert
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
    });
  });

  describe('GET /api/auth/me', () => {
    it.each(DEMO_USERS)('returns $email ($role) without any password hash', async ({ email, role }) => {
      // Arrange
      const token = t.tokens[role];
      // Act
      const res = await me(`Bearer ${token}`);
      // Assert
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: expect.any(String), email, role });
      expect(res.body).not.toHaveProperty('passwordHash');
      expect(res.text).not.toMatch(SECRET_LOOKING);
      await expect(leakedHashes(res)).resolves.toEqual([]);
    });

    it("gives the partner its organization's id", async () => {
      // Arrange / Act
      const res = await me(`Bearer ${t.tokens.partner}`).expect(200);
      // Assert
      expect((res.body as UserView).organizationId).toEqual(expect.any(String));
    });
  });

  describe('the user endpoints', () => {
    it('never send a password hash, whatever the route', async () => {
      // Arrange
      const auth = bearer(t.tokens.admin);
      const email = `${uniqueText('auth')}@example.org`;
      const newPassword = 'another-long-password';
      // Act
      const created = await t
        .http()
        .post('/api/users')
        .set(auth)
        .send({ email, password: 'a-long-password', role: 'committee', displayName: 'Auth test' });
      const id = (created.body as UserView).id;
      f.track(`/api/users/${id}`);
      const responses = {
        created,
        one: await t.http().get(`/api/users/${id}`).set(auth),
        list: await t.http().get('/api/users?limit=200').set(auth),
        patched: await t.http().patch(`/api/users/${id}`).set(auth).send({ password: newPassword, displayName: 'Auth test, renamed' }),
        signedIn: await login({ email, password: newPassword }),
        deleted: await t.http().delete(`/api/users/${id}`).set(auth),
      };
      // Assert
      expect(Object.values(responses).map((r) => r.status)).toEqual([201, 200, 200, 200, 200, 204]);
      for (const [name, res] of Object.entries(responses)) {
        expect({ name, text: res.text }).toEqual({ name, text: expect.not.stringMatching(SECRET_LOOKING) });
        await expect(leakedHashes(res)).resolves.toEqual([]);
      }
      expect((responses.list.body as { items: UserView[] }).items.map((u) => u.email)).toEqual(
        expect.arrayContaining([email, admin.email]),
      );
    });
  });
});

describe('Rights follow the user, not an old token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function signedInUser(role: 'admin' | 'committee') {
    const email = `rights-${role}-${Date.now()}@example.org`;
    const { body } = await t
      .http()
      .post('/api/users')
      .set(bearer(t.tokens.admin))
      .send({ email, password: 'a-long-password', role })
      .expect(201);
    const login = await t.http().post('/api/auth/login').send({ email, password: 'a-long-password' }).expect(200);
    return { id: body.id as string, token: login.body.accessToken as string };
  }

  it('takes an admin demoted to committee off the admin routes at once: the old session ends (issue 15)', async () => {
    const user = await signedInUser('admin');
    await t.http().get('/api/users').set(bearer(user.token)).expect(200);
    await t.http().patch(`/api/users/${user.id}`).set(bearer(t.tokens.admin)).send({ role: 'committee' }).expect(200);
    const refused = await t.http().get('/api/users').set(bearer(user.token)).expect(401);
    expect(refused.body.code).toBe('session_revoked');
  });

  it('refuses the token of a deleted user', async () => {
    const user = await signedInUser('committee');
    await t.http().delete(`/api/users/${user.id}`).set(bearer(t.tokens.admin)).expect(204);
    const res = await t.http().get('/api/plans').set(bearer(user.token)).expect(401);
    expect(res.body.code).toBe('unauthorized');
  });
});
