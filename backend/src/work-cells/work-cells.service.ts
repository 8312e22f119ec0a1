import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { invalidField } from '@backend/common/errors';
import { findOr404, findReferenced } from '@backend/common/lookup';
import { appConfig } from '@backend/config/configuration';
import { Page, PageQueryDto, pageOf } from '@backend/common/pagination.dto';
import { Organization } from '@backend/organizations/organization.entity';
import { organizationRef } from '@backend/plans/action.view';
import { Objective } from '@backend/plans/objective.entity';
import { CreateWorkCellDto, PartnershipFieldsDto, UpdateWorkCellDto } from './dto/work-cell.dto';
import { Partnership } from './partnership.entity';
import { doneOnAfter, todayOfCell } from './step-done-on';
import { WorkCell } from './work-cell.entity';
import { WorkStep } from './work-step.entity';

export interface WorkCellSummary {
  id: string;
  name: string;
  objectiveId: string | null;
  objective: { id: string; code: string; title: string } | null;
  /** The plan of its objective: where the indicators reading its progress are. */
  planId: string | null;
  objectiveText: string | null;
  startDate: string | null;
  startDateText: string | null;
  mandate: string;
  contact: string | null;
  partnersNote: string | null;
  stepsDone: number;
  stepsTotal: number;
  partnerCount: number;
}

@Injectable()
export class WorkCellsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** Work cells with their step progress and partner count, counted by SQL in the same query. */
  async list(q: PageQueryDto, ids?: string[]): Promise<Page<WorkCellSummary>> {
    const qb = this.db
      .createQueryBuilder()
      .select([
        'c.id AS id',
        'c.name AS name',
        'c.objective_id AS "objectiveId"',
        'c.objective_text AS "objectiveText"',
        'c.start_date::text AS "startDate"',
        'c.start_date_text AS "startDateText"',
        'c.mandate AS mandate',
        'c.contact AS contact',
        'c.partners_note AS "partnersNote"',
        'o.code AS "objectiveCode"',
        'o.title AS "objectiveTitle"',
        'o.plan_id AS "planId"',
        '(SELECT count(*) FROM work_steps s WHERE s.work_cell_id = c.id AND s.done)::int AS "stepsDone"',
        '(SELECT count(*) FROM work_steps s WHERE s.work_cell_id = c.id)::int AS "stepsTotal"',
        '(SELECT count(DISTINCT p.organization_id) FROM partnerships p WHERE p.work_cell_id = c.id)::int AS "partnerCount"',
      ])
      .from(WorkCell, 'c')
      .leftJoin(Objective, 'o', 'o.id = c.objective_id')
      .orderBy('c.start_date', 'ASC', 'NULLS LAST')
      .addOrderBy('c.name', 'ASC')
      .offset((q.page - 1) * q.limit)
      .limit(q.limit);
    if (ids) qb.where('c.id IN (:...ids)', { ids });
    const [rows, total] = await Promise.all([
      qb.getRawMany<Omit<WorkCellSummary, 'objective'> & { objectiveCode: string | null; objectiveTitle: string | null }>(),
      ids ? Promise.resolve(ids.length) : this.db.manager.count(WorkCell),
    ]);
    const items = rows.map(({ objectiveCode, objectiveTitle, ...r }) => ({
      ...r,
      objective: r.objectiveId ? { id: r.objectiveId, code: objectiveCode ?? '', title: objectiveTitle ?? '' } : null,
    }));
    return pageOf(items, total, q);
  }

  async get(id: string) {
    await findOr404(this.db.manager, WorkCell, id, 'Work cell');
    const [[summary], steps, partnerships] = await Promise.all([
      this.list({ page: 1, limit: 1 }, [id]).then((p) => p.items),
      this.db.manager.find(WorkStep, { where: { workCellId: id }, order: { position: 'ASC' } }),
      this.db.manager.find(Partnership, { where: { workCellId: id }, order: { position: 'ASC' }, relations: { organization: true } }),
    ]);
    return {
      ...summary,
      steps,
      partnerships: partnerships.map(({ organization, ...p }) => ({
        ...p,
        organization: organization ? organizationRef(organization) : null,
      })),
    };
  }

  /** A work cell with its steps and partners is written whole or not at all. */
  async create(dto: CreateWorkCellDto) {
    const id = await this.db.transaction(async (em) => {
      const { steps, partnerships, ...fields } = dto;
      if (fields.objectiveId) await findReferenced(em, Objective, fields.objectiveId, 'objectiveId');
      const cell = await em.save(em.create(WorkCell, fields));
      const today = await todayOfCell(em, cell.id, this.app.defaultTimeZone);
      await em.save(
        (steps ?? []).map((s, n) =>
          em.create(WorkStep, {
            ...s,
            workCellId: cell.id,
            position: s.position ?? n,
            doneOn: doneOnAfter({ done: false, doneOn: null }, s, today),
          }),
        ),
      );
      await this.checkOrganizations(em, partnerships ?? []);
      await em.save((partnerships ?? []).map((p, n) => em.create(Partnership, { ...p, workCellId: cell.id, position: p.position ?? n })));
      return cell.id;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateWorkCellDto) {
    const cell = await findOr404(this.db.manager, WorkCell, id, 'Work cell');
    if (dto.objectiveId) await findReferenced(this.db.manager, Objective, dto.objectiveId, 'objectiveId');
    await this.db.manager.save(Object.assign(cell, dto));
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.db.manager.remove(await findOr404(this.db.manager, WorkCell, id, 'Work cell'));
  }

  private async checkOrganizations(em: EntityManager, partners: PartnershipFieldsDto[]): Promise<void> {
    const ids = [...new Set(partners.map((p) => p.organizationId))];
    const found = new Set((ids.length ? await em.findBy(Organization, { id: In(ids) }) : []).map((o) => o.id));
    const n = partners.findIndex((p) => !found.has(p.organizationId));
    if (n >= 0) throw invalidField(`partnerships.${n}.organizationId`, `no such organization (${partners[n].organizationId})`);
  }
}
