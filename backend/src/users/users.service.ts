import { createHash, randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { recordAudit } from '@backend/audit/audit.service';
import { ApiError, invalidField, notFound } from '@backend/common/errors';
import { findOr404, findReferenced } from '@backend/common/lookup';
import { Page, PageQueryDto, pageOf } from '@backend/common/pagination.dto';
import { Organization } from '@backend/organizations/organization.entity';
import { CreateUserDto, ResetUserDto, ResetCredentials, UpdateUserDto } from './dto/create-user.dto';
import { hashPassword, isUsablePasswordHash, unusablePasswordHash, verifyPassword } from './password';
import { passwordMessage, passwordProblem } from './password-policy';
import { Role } from './role';
import { UserInvitation } from './user-invitation.entity';
import { User } from './user.entity';

export interface UserView {
  id: string;
  email: string;
  role: Role;
  organizationId: string | null;
  displayName: string | null;
  active: boolean;
  mustChangePassword: boolean;
  invited: boolean;
}

/** What an admin hands over once, beside the account: an invitation's token, or a temporary password. */
export interface IssuedCredentials {
  invitationToken?: string;
  invitationExpiresAt?: Date;
  temporaryPassword?: string;
}

/** How long an invitation link works. */
export const INVITATION_LIFETIME_DAYS = 7;

/** The invitation tokens are 256 random bits: a digest is enough to find one, and useless to whoever reads it. */
export const invitationDigest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A temporary password: 96 random bits, in letters and digits a person can copy (16 characters, passes the policy). */
const drawTemporaryPassword = (): string => randomBytes(12).toString('base64url');

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  toView(u: User): UserView {
    return {
      id: u.id,
      email: u.email,
      role: u.role,
      organizationId: u.organizationId,
      displayName: u.displayName,
      active: u.active,
      mustChangePassword: u.mustChangePassword,
      invited: u.passwordHash !== undefined && !isUsablePasswordHash(u.passwordHash),
    };
  }

  /** The user with the password's hash (to verify it, and to say whether one is set yet). */
  private withHash(em: EntityManager) {
    return em.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash');
  }

  findWithHash(email: string): Promise<User | null> {
    return this.withHash(this.db.manager).where('u.email = :email', { email: email.trim().toLowerCase() }).getOne();
  }

  private async load(em: EntityManager, id: string, lock = false): Promise<User> {
    const qb = this.withHash(em).where('u.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const user = await qb.getOne();
    if (!user) throw notFound('User', id);
    return user;
  }

  async get(id: string): Promise<UserView> {
    return this.toView(await this.load(this.db.manager, id));
  }

  async list(q: PageQueryDto): Promise<Page<UserView>> {
    const [rows, total] = await this.withHash(this.db.manager)
      .orderBy('u.email', 'ASC')
      .skip((q.page - 1) * q.limit)
      .take(q.limit)
      .getManyAndCount();
    return pageOf(
      rows.map((u) => this.toView(u)),
      total,
      q,
    );
  }

  /**
   * A new account, with the password the admin typed, or (the answer carrying it once) an invitation link or a
   * temporary password. The create-admin script calls it outside a request, so nothing is audited there.
   */
  async create(dto: CreateUserDto, em?: EntityManager): Promise<UserView & IssuedCredentials> {
    if (!em) return this.db.transaction((tx) => this.create(dto, tx));
    const credentials = dto.credentials ?? 'password';
    await this.checkOrganization(em, dto.role, dto.organizationId ?? null);
    if (credentials !== 'password' && dto.password !== undefined) {
      throw fieldError('password', `password must be absent with credentials ${credentials}: the API draws what the user receives`);
    }
    if (credentials === 'password') checkPassword(dto.password ?? '', dto.email);
    const user = await em.save(
      em.create(User, {
        email: dto.email.trim().toLowerCase(),
        passwordHash: credentials === 'password' ? await hashPassword(dto.password ?? '') : unusablePasswordHash(),
        role: dto.role,
        organizationId: dto.organizationId ?? null,
        displayName: dto.displayName ?? null,
        active: true,
        mustChangePassword: false,
      }),
    );
    const issued = credentials === 'password' ? {} : await this.issue(em, user, credentials);
    return { ...this.toView(user), ...issued };
  }

  /** `em`: a transaction of the caller's (else one of its own). */
  async update(id: string, dto: UpdateUserDto, em?: EntityManager): Promise<UserView> {
    if (!em) return this.db.transaction((tx) => this.update(id, dto, tx));
    const user = await this.load(em, id, true);
    const role = dto.role ?? user.role;
    const organizationId = dto.organizationId === undefined ? user.organizationId : dto.organizationId;
    const active = dto.active ?? user.active;
    await this.checkOrganization(em, role, organizationId);
    if (user.role === 'admin' && user.active && role !== 'admin') await this.keepAnAdmin(em, user, 'demoted');
    if (user.role === 'admin' && user.active && !active) await this.keepAnAdmin(em, user, 'deactivated');
    if (dto.email !== undefined) user.email = dto.email.trim().toLowerCase();
    if (dto.displayName !== undefined) user.displayName = dto.displayName;
    if (dto.password !== undefined) {
      checkPassword(dto.password, user.email);
      user.passwordHash = await hashPassword(dto.password);
      user.mustChangePassword = false;
      await this.voidInvitations(em, user.id);
    }
    // A new password, role or organization, or a deactivation, ends every session opened before (the guard
    // compares the version).
    if (dto.password !== undefined || role !== user.role || organizationId !== user.organizationId || (user.active && !active)) {
      user.tokenVersion += 1;
    }
    Object.assign(user, { role, organizationId, active });
    return this.toView(await em.save(user));
  }

  /**
   * A new way in for someone who lost theirs (or never used their invitation): a new invitation link (the current
   * password stops working) or a new temporary password. Either way the user's sessions end and earlier links die.
   */
  async reset(id: string, dto: ResetUserDto): Promise<UserView & IssuedCredentials> {
    return this.db.transaction(async (em) => {
      const user = await this.load(em, id, true);
      if (!user.active) {
        throw new ApiError(HttpStatus.CONFLICT, 'account_deactivated', `${user.email} is deactivated: reactivate the account first.`);
      }
      user.tokenVersion += 1;
      const issued = await this.issue(em, user, dto.credentials);
      return { ...this.toView(user), ...issued };
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const user = await findOr404(em, User, id, 'User');
      if (user.role === 'admin' && user.active) await this.keepAnAdmin(em, user, 'deleted');
      await em.remove(user);
    });
  }

  /** The account an invitation token opens, if the link still works (unused, unexpired, account active). */
  async invitation(token: string): Promise<UserView & { expiresAt: Date }> {
    const { user, invitation } = await this.openInvitation(this.db.manager, token, false);
    return { ...this.toView(user), expiresAt: invitation.expiresAt };
  }

  /** The person chooses their password through the link: used up, and every other link of the account dies. */
  async acceptInvitation(token: string, password: string): Promise<User> {
    return this.db.transaction(async (em) => {
      const { user, invitation } = await this.openInvitation(em, token, true);
      // The policy's own codes (password_common…), as for one's own change: the page words each one.
      const problem = passwordProblem(password, user.email);
      if (problem) {
        const message = passwordMessage(problem, 'password');
        throw new ApiError(HttpStatus.BAD_REQUEST, `password_${problem}`, message, [{ field: 'password', message }]);
      }
      user.passwordHash = await hashPassword(password);
      user.mustChangePassword = false;
      user.tokenVersion += 1;
      invitation.usedAt = new Date();
      await em.save(invitation);
      await this.voidInvitations(em, user.id);
      return em.save(user);
    });
  }

  /**
   * One's own change (POST /api/auth/password): the current password must be right, the new one pass the policy
   * (and differ from the current one: a temporary password is changed for a new one). Raises the token version, so
   * every other session of the user ends; returns the user as now stored.
   */
  async changeOwnPassword(id: string, currentPassword: string, newPassword: string): Promise<User> {
    return this.db.transaction(async (em) => {
      const user = await this.withHash(em).setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new ApiError(HttpStatus.BAD_REQUEST, 'current_password_wrong', 'currentPassword: the current password is incorrect', [
          { field: 'currentPassword', message: 'the current password is incorrect' },
        ]);
      }
      const problem = passwordProblem(newPassword, user.email);
      if (problem) {
        const message = passwordMessage(problem, 'newPassword');
        throw new ApiError(HttpStatus.BAD_REQUEST, `password_${problem}`, message, [{ field: 'newPassword', message }]);
      }
      if (newPassword === currentPassword) {
        const message = 'newPassword must differ from the current password';
        throw new ApiError(HttpStatus.BAD_REQUEST, 'password_unchanged', message, [{ field: 'newPassword', message }]);
      }
      user.passwordHash = await hashPassword(newPassword);
      if (user.mustChangePassword) {
        user.mustChangePassword = false;
        await recordAudit(em, {
          ...credentialsEvent(user.id, 'password_changed'),
          actor: { id: user.id, email: user.email, role: user.role },
        });
      }
      user.tokenVersion += 1;
      return em.save(user);
    });
  }

  /** Draws what the admin hands over, voids earlier links, and records in the trail which way was given. */
  private async issue(em: EntityManager, user: User, credentials: ResetCredentials): Promise<IssuedCredentials> {
    await this.voidInvitations(em, user.id);
    let issued: IssuedCredentials;
    if (credentials === 'invitation') {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_DAYS * 24 * 3600_000);
      await em.save(em.create(UserInvitation, { userId: user.id, tokenHash: invitationDigest(token), expiresAt, usedAt: null }));
      user.passwordHash = unusablePasswordHash();
      user.mustChangePassword = false;
      issued = { invitationToken: token, invitationExpiresAt: expiresAt };
    } else {
      const temporaryPassword = drawTemporaryPassword();
      user.passwordHash = await hashPassword(temporaryPassword);
      user.mustChangePassword = true;
      issued = { temporaryPassword };
    }
    await em.save(user);
    // The subscriber leaves password fields out of the trail: which way in was given is recorded here, never the secret.
    await recordAudit(em, credentialsEvent(user.id, credentials));
    return issued;
  }

  /** Pending links of the account stop working (a new one was issued, or a password was set otherwise). */
  private async voidInvitations(em: EntityManager, userId: string): Promise<void> {
    await em.delete(UserInvitation, { userId, usedAt: IsNull() });
  }

  private async openInvitation(em: EntityManager, token: string, lock: boolean): Promise<{ user: User; invitation: UserInvitation }> {
    const qb = em
      .getRepository(UserInvitation)
      .createQueryBuilder('i')
      .where('i.tokenHash = :hash', { hash: invitationDigest(token) });
    if (lock) qb.setLock('pessimistic_write');
    const invitation = await qb.getOne();
    if (!invitation)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'invitation_not_found',
        'This invitation link is not valid (or was replaced by a newer one).',
      );
    if (invitation.usedAt)
      throw new ApiError(
        HttpStatus.GONE,
        'invitation_used',
        'This invitation link was already used: sign in with the password chosen then.',
      );
    if (invitation.expiresAt.getTime() <= Date.now()) {
      throw new ApiError(HttpStatus.GONE, 'invitation_expired', 'This invitation link has expired: ask an administrator for a new one.');
    }
    const user = await this.load(em, invitation.userId, lock);
    if (!user.active) throw new ApiError(HttpStatus.GONE, 'account_deactivated', 'This account is deactivated: ask an administrator.');
    return { user, invitation };
  }

  /**
   * Refuses to delete, demote, deactivate or otherwise remove the last active administrator: nobody could then manage users. The
   * admins' rows are locked first, so two admins demoting each other at once cannot both succeed.
   */
  private async keepAnAdmin(em: EntityManager, user: User, change: 'deleted' | 'demoted' | 'deactivated'): Promise<void> {
    const admins = await em
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.id')
      .where('u.role = :role', { role: 'admin' })
      .andWhere('u.active')
      .setLock('pessimistic_write')
      .getMany();
    if (admins.every((a) => a.id === user.id)) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'last_admin',
        `${user.email} is the last administrator and cannot be ${change}: make another user an administrator first.`,
      );
    }
  }

  private async checkOrganization(em: EntityManager, role: Role, organizationId: string | null): Promise<void> {
    if (role === 'partner' && !organizationId) throw invalidField('organizationId', 'a partner must belong to an organization');
    if (organizationId) await findReferenced(em, Organization, organizationId, 'organizationId');
  }
}

/** The password policy where the DTO could not see the email (an update, an invitation, the create-admin script): 400 naming `password`. */
function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw fieldError('password', passwordMessage(problem, 'password'));
}

function fieldError(field: string, message: string): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', message, [{ field, message }]);
}

/** A change of the way into an account, for the audit trail (the secret itself is never in it). */
function credentialsEvent(userId: string, what: ResetCredentials | 'password_changed') {
  return { action: 'update' as const, entityType: 'user', entityId: userId, changes: { credentials: { from: null, to: what } } };
}
