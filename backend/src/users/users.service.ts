import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { invalidField } from '@backend/common/errors';
import { findOr404, findReferenced } from '@backend/common/lookup';
import { Page, PageQueryDto, pageOf } from '@backend/common/pagination.dto';
import { Organization } from '@backend/organizations/organization.entity';
import { CreateUserDto, UpdateUserDto } from './dto/create-user.dto';
import { hashPassword } from './password';
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
    return this.db.getRepository(User).createQueryBuilder('u')
      .addSelect('u.passwordHash').where('u.email = :email', { email: email.trim().toLowerCase() }).getOne();
  }

  async get(id: string): Promise<UserView> {
    return this.toView(await findOr404(this.db.manager, User, id, 'User'));
  }

  async list(q: PageQueryDto): Promise<Page<UserView>> {
    const [rows, total] = await this.db.getRepository(User).findAndCount({
      order: { email: 'ASC' }, skip: (q.page - 1) * q.limit, take: q.limit,
    });
    return pageOf(rows.map((u) => this.toView(u)), total, q);
  }

  async create(dto: CreateUserDto, em: EntityManager = this.db.manager): Promise<UserView> {
    await this.checkOrganization(em, dto.role, dto.organizationId ?? null);
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
      if (dto.email !== undefined) user.email = dto.email.trim().toLowerCase();
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.password !== undefined) user.passwordHash = await hashPassword(dto.password);
      Object.assign(user, { role, organizationId });
      return this.toView(await em.save(user));
    });
  }

  async remove(id: string): Promise<void> {
    const user = await findOr404(this.db.manager, User, id, 'User');
    await this.db.manager.remove(user);
  }

  private async checkOrganization(em: EntityManager, role: Role, organizationId: string | null): Promise<void> {
    if (role === 'partner' && !organizationId) throw invalidField('organizationId', 'a partner must belong to an organization');
    if (organizationId) await findReferenced(em, Organization, organizationId, 'organizationId');
  }
}
