import { createHash } from 'node:crypto';
import { UsersService } from '@backend/users/users.service';
import type { Role } from '@backend/users/role';
import { fixtures, Fixtures, uniqueText } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

// Accounts an admin opens without choosing the password (issue 18): a one-time invitation link, or a temporary
// password that must be changed first; deactivation; resets. On users of this file's own: never a demo user.

interface UserReply {
  id: string;
  email: string;
  role: Role;
  organizationId: string | null;
  active: boolean;
  mustChangePassword: boolean;
  invited: boolean;
  invitationToken?: string;
  invitationExpiresAt?: string;
  temporaryPassword?: string;
}
interface ErrorReply {
  statusCode: number;
  code: string;
  errors?: { field: string; message: string }[];
}

describe('Users: invitations, temporary passwords, deactivation', () => {
  let t: TestApp;
  let f: Fixtures;
  const created: string[] = [];

  const admin = () => bearer(t.tokens.admin);
  const login = (email: string, password: string) => t.http().post('/api/auth/login').send({ email, password });
  const invitation = (token: string) => t.http().get(`/api/auth/invitations/${token}`);
  const accept = (token: string, password: string) => t.http().post(`/api/auth/invitations/${token}`).send({ password });
  const fields = (body: ErrorReply) => (body.errors ?? []).map((e) => e.field);

  async function newUser(body: object): Promise<UserReply> {
    const email = `${uniqueText('invite')}@example.org`.toLowerCase();
    const res = await t
      .http()
      .post('/api/users')
      .set(admin())
      .send({ email, role: 'committee', ...body });
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201 });
    const user = res.body as UserReply;
    created.push(user.id);
    return user;
  }

  async function signedIn(email: string, password: string): Promise<string> {
    return ((await login(email, password).expect(200)).body as { accessToken: string }).accessToken;
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = fixtures(t);
  });
  afterAll(async () => {
    for (const id of created) await t.http().delete(`/api/users/${id}`).set(admin());
    await f.cleanup();
    await t.close();
  });

  describe('an invitation link', () => {
    it('opens once: the person chooses a password, is signed in, and the link is used up', async () => {
      // Arrange
      const user = await newUser({ credentials: 'invitation', displayName: 'Invitée' });
      expect(user).toMatchObject({ invited: true, active: true, mustChangePassword: false, invitationToken: expect.any(String) });
      expect(Date.parse(user.invitationExpiresAt ?? '') - Date.now()).toBeGreaterThan(6 * 24 * 3600_000);
      const token = user.invitationToken as string;
      // Only the digest is stored.
      const stored = await t.db.query<{ token_hash: string }[]>('SELECT token_hash FROM user_invitations WHERE user_id = $1', [user.id]);
      expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);

      // Act / Assert: whom it is for; no password opens the account yet
      await invitation(token).expect(200, {
        email: user.email,
        displayName: 'Invitée',
        role: 'committee',
        expiresAt: user.invitationExpiresAt,
      });
      await login(user.email, 'any-password-at-all').expect(401);

      // A refused password says which field, and does not use the link up
      const common = await accept(token, 'azertyuiop');
      expect(common.status).toBe(400);
      expect(fields(common.body as ErrorReply)).toEqual(['password']);
      await invitation(token).expect(200);

      const done = await accept(token, 'une-phrase-bien-a-moi');
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ accessToken: expect.any(String), user: { id: user.id, invited: false } });
      await t
        .http()
        .get('/api/auth/me')
        .set(bearer((done.body as { accessToken: string }).accessToken))
        .expect(200);

      // Single use
      const again = await accept(token, 'une-autre-phrase-encore');
      expect(again.body).toMatchObject({ statusCode: 410, code: 'invitation_used' });
      expect((await invitation(token)).body).toMatchObject({ statusCode: 410, code: 'invitation_used' });
      await signedIn(user.email, 'une-phrase-bien-a-moi');
    });

    it('stops working once expired, and a reset replaces it with a new one', async () => {
      // Arrange
      const user = await newUser({ credentials: 'invitation' });
      const token = user.invitationToken as string;
      await t.db.query(`UPDATE user_invitations SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [user.id]);
      // Act / Assert
      expect((await invitation(token)).body).toMatchObject({ statusCode: 410, code: 'invitation_expired' });
      expect((await accept(token, 'une-phrase-bien-a-moi')).body).toMatchObject({ statusCode: 410, code: 'invitation_expired' });
      const reset = await t.http().post(`/api/users/${user.id}/reset`).set(admin()).send({ credentials: 'invitation' }).expect(200);
      const fresh = (reset.body as UserReply).invitationToken as string;
      expect(fresh).not.toEqual(token);
      expect((await invitation(token)).body).toMatchObject({ statusCode: 404, code: 'invitation_not_found' });
      await accept(fresh, 'une-phrase-bien-a-moi').expect(200);
    });

    it('a reset by invitation ends the sessions and voids the old password', async () => {
      // Arrange
      const user = await newUser({ password: 'un-mot-de-passe-ancien' });
      const session = await signedIn(user.email, 'un-mot-de-passe-ancien');
      // Act
      const reset = await t.http().post(`/api/users/${user.id}/reset`).set(admin()).send({ credentials: 'invitation' }).expect(200);
      // Assert
      expect(reset.body).toMatchObject({ id: user.id, invited: true });
      expect((await t.http().get('/api/auth/me').set(bearer(session))).status).toBe(401);
      expect((await login(user.email, 'un-mot-de-passe-ancien')).body).toMatchObject({ code: 'invalid_credentials' });
      const events = await t.db.query<{ changes: object }[]>(
        `SELECT changes FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 AND changes ? 'credentials' ORDER BY seq`,
        [user.id],
      );
      expect(events).toEqual([{ changes: { credentials: { from: null, to: 'invitation' } } }]);
      expect(JSON.stringify(events)).not.toContain(reset.body.invitationToken as string);
    });

    it('answers 400 naming the token when it is not one', async () => {
      const res = await invitation('not!a!token');
      expect(res.status).toBe(400);
      expect(fields(res.body as ErrorReply)).toEqual(['token']);
    });
  });

  describe('a temporary password', () => {
    it('signs in, but nothing else is allowed until it is changed for a new one', async () => {
      // Arrange
      const user = await newUser({ credentials: 'temporary_password', role: 'evaluator' });
      expect(user).toMatchObject({ mustChangePassword: true, invited: false, temporaryPassword: expect.any(String) });
      const temporary = user.temporaryPassword as string;
      // Act
      const token = await signedIn(user.email, temporary);
      // Assert
      await t.http().get('/api/auth/me').set(bearer(token)).expect(200);
      const refused = await t.http().get('/api/plans').set(bearer(token));
      expect(refused.body).toMatchObject({ statusCode: 403, code: 'password_change_required' });
      const same = await t
        .http()
        .post('/api/auth/password')
        .set(bearer(token))
        .send({ currentPassword: temporary, newPassword: temporary });
      expect(same.body).toMatchObject({ statusCode: 400, code: 'password_unchanged', errors: [{ field: 'newPassword' }] });
      const changed = await t
        .http()
        .post('/api/auth/password')
        .set(bearer(token))
        .send({ currentPassword: temporary, newPassword: 'ma-propre-phrase-de-passe' })
        .expect(200);
      expect(changed.body).toMatchObject({ user: { mustChangePassword: false } });
      await t
        .http()
        .get('/api/plans')
        .set(bearer((changed.body as { accessToken: string }).accessToken))
        .expect(200);
    });

    it('a reset gives a new temporary password and ends the sessions', async () => {
      const user = await newUser({ password: 'un-mot-de-passe-ancien' });
      const session = await signedIn(user.email, 'un-mot-de-passe-ancien');
      const reset = await t.http().post(`/api/users/${user.id}/reset`).set(admin()).send({ credentials: 'temporary_password' }).expect(200);
      const temporary = (reset.body as UserReply).temporaryPassword as string;
      expect(temporary.length).toBeGreaterThanOrEqual(10);
      expect((await t.http().get('/api/auth/me').set(bearer(session))).status).toBe(401);
      await login(user.email, 'un-mot-de-passe-ancien').expect(401);
      const token = await signedIn(user.email, temporary);
      expect((await t.http().get('/api/auth/me').set(bearer(token)).expect(200)).body).toMatchObject({ mustChangePassword: true });
    });
  });

  describe('deactivation', () => {
    it('ends the sessions and refuses sign-in until reactivated', async () => {
      // Arrange
      const user = await newUser({ password: 'un-mot-de-passe-solide' });
      const session = await signedIn(user.email, 'un-mot-de-passe-solide');
      // Act
      const off = await t.http().patch(`/api/users/${user.id}`).set(admin()).send({ active: false }).expect(200);
      // Assert
      expect(off.body).toMatchObject({ active: false });
      expect((await t.http().get('/api/auth/me').set(bearer(session))).body).toMatchObject({
        statusCode: 401,
        code: 'account_deactivated',
      });
      expect((await login(user.email, 'un-mot-de-passe-solide')).body).toMatchObject({ statusCode: 401, code: 'account_deactivated' });
      // A wrong password says only that, as for anyone
      expect((await login(user.email, 'pas-le-bon-mot-de-passe')).body).toMatchObject({ code: 'invalid_credentials' });
      const events = await t.db.query<{ changes: object }[]>(
        `SELECT changes FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 AND action = 'update' AND changes ? 'active'`,
        [user.id],
      );
      expect(events).toEqual([{ changes: { active: { from: true, to: false } } }]);
      // Reactivated: signs in again
      await t.http().patch(`/api/users/${user.id}`).set(admin()).send({ active: true }).expect(200);
      await signedIn(user.email, 'un-mot-de-passe-solide');
    });

    it('refuses an invitation of a deactivated account, and its reset', async () => {
      const user = await newUser({ credentials: 'invitation' });
      await t.http().patch(`/api/users/${user.id}`).set(admin()).send({ active: false }).expect(200);
      expect((await accept(user.invitationToken as string, 'une-phrase-bien-a-moi')).body).toMatchObject({ code: 'account_deactivated' });
      const reset = await t.http().post(`/api/users/${user.id}/reset`).set(admin()).send({ credentials: 'invitation' });
      expect(reset.body).toMatchObject({ statusCode: 409, code: 'account_deactivated' });
    });

    it('never deactivates the last active administrator', async () => {
      // Other files add admins at the same time: the case is made in a transaction of its own, rolled back, where
      // every admin but the demo one is inactive.
      const adminId = ((await t.http().get('/api/auth/me').set(admin()).expect(200)).body as { id: string }).id;
      const runner = t.db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(`UPDATE users SET active = false WHERE role = 'admin' AND id <> $1`, [adminId]);
        const refused = t.app.get(UsersService).update(adminId, { active: false }, runner.manager);
        await expect(refused).rejects.toMatchObject({
          response: { code: 'last_admin', message: expect.stringMatching(/last administrator and cannot be deactivated/) },
        });
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      await t.http().get('/api/auth/me').set(admin()).expect(200);
    });
  });

  describe('bad input and roles', () => {
    it.each([
      ['an unknown way in', { credentials: 'by-pigeon' }, 'credentials'],
      ['a password with an invitation', { credentials: 'invitation', password: 'un-mot-de-passe-solide' }, 'password'],
      ['no password by default', {}, 'password'],
      ['a partner without organization', { credentials: 'invitation', role: 'partner' }, 'organizationId'],
      ['an unknown role', { credentials: 'invitation', role: 'mayor' }, 'role'],
    ])('%s: 400 naming %s, and no account', async (_, body, field) => {
      const email = `${uniqueText('bad')}@example.org`.toLowerCase();
      const res = await t
        .http()
        .post('/api/users')
        .set(admin())
        .send({ email, role: 'committee', ...body });
      expect(res.status).toBe(400);
      expect(fields(res.body as ErrorReply)).toContain(field);
      await expect(t.db.query('SELECT 1 FROM users WHERE email = $1', [email])).resolves.toEqual([]);
    });

    it('reset and active are checked too', async () => {
      const user = await newUser({ credentials: 'invitation' });
      const reset = await t.http().post(`/api/users/${user.id}/reset`).set(admin()).send({ credentials: 'password' });
      expect(reset.status).toBe(400);
      expect(fields(reset.body as ErrorReply)).toEqual(['credentials']);
      const patch = await t.http().patch(`/api/users/${user.id}`).set(admin()).send({ active: 'nope' });
      expect(patch.status).toBe(400);
      expect(fields(patch.body as ErrorReply)).toEqual(['active']);
    });

    it.each(['evaluator', 'partner', 'committee'] as const)('a %s may not create, reset or deactivate (403)', async (role) => {
      const user = await newUser({ credentials: 'invitation' });
      const as = bearer(t.tokens[role]);
      expect(
        (await t.http().post('/api/users').set(as).send({ email: 'x@example.org', role: 'committee', credentials: 'invitation' })).status,
      ).toBe(403);
      expect((await t.http().post(`/api/users/${user.id}/reset`).set(as).send({ credentials: 'invitation' })).status).toBe(403);
      expect((await t.http().patch(`/api/users/${user.id}`).set(as).send({ active: false })).status).toBe(403);
      await invitation(user.invitationToken as string).expect(200);
    });
  });
});
