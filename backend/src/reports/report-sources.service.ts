import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { publishedPeriod } from '@backend/aggregation/figures';
import { FiguresService } from '@backend/aggregation/figures.service';
import { todayIn } from '@backend/common/time-zone';
import { appConfig } from '@backend/config/configuration';
import { addKeys, keyFromSum, protectCount } from '@backend/disclosure/cell-key';
import { deploymentTable } from '@backend/disclosure/disclosure';
import { EvaluationsService } from '@backend/evaluations/evaluations.service';
import { Action } from '@backend/plans/action.entity';
import { Objective } from '@backend/plans/objective.entity';
import { Orientation } from '@backend/plans/orientation.entity';
import { Plan } from '@backend/plans/plan.entity';
import type {
  ActivityIndicator,
  ActivityParticipation,
  ActivityReportInput,
  ActivityWorkStep,
  EvaluationReportInput,
  ReportLanguage,
} from './render/report-input';

/** What a report is drawn from, and when it last changed (`changedAt`, PostgreSQL's text of a timestamptz, exact). */
export interface Sourced<T> {
  input: T;
  changedAt: string | null;
}

/** A report's data could not be read: the job fails for good (retrying would read the same). */
export class ReportSourceGone extends Error {}

/**
 * The last change of what an evaluation's report shows: the evaluation itself (its freeze, its close), its
 * assessments, and for a final the mid-term evaluations it may be compared with. `$1` is the evaluation's id.
 */
export const EVALUATION_LAST_CHANGE_SQL = `
  SELECT greatest(
           e.updated_at,
           (SELECT max(a.updated_at) FROM evaluation_assessments a WHERE a.evaluation_id = e.id),
           (SELECT max(m.updated_at) FROM evaluations m
             WHERE e.kind = 'final' AND m.plan_id = e.plan_id AND m.kind = 'midterm' AND m.cutoff <= e.cutoff AND m.opened_at < e.opened_at)
         )`;

/** Reads the inputs of the renderers (renderers never query). Used by the workers. */
@Injectable()
export class ReportSourcesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly evaluations: EvaluationsService,
    private readonly figures: FiguresService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /**
   * The year's participation as a report publishes it: each activity's people, and all of them together, counted
   * through the disclosure layer with their entries' keys (the same entries give the same figure as in the indicators).
   */
  private publishedParticipation(rows: { instrument: string; activity: string; counts: number; total: number; key: string }[]) {
    const table = deploymentTable(this.app);
    const publish = (total: number, key: number) => protectCount(total, key, table).value;
    const all = rows.reduce(
      (acc, r) => ({ counts: acc.counts + r.counts, total: acc.total + r.total, key: addKeys(acc.key, keyFromSum(r.key)) }),
      { counts: 0, total: 0, key: 0 },
    );
    return {
      participation: rows.map((r): ActivityParticipation => ({
        instrument: r.instrument,
        activity: r.activity,
        counts: r.counts,
        total: publish(r.total, keyFromSum(r.key)),
      })),
      participationTotal: { counts: all.counts, total: publish(all.total, all.key) },
    };
  }

  async evaluation(evaluationId: string, language: ReportLanguage, generatedAt: Date): Promise<Sourced<EvaluationReportInput>> {
    // Read before the data: a change landing in between makes the report look older than it is (rendered again
    // next time), never newer.
    const [row]: { changed_at: string }[] = await this.db.query(
      `${EVALUATION_LAST_CHANGE_SQL}::text AS changed_at FROM evaluations e WHERE e.id = $1`,
      [evaluationId],
    );
    if (!row) throw new ReportSourceGone(`Evaluation ${evaluationId} no longer exists`);
    const detail = await this.evaluations.get(evaluationId).catch(() => null);
    if (!detail) throw new ReportSourceGone(`Evaluation ${evaluationId} no longer exists`);
    if (!detail.snapshot) throw new ReportSourceGone(`Evaluation ${evaluationId} has no snapshot yet (state ${detail.state})`);
    const midterm = detail.midterm
      ? {
          cutoff: detail.midterm.cutoff,
          values: Object.fromEntries(Object.entries(detail.midterm.indicators).map(([id, v]) => [id, { value: v.value, n: v.n }])),
        }
      : null;
    return {
      input: {
        kind: detail.kind,
        language,
        snapshot: detail.snapshot,
        midterm,
        generatedAt,
        assessments: detail.assessments.map((a) => ({
          objectiveId: a.objectiveId,
          rating: a.rating,
          comment: a.comment,
          recommendations: a.recommendations,
        })),
      },
      changedAt: row.changed_at,
    };
  }

  /**
   * Each indicator's figure for the year, for the whole population, as of the year's end (or today, for the year under
   * way): the cells every other surface reads (FiguresService); a suppressed one keeps neither value nor n.
   */
  private async yearFigures(plan: Plan, year: number): Promise<ActivityIndicator[]> {
    const indicators: { id: string; objectiveCode: string; name: string; unit: string | null; finalTarget: number | null }[] =
      await this.db.query(
        `SELECT i.id, o.code AS "objectiveCode", i.name, i.unit, i.final_target AS "finalTarget"
         FROM indicators i JOIN objectives o ON o.id = i.objective_id
        WHERE i.plan_id = $1 AND i.archived_at IS NULL ORDER BY o.position, o.code, i.position, i.name`,
        [plan.id],
      );
    const end = `${year}-12-31`;
    const today = todayIn(plan.timeZone);
    const cells = await this.figures.cellsAsOf(
      plan,
      indicators.map((i) => i.id),
      end < today ? end : today,
      { grain: 'year', dimension: '' },
    );
    return indicators.flatMap(({ id, ...indicator }) => {
      const c = cells.get(id)?.find((cell) => cell.periodStart === `${year}-01-01`);
      if (!c) return [];
      const { period, ...figures } = publishedPeriod(c);
      return [{ ...indicator, ...figures }];
    });
  }

  async activity(planId: string, year: number, language: ReportLanguage, generatedAt: Date): Promise<Sourced<ActivityReportInput>> {
    const em = this.db.manager;
    const plan = await em.findOneBy(Plan, { id: planId });
    if (!plan) throw new ReportSourceGone(`Plan ${planId} no longer exists`);
    const [from, to] = [`${year}-01-01`, `${year}-12-31`];
    const where = { planId };
    const [orientations, objectives, actions, workSteps, participation, indicators] = await Promise.all([
      em.find(Orientation, { where, order: { position: 'ASC', number: 'ASC' } }),
      em.find(Objective, { where, order: { position: 'ASC', code: 'ASC' } }),
      em.find(Action, { where, order: { position: 'ASC', id: 'ASC' } }),
      em.query<ActivityWorkStep[]>(
        `SELECT c.name AS "workCell", o.code AS "objectiveCode", s.text, s.phase, s.date::text AS date
           FROM work_steps s JOIN work_cells c ON c.id = s.work_cell_id JOIN objectives o ON o.id = c.objective_id
          WHERE o.plan_id = $1 AND s.done AND s.date BETWEEN $2 AND $3
          ORDER BY s.date, c.name, s.position`,
        [planId, from, to],
      ),
      em.query<(ActivityParticipation & { total: number; key: string })[]>(
        `SELECT i.name AS instrument, c.activity, count(*)::int AS counts, sum(c.total)::int AS total, sum(c.record_key)::text AS key
           FROM participation_counts c JOIN instruments i ON i.id = c.instrument_id
          WHERE i.plan_id = $1 AND c.date BETWEEN $2 AND $3
          GROUP BY i.id, i.name, i.position, c.activity
          ORDER BY i.position, i.name, c.activity`,
        [planId, from, to],
      ),
      this.yearFigures(plan, year),
    ]);
    const actionsOf = new Map<string, Action[]>();
    for (const a of actions) actionsOf.set(a.objectiveId, [...(actionsOf.get(a.objectiveId) ?? []), a]);
    return {
      input: {
        language,
        year,
        generatedAt,
        plan: { title: plan.title, startDate: plan.startDate, endDate: plan.endDate },
        orientations: orientations.map((o) => ({
          number: o.number,
          title: o.title,
          objectives: objectives
            .filter((obj) => obj.orientationId === o.id)
            .map((obj) => ({
              code: obj.code,
              title: obj.title,
              actions: (actionsOf.get(obj.id) ?? []).map((a) => ({
                description: a.description,
                scheduleKind: a.scheduleKind,
                scheduleDate: a.scheduleDate,
                scheduleText: a.scheduleText,
                resources: a.resources,
              })),
            })),
        })),
        workSteps,
        ...this.publishedParticipation(participation),
        indicators,
      },
      // Activity data has no single change time: an activity report is rendered on each request.
      changedAt: null,
    };
  }
}
