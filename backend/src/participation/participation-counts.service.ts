import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AggregationQueueService } from '@backend/aggregation/aggregation-queue.service';
import { AuthUser } from '@backend/auth/auth.decorators';
import { auditCreated } from '@backend/audit/audit-diff';
import { recordAudit } from '@backend/audit/audit.service';
import { appConfig } from '@backend/config/configuration';
import { deploymentTable } from '@backend/disclosure/disclosure';
import { ApiError, FieldError, invalidField, notFound } from '@backend/common/errors';
import { Page, pageOf } from '@backend/common/pagination.dto';
import { Instrument } from '@backend/indicators/instrument.entity';
import { plansOfOrganizationSql } from '@backend/organizations/plans-of-organization';
import { keyReused, requireIdempotencyKey } from '@backend/responses/idempotency-key';
import { breakdownErrors, countHash, CountFields } from './breakdown';
import { CountFigures, protectedFigures, readsTrueCounts, trueFigures } from './count-figures';
import { CreateParticipationCountDto, ParticipationCountQueryDto, UpdateParticipationCountDto } from './dto/participation-count.dto';
import { ParticipationCountRevision } from './participation-count-revision.entity';
import { BreakdownCell, ParticipationCount } from './participation-count.entity';

/**
 * A count as its reader may see it (count-figures.ts): `protected` false, its figures as entered; `protected` true,
 * its total and breakdown through the disclosure layer (a hidden one null, `totalHidden` / the cell's `hidden` set).
 */
export interface ParticipationCountView extends CountFigures {
  id: string;
  instrumentId: string;
  organizationId: string | null;
  activity: string;
  date: string;
  recordedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  protected: boolean;
}

type StoredPrevious = ParticipationCountRevision['previous'];

export interface RevisionView {
  changedBy: string | null;
  /** The display name (or email) of who changed it, when that user still exists. */
  changedByName: string | null;
  changedAt: Date;
  /** The fields before the change, their figures published as the count's are. */
  previous: Omit<StoredPrevious, 'total' | 'breakdown'> & CountFigures;
}

/** How a reader gets an entry's figures: as entered, or published with the entry's record key (`protected`). */
interface Reading {
  protected: boolean;
  figures: (total: number, breakdown: readonly BreakdownCell[]) => CountFigures;
}

const AS_ENTERED: Reading = { protected: false, figures: trueFigures };

const COUNTABLE_KINDS = ['participation_count', 'tally'];
const STAFF_EDITORS = ['admin', 'evaluator'];

function view(c: ParticipationCount, reading: Reading = AS_ENTERED): ParticipationCountView {
  return {
    id: c.id,
    instrumentId: c.instrumentId,
    organizationId: c.organizationId,
    activity: c.activity,
    date: c.date,
    ...reading.figures(c.total, c.breakdown),
    recordedBy: c.recordedBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    protected: reading.protected,
  };
}

function invalid(errors: FieldError[]): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** « Nombre de participants »: counts partners record, each write idempotent, each edit kept in the history. */
@Injectable()
export class ParticipationCountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly aggregation: AggregationQueueService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /**
   * Records a count once per Idempotency-Key: a retry with the same key and body (by the same user) gets the
   * same record and stores nothing; the same key with another body is a 422. The answer gives the figures as
   * entered: it goes to the writer, who typed them.
   */
  async create(dto: CreateParticipationCountDto, idempotencyKey: string | undefined, user: AuthUser): Promise<ParticipationCountView> {
    const key = requireIdempotencyKey(idempotencyKey);
    if (user.role === 'partner' && !user.organizationId) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'A partner must belong to an organization to record counts.');
    }
    const fields: CountFields = { ...dto, breakdown: dto.breakdown ?? [] };
    const errors = breakdownErrors(fields.total, fields.breakdown);
    if (errors.length > 0) throw invalid(errors);
    await this.countableInstrument(this.db.manager, fields.instrumentId, user);
    const bodyHash = countHash(fields);

    // The count and its audit event in one transaction (audit/).
    const inserted = await this.db.transaction(async (em) => {
      const rows = await em.query<{ id: string }[]>(
        `INSERT INTO participation_counts (instrument_id, organization_id, activity, date, total, breakdown, idempotency_key, body_hash, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [
          fields.instrumentId,
          user.organizationId,
          fields.activity,
          fields.date,
          fields.total,
          JSON.stringify(fields.breakdown),
          key,
          bodyHash,
          user.id,
        ],
      );
      if (rows.length > 0) {
        await recordAudit(em, {
          action: 'create',
          entityType: 'participation_count',
          entityId: rows[0].id,
          changes: auditCreated({
            instrumentId: fields.instrumentId,
            organizationId: user.organizationId,
            activity: fields.activity,
            date: fields.date,
            total: fields.total,
            breakdown: fields.breakdown,
            recordedBy: user.id,
          }),
        });
      }
      return rows;
    });
    if (inserted.length > 0) {
      await this.aggregation.instrumentChanged(fields.instrumentId);
      return view(await this.db.manager.findOneByOrFail(ParticipationCount, { id: inserted[0].id }));
    }

    // The key was used before (or by a request that just committed): the same sender and body get that record.
    const existing = await this.db.manager.findOneByOrFail(ParticipationCount, { idempotencyKey: key });
    if (existing.bodyHash !== bodyHash || existing.recordedBy !== user.id) throw keyReused();
    return view(existing);
  }

  /**
   * The counts, newest first, each as its reader may see it (readingFor). The list filters and sorts on nothing a
   * count's figures decide (instrument; date, creation, id), so that it orders and pages protected entries alike
   * whatever their true figures.
   */
  async list(q: ParticipationCountQueryDto, user: AuthUser): Promise<Page<ParticipationCountView>> {
    const qb = this.db
      .getRepository(ParticipationCount)
      .createQueryBuilder('c')
      .addSelect('c.recordKey')
      .orderBy('c.date', 'DESC')
      .addOrderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((q.page - 1) * q.limit)
      .take(q.limit);
    if (q.instrumentId) qb.andWhere('c.instrument_id = :instrumentId', { instrumentId: q.instrumentId });
    // Partners see their own organization's counts only.
    if (user.role === 'partner')
      qb.andWhere('c.organization_id = :org', { org: user.organizationId ?? '00000000-0000-0000-0000-000000000000' });
    const [items, total] = await qb.getManyAndCount();
    return pageOf(
      items.map((c) => view(c, this.readingFor(c, user))),
      total,
      q,
    );
  }

  /** A count with its history, as its reader may see them: the figures before each change are published as the count's. */
  async get(id: string, user: AuthUser): Promise<ParticipationCountView & { history: RevisionView[] }> {
    const count = await this.db.manager
      .createQueryBuilder(ParticipationCount, 'c')
      .addSelect('c.recordKey')
      .where('c.id = :id', { id })
      .getOne();
    if (!count) throw notFound('Participation count', id);
    this.assertVisible(count, user);
    const reading = this.readingFor(count, user);
    const revisions = await this.db.query<(Omit<RevisionView, 'previous'> & { previous: StoredPrevious })[]>(
      `SELECT r.changed_by AS "changedBy", coalesce(u.display_name, u.email) AS "changedByName", r.changed_at AS "changedAt", r.previous
       FROM participation_count_revisions r LEFT JOIN users u ON u.id = r.changed_by
       WHERE r.participation_count_id = $1 ORDER BY r.changed_at DESC, r.id DESC`,
      [id],
    );
    const history = revisions.map(({ previous: { total, breakdown, ...rest }, ...revision }) => ({
      ...revision,
      previous: { ...rest, ...reading.figures(total, breakdown as BreakdownCell[]) },
    }));
    return { ...view(count, reading), history };
  }

  /** As entered for evaluators, admins and the recording organization's partners; through the disclosure layer otherwise. */
  private readingFor(count: ParticipationCount, user: AuthUser): Reading {
    if (readsTrueCounts(user, count.organizationId)) return AS_ENTERED;
    if (count.recordKey === undefined) throw new Error(`Participation count ${count.id} was read without its record key`);
    const table = deploymentTable(this.app);
    const recordKey = count.recordKey;
    return { protected: true, figures: (total, breakdown) => protectedFigures(total, breakdown, recordKey, table) };
  }

  /** Admins, evaluators and partners of the recording organization; the values before the change go to the history. */
  async update(
    id: string,
    dto: UpdateParticipationCountDto,
    user: AuthUser,
  ): Promise<ParticipationCountView & { history: RevisionView[] }> {
    const instruments = await this.db.transaction(async (em) => {
      const count = await em.findOne(ParticipationCount, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!count) throw notFound('Participation count', id);
      if (!STAFF_EDITORS.includes(user.role) && !(user.organizationId && count.organizationId === user.organizationId)) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'Only the organization that recorded a count (or evaluators) may change it.');
      }
      const previous = {
        activity: count.activity,
        date: count.date,
        total: count.total,
        breakdown: count.breakdown,
        instrumentId: count.instrumentId,
      };
      const next = { ...previous, ...stripUndefined(dto) };
      const errors = breakdownErrors(next.total, next.breakdown);
      if (errors.length > 0) throw invalid(errors);
      if (next.instrumentId !== previous.instrumentId) await this.countableInstrument(em, next.instrumentId, user);
      if (JSON.stringify(next) === JSON.stringify(previous)) return [];
      await em.save(em.create(ParticipationCountRevision, { participationCountId: id, changedBy: user.id, previous }));
      await em.save(Object.assign(count, next));
      return [...new Set([previous.instrumentId, next.instrumentId])];
    });
    for (const instrumentId of instruments) await this.aggregation.instrumentChanged(instrumentId);
    return this.get(id, user);
  }

  async remove(id: string): Promise<void> {
    const count = await this.find(this.db.manager, id);
    // A count that was corrected carries its history (participation_count_revisions, which the database keeps from
    // cascades): it is corrected again, never erased. A count entered by mistake and never revised may go.
    const [revised] = await this.db.query(`SELECT 1 FROM participation_count_revisions WHERE participation_count_id = $1 LIMIT 1`, [id]);
    if (revised) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'has_history',
        'This count has been corrected before and its history is kept: correct it again (PATCH) rather than deleting it.',
      );
    }
    await this.db.manager.remove(count);
    await this.aggregation.instrumentChanged(count.instrumentId);
  }

  private async find(em: EntityManager, id: string): Promise<ParticipationCount> {
    const count = await em.findOneBy(ParticipationCount, { id });
    if (!count) throw notFound('Participation count', id);
    return count;
  }

  private assertVisible(count: ParticipationCount, user: AuthUser): void {
    if (user.role === 'partner' && !(user.organizationId && count.organizationId === user.organizationId)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'A partner sees the counts of its own organization only.');
    }
  }

  /** An instrument that takes counts; for a partner, also one of a plan its organization is part of (partakesIn). */
  private async countableInstrument(em: EntityManager, instrumentId: string, user: AuthUser): Promise<void> {
    const instrument = await em.findOneBy(Instrument, { id: instrumentId });
    if (!instrument) throw invalidField('instrumentId', `no such record (${instrumentId})`);
    if (!COUNTABLE_KINDS.includes(instrument.kind)) {
      throw invalidField('instrumentId', `is a ${instrument.kind} instrument; counts go to a participation_count or tally instrument`);
    }
    if (user.role === 'partner' && !(user.organizationId && (await partakesIn(em, user.organizationId, instrument.planId)))) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'forbidden',
        `Instrument « ${instrument.name} » (${instrument.id}) belongs to a plan your organization is not part of: a partner records counts only for the plans it owns or works on in a work cell.`,
      );
    }
  }
}

/** Whether an organization is part of a plan: its owner, or a partner in one of its work cells (plansOfOrganizationSql). */
async function partakesIn(em: EntityManager, organizationId: string, planId: string): Promise<boolean> {
  const [row] = await em.query<{ part: boolean }[]>(`SELECT $2::uuid IN (${plansOfOrganizationSql('$1')}) AS part`, [
    organizationId,
    planId,
  ]);
  return row.part;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
