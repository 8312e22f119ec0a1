import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '@backend/auth/auth.decorators';
import { ApiError } from '@backend/common/errors';
import { findOr404 } from '@backend/common/lookup';
import { archiveRow, archivedSql, refuseIfArchived, restoreRow } from '@backend/common/archive';
import { Page, PageQueryDto, pageOf } from '@backend/common/pagination.dto';
import { Plan } from '@backend/plans/plan.entity';
import { CreateOrganizationDto, OrganizationQueryDto, UpdateOrganizationDto } from './dto/organization.dto';
import { organizationKey } from './normalize-organization-name';
import { Organization } from './organization.entity';
import { plansOfOrganizationSql } from './plans-of-organization';

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(q: OrganizationQueryDto, user?: AuthUser): Promise<Page<Organization>> {
    const qb = this.db
      .getRepository(Organization)
      .createQueryBuilder('o')
      .orderBy('o.name_key', 'ASC')
      .skip((q.page - 1) * q.limit)
      .take(q.limit);
    if (q.search) {
      // The search is literal: `%`, `_` and `\` are escaped, never LIKE's wildcards (LIKE's escape is `\`).
      const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
      // A search of punctuation only (« % ») has no name key: it is looked for in acronyms only, not matched by every name.
      const nameKey = organizationKey(q.search);
      const acr = `%${literal(q.search.trim().toLowerCase())}%`;
      if (nameKey === '') qb.where('lower(o.acronym) LIKE :acr', { acr });
      else qb.where('(o.name_key LIKE :key OR lower(o.acronym) LIKE :acr)', { key: `%${literal(nameKey)}%`, acr });
    }
    qb.andWhere(archivedSql('o', q, user)); // after the search's where(), which replaces earlier conditions
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items, total, q);
  }

  get(id: string): Promise<Organization> {
    return findOr404(this.db.manager, Organization, id, 'Organization');
  }

  /** The plans (not archived) the organization takes part in: those it owns, those of the work cells it is a partner in. */
  async plans(id: string, q: PageQueryDto): Promise<Page<Plan>> {
    await this.get(id);
    const [items, total] = await this.db
      .getRepository(Plan)
      .createQueryBuilder('plan')
      .leftJoinAndSelect('plan.ownerOrganization', 'owner')
      .where(`plan.id IN (${plansOfOrganizationSql(':organizationId')})`, { organizationId: id })
      .andWhere('plan.archived_at IS NULL')
      .orderBy('plan.startDate', 'DESC')
      .addOrderBy('plan.title', 'ASC')
      .skip((q.page - 1) * q.limit)
      .take(q.limit)
      .getManyAndCount();
    return pageOf(items, total, q);
  }

  async create(dto: CreateOrganizationDto): Promise<Organization> {
    return this.db.manager.save(this.db.manager.create(Organization, { ...dto, nameKey: organizationKey(dto.name) }));
  }

  /** A partner may edit the record of its own organization only. */
  async update(id: string, dto: UpdateOrganizationDto, user: AuthUser): Promise<Organization> {
    if (user.role === 'partner' && user.organizationId !== id) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'A partner may only edit its own organization.');
    }
    const org = await this.get(id);
    refuseIfArchived(org, 'Organization');
    Object.assign(org, dto);
    if (dto.name !== undefined) org.nameKey = organizationKey(dto.name);
    return this.db.manager.save(org);
  }

  /**
   * « Delete » archives (README, « Nothing is erased »): the organization leaves the directory's lists and pickers, and
   * stays on the plans, partnerships, counts and users that name it; an admin restores it.
   */
  async archive(id: string, user: AuthUser): Promise<void> {
    await archiveRow(this.db.manager, Organization, id, 'Organization', user);
  }

  async restore(id: string): Promise<Organization> {
    await restoreRow(this.db.manager, Organization, id, 'Organization');
    return this.get(id);
  }

  /**
   * The directory entry for a name as partners write it, created on first sight. Names are matched with
   * accents, case and punctuation ignored, and by acronym, so « CDLC » and « Comité de Développement Local
   * de Chomedey » stay one organization.
   */
  /** The organization of the directory that this name or acronym designates, accents and case ignored. */
  findExisting(em: EntityManager, input: Pick<CreateOrganizationDto, 'name' | 'acronym'>): Promise<Organization | null> {
    const nameKey = organizationKey(input.name);
    const qb = em.getRepository(Organization).createQueryBuilder('o').where('o.name_key = :nameKey', { nameKey });
    if (input.acronym) qb.orWhere('lower(o.acronym) = :acr', { acr: input.acronym.trim().toLowerCase() });
    return qb.orderBy('o.name_key = :nameKey', 'DESC').getOne();
  }

  async findOrCreate(em: EntityManager, input: CreateOrganizationDto): Promise<Organization> {
    const nameKey = organizationKey(input.name);
    const existing = await this.findExisting(em, input);
    if (existing) {
      if (!existing.acronym && input.acronym) {
        existing.acronym = input.acronym;
        await em.save(existing);
      }
      return existing;
    }
    return em.save(em.create(Organization, { ...input, nameKey }));
  }
}
