import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError, invalidField } from '@backend/common/errors';
import { findOr404, findReferenced } from '@backend/common/lookup';
import { Page, PageQueryDto, pageOf } from '@backend/common/pagination.dto';
import { Organization } from '@backend/organizations/organization.entity';
import { CreateUserDto, UpdateUserDto } from './dto/create-user.dto';
import { hashPassword, verifyPassword } from './password';
import { passwordMessage, passwordProblem } from './password-policy';
import { Role } from './role';
import { User } from './user.entity';

export interface UserView {
  id: string;
  email: string;
  role: Role;
  organizationId: string | null;
  displayName: string | null;
}

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  toView(u: User): UserView {
    return { id: u.id, email: u.email, role: u.role, organizationId: u.organizationId, displayName: u.displayName };
  }

  findWithHash(email: string): Promise<User | null> {
    return this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  async get(id: string): Promise<UserView> {
    return this.toView(await findOr404(this.db.manager, User, id, 'User'));
  }

  async list(q: PageQueryDto): Promise<Page<UserView>> {
    const [rows, total] = await this.db.getRepository(User).findAndCount({
      order: { email: 'ASC' },
      skip: (q.page - 1) * q.limit,
      take: q.limit,
    });
    return pageOf(
      rows.map((u) => this.toView(u)),
      total,
      q,
    );
  }

  async create(dto: CreateUserDto, em: EntityManager = this.db.manager): Promise<UserView> {
    await this.checkOrganization(em, dto.role, dto.organizationId ?? null);
    checkPassword(dto.password, dto.email);
    const user = em.create(User, {
      email: dto.email.trim().toLowerCase(),
      passwordHash: await hashPassword(dto.password),
      role: dto.role,
      organizationId: dto.organizationId ?? null,
      displayName: dto.displayName ?? null,
    });
    return this.toView(await em.save(user));
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.db.transaction(async (em) => {
      const user = await findOr404(em, User, id, 'User');
      const role = dto.role ?? user.role;
      const organizationId = dto.organizationId === undefined ? user.organizationId : dto.organizationId;
      await this.checkOrganization(em, role, organizationId);
      if (user.role === 'admin' && role !== 'admin') await this.keepAnAdmin(em, user, 'demoted');
      if (dto.email !== undefined) user.email = dto.email.trim().toLowerCase();
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.password !== undefined) {
        checkPassword(dto.password, user.email);
        user.passwordHash = await hashPassword(dto.password);
      }
      // A new password, role or organization ends every session opened before (the guard compares the version).
      if (dto.password !== undefined || role !== user.role || organizationId !== user.organizationId) user.tokenVersion += 1;
      Object.assign(user, { role, organizationId });
      return this.toView(await em.save(user));
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const user = await findOr404(em, User, id, 'User');
      if (user.role === 'admin') await this.keepAnAdmin(em, user, 'deleted');
      await em.remove(user);
    });
  }

  /**
   * One's own change (POST /api/auth/password): the current password must be right, the new one pass the policy.
   * Raises the token version, so every other session of the user ends; returns the user as now stored.
   */
  async changeOwnPassword(id: string, currentPassword: string, newPassword: string): Promise<User> {
    return this.db.transaction(async (em) => {
      const user = await em
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .setLock('pessimistic_write')
        .where('u.id = :id', { id })
        .getOne();
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
      user.passwordHash = await hashPassword(newPassword);
      user.tokenVersion += 1;
      return em.save(user);
    });
  }

  /**
   * Refuses to delete, demote or otherwise remove the last administrator: nobody could then manage users. The
   * admins' rows are locked first, so two admins demoting each other at once cannot both succeed.
   */
  private async keepAnAdmin(em: EntityManager, user: User, change: 'deleted' | 'demoted'): Promise<void> {
    const admins = await em
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.id')
      .where('u.role = :role', { role: 'admin' })
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

/** The password policy where the DTO could not see the email (an update, the create-admin script): 400 naming `password`. */
function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (!problem) return;
  const message = passwordMessage(problem, 'password');
  throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', message, [{ field: 'password', message }]);
}
