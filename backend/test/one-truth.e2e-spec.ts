import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import { indicatorsOf, type EvaluationSnapshot } from '@backend/evaluations/evaluation-snapshot';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Instrument } from '@backend/indicators/instrument.entity';
import { ManualValue } from '@backend/indicators/manual-value.entity';
import { ParticipationCount } from '@backend/participation/participation-count.entity';
import type { Question } from '@backend/questionnaires/question.types';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { renderEvaluationXlsx } from '@backend/reports/render/evaluation-xlsx';
import { REPORT_STRINGS } from '@backend/reports/render/report-strings';
import { ReportSourcesService } from '@backend/reports/report-sources.service';
import type { Role } from '@backend/users/role';
import { DEMO_EVALUATIONS_WAIT_MS, withDemoEvaluations } from './support/demo-evaluations';
import { publishable } from './support/disclosure';
import { Fixtures, fixtures, uniqueText, purgeEvaluations } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { insertResponses } from './support/response-rows';

// README « One truth »: the dashboard (GET /progress?at=), an evaluation cut off the same day and its report give
// the same value, n and status for every indicator, at every date.

interface Progress {
  at: string;
  today: string;
  timeZone: string;
  ended: boolean;
  dataPeriod: { from: string; until: string };
  indicators: {
    id: string;
    name: string;
    value: number | null;
    n: number | null;
    period: string | null;
    periodEnd: string | null;
    partial: boolean;
    status: string;
  }[];
}
interface Figure {
  value: number | null;
  n: number | null;
  status: string;
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

// A freeze may wait for another file's turn on the demo plan's evaluations (support/demo-evaluations.ts).
jest.setTimeout(DEMO_EVALUATIONS_WAIT_MS);

describe('One truth: progress, evaluations and reports agree at every date', () => {
  let t: TestApp;
  let f: Fixtures;
  const opened: string[] = [];
  const as = (role: Role) => bearer(t.tokens[role]);

  const progress = async (planId: string, at?: string): Promise<Progress> =>
    (
      await t
        .http()
        .get(`/api/plans/${planId}/progress${at ? `?at=${at}` : ''}`)
        .set(as('committee'))
        .expect(200)
    ).body as Progress;

  /**
   * Opens, freezes and reads an evaluation, then closes it (its snapshot and reports stay as they are): a plan has one
   * evaluation of each kind not closed at a time, and the demo plan is shared with other files (support/demo-evaluations.ts).
   */
  async function freeze(planId: string, cutoff: string, kind: 'midterm' | 'final'): Promise<{ id: string; snapshot: EvaluationSnapshot }> {
    return withDemoEvaluations(t.db, async () => {
      const res = await t.http().post(`/api/plans/${planId}/evaluations`).set(as('evaluator')).send({ kind, cutoff });
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201, body: { cutoff } });
      const id = (res.body as { id: string }).id;
      opened.push(id);
      // What the workers run; the API queued the same job, and whichever runs first freezes it once.
      await expect(t.app.get(EvaluationFreezerService).freeze(id)).resolves.toMatch(/^(frozen|already_frozen)$/);
      const body = (await t.http().get(`/api/evaluations/${id}`).set(as('committee')).expect(200)).body as { snapshot: EvaluationSnapshot };
      await t.http().post(`/api/evaluations/${id}/close`).set(as('evaluator')).expect(200);
      return { id, snapshot: body.snapshot };
    });
  }

  /** The evaluation's XLSX report as the workers render it, read back: each indicator's value, n and status (English). */
  async function xlsxFigures(evaluationId: string, kind: 'midterm' | 'final'): Promise<Map<string, Figure>> {
    const { input } = await t.app.get(ReportSourcesService).evaluation(evaluationId, 'en', new Date());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderEvaluationXlsx(input)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Indicators') as ExcelJS.Worksheet;
    const en = REPORT_STRINGS.en;
    const header = sheet.getRow(1).values as ExcelJS.CellValue[];
    const col = (name: string) => header.indexOf(name);
    const statusOf = new Map(Object.entries(en.status).map(([code, label]) => [label, code]));
    const out = new Map<string, Figure>();
    sheet.eachRow((row, i) => {
      if (i === 1) return;
      const value = row.getCell(col(kind === 'final' ? en.finalValue : en.valueAtCutoff)).value;
      const n = row.getCell(col(en.n)).value;
      out.set(String(row.getCell(col(en.indicator)).value), {
        value: typeof value === 'number' ? value : null,
        n: typeof n === 'number' ? n : null,
        status: statusOf.get(String(row.getCell(col(en.statusHeader)).value)) ?? '?',
      });
    });
    return out;
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = fixtures(t);
  });
  afterAll(async () => {
    // The demo plan is shared with other files: the evaluations this one opened go.
    await purgeEvaluations(t.db, opened);
    await f?.cleanup();
    await t?.close();
  });

  describe('the demo plan (2021-06-28 → 2023-12-31, Welcome Days in August)', () => {
    let planId: string;
    beforeAll(async () => {
      [{ id: planId }] = await t.db.query<{ id: string }[]>(`SELECT id FROM plans WHERE title LIKE '%Parc-Extension%'`);
      // Every indicator's stored values up to date, as the workers keep them.
      const ids = (await t.db.query<{ id: string }[]>('SELECT id FROM indicators WHERE plan_id = $1', [planId])).map((r) => r.id);
      await t.app.get(AggregationService).recomputeMany(ids);
    });

    it.each([
      ['2021-07-15', 'before the first Welcome Day'],
      ['2021-08-21', 'on the day of a collection event'],
      ['2021-09-10', 'inside an event, its kiosk still collecting'],
      ['2022-09-29', 'at the mid-term date'],
      ['2023-03-15', 'months before the next event'],
      ['2023-12-31', 'at the end date'],
      ['2024-06-30', 'after the end'],
    ])('gives one value, n and status at %s (%s) on the dashboard, in the evaluation and in its report', async (date) => {
      // Arrange
      const kind = date >= '2023-12-31' ? 'final' : 'midterm';

      // Act
      const dashboard = await progress(planId, date);
      const { id, snapshot } = await freeze(planId, date, kind);
      const report = await xlsxFigures(id, kind);

      // Assert
      const frozen = new Map(indicatorsOf(snapshot).map((i) => [i.id, i]));
      expect([...frozen.keys()].sort()).toEqual(dashboard.indicators.map((i) => i.id).sort());
      for (const p of dashboard.indicators) {
        const e = frozen.get(p.id)!;
        const shown = { id: p.id, value: p.value, n: p.n, status: p.status, period: p.period, periodEnd: p.periodEnd, partial: p.partial };
        expect({
          id: e.id,
          value: e.value,
          n: e.n,
          status: e.status,
          period: e.period,
          periodEnd: e.periodEnd,
          partial: e.partial,
        }).toEqual(shown);
        expect({ id: p.id, ...report.get(p.name) }).toEqual({ id: p.id, value: round(p.value), n: p.n, status: p.status });
      }
      // After the end date only final statuses; before it, none of them.
      const statuses = new Set(dashboard.indicators.map((i) => i.status));
      if (date >= '2023-12-31') expect([...statuses].filter((s) => !['achieved', 'not_achieved', 'no_data'].includes(s))).toEqual([]);
      else expect(statuses.has('not_achieved')).toBe(false);
      expect(dashboard.ended).toBe(date >= '2023-12-31');
    });

    it('shows at the mid-term date only what was answered by then, the period labelled as partial', async () => {
      // Act
      const dashboard = await progress(planId, '2022-09-29');

      // Assert: the share of new residents who know the Table counts the 2022 Welcome Day up to 29 Sept, not October's answers
      const knows = dashboard.indicators.find((i) => i.name.startsWith('Part des nouveaux résidents qui connaissent'))!;
      const [{ n }] = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM responses r JOIN questionnaires q ON q.id = r.questionnaire_id
          WHERE q.plan_id = $1 AND r.answered_at >= '2022-01-01T05:00:00Z' AND r.answered_at < '2022-09-30T04:00:00Z'
            AND response_answers_by_id(r.questionnaire_id, r.version, r.answers)->>(SELECT i.source->>'questionId' FROM indicators i WHERE i.id = $2) IS NOT NULL`,
        [planId, knows.id],
      );
      expect(knows).toMatchObject({ period: '2022-01-01', periodEnd: '2022-09-29', partial: true });
      expect(publishable(knows.n, n)).toBe(true); // as published: within 2 of the true n
      expect(n).toBeLessThan(100);
    });

    it('has one « today », the plan’s: progress’s default date is a cut-off the evaluation accepts, the next day is not', async () => {
      // Act
      const now = await progress(planId);
      const [y, m, d] = now.today.split('-').map(Number);
      const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
      const later = await t.http().post(`/api/plans/${planId}/evaluations`).set(as('evaluator')).send({ kind: 'final', cutoff: tomorrow });

      // Assert
      expect(now).toMatchObject({
        at: now.today,
        timeZone: 'America/Toronto',
        dataPeriod: { from: '2021-06-28', until: '2023-12-31' },
        ended: true,
      });
      expect(later.status).toBe(400);
      expect(JSON.stringify(later.body)).toContain(`today (${now.today})`);
      const { snapshot } = await freeze(planId, now.today, 'final');
      expect(snapshot.plan.timeZone).toBe('America/Toronto');
    });
  });

  describe('a plan of its own', () => {
    const Q = { gender: randomUUID() };
    const QUESTIONS: Question[] = [
      {
        id: Q.gender,
        type: 'single_choice',
        required: false,
        dimension: 'gender',
        label: { fr: 'Genre' },
        choices: [
          { code: 'woman', label: { fr: 'Femme' } },
          { code: 'man', label: { fr: 'Homme' } },
        ],
      },
    ];

    async function ownPlan(body: Record<string, unknown>) {
      const admin = as('admin');
      const plan = (
        await t
          .http()
          .post('/api/plans')
          .set(admin)
          .send({ title: uniqueText('Plan'), ...body })
          .expect(201)
      ).body as { id: string; timeZone: string };
      f.track(`/api/plans/${plan.id}`);
      const orientation = (
        await t.http().post('/api/orientations').set(admin).send({ planId: plan.id, number: 1, title: 'Orientation' }).expect(201)
      ).body;
      const objective = (
        await t
          .http()
          .post('/api/objectives')
          .set(admin)
          .send({ orientationId: orientation.id, code: '1.1', title: 'Objectif' })
          .expect(201)
      ).body;
      const em = t.db.manager;
      const instrument = await em.save(em.create(Instrument, { planId: plan.id, kind: 'questionnaire', name: 'Questionnaire' }));
      const content = { title: { fr: 'Q' }, description: {}, defaultLanguage: 'fr', languages: ['fr'], questions: QUESTIONS };
      const q = await em.save(
        em.create(Questionnaire, {
          ...content,
          planId: plan.id,
          instrumentId: instrument.id,
          slug: `tz-${randomUUID()}`,
          status: 'published',
          currentVersion: 1,
        }),
      );
      await em.save(em.create(QuestionnaireVersion, { ...content, questionnaireId: q.id, version: 1 }));
      const counts = await em.save(em.create(Instrument, { planId: plan.id, kind: 'participation_count', name: 'Participants' }));
      const base = {
        planId: plan.id,
        objectiveId: objective.id,
        status: 'active' as const,
        direction: 'up' as const,
        grain: 'month' as const,
      };
      const [respondents, participants, manual] = await em.save([
        em.create(Indicator, { ...base, name: 'Répondants', kind: 'response_count', source: { questionnaireId: q.id }, finalTarget: 10 }),
        em.create(Indicator, {
          ...base,
          name: 'Participants',
          kind: 'participation_sum',
          source: { instrumentIds: [counts.id] },
          finalTarget: 100,
        }),
        em.create(Indicator, { ...base, name: 'Publications', kind: 'manual', finalTarget: 3 }),
      ]);
      const respond = (answeredAt: string) =>
        insertResponses(em, {
          questionnaireId: q.id,
          version: 1,
          language: 'fr',
          answeredAt: new Date(answeredAt),
          idempotencyKey: randomUUID(),
          answers: { [Q.gender]: 'woman' },
        });
      const count = (date: string, total: number) =>
        em.insert(ParticipationCount, {
          instrumentId: counts.id,
          activity: 'Atelier',
          date,
          total,
          idempotencyKey: randomUUID(),
          bodyHash: 'x',
          breakdown: [],
        });
      const recompute = () => t.app.get(AggregationService).recomputeMany([respondents.id, participants.id, manual.id]);
      // The true monthly figures, as the evaluator reads them (one response alone is never published).
      const months = async (id: string) =>
        (
          (await t.http().get(`/api/indicators/${id}/values?grain=month&view=unpublished`).set(as('evaluator')).expect(200)).body as {
            period: string;
            value: number;
          }[]
        ).map((c) => [c.period, c.value]);
      return { plan, q, respondents, participants, manual, respond, count, recompute, months };
    }

    it('counts a response at 23:30 local on the last day of a month in that month, in the plan’s own time zone', async () => {
      // Arrange: 23:30 on 31 January 2024 in Vancouver is 07:30 on 1 February in UTC, 02:30 in Montréal
      const own = await ownPlan({ startDate: '2024-01-01', endDate: '2024-12-31', timeZone: 'America/Vancouver' });
      await own.respond('2024-02-01T07:30:00Z');
      await own.respond('2024-02-10T18:00:00Z');

      // Act
      await own.recompute();

      // Assert
      expect(own.plan.timeZone).toBe('America/Vancouver');
      expect(await own.months(own.respondents.id)).toEqual([
        ['2024-01-01', 1],
        ['2024-02-01', 1],
      ]);
      // Published: January has a period, whose one respondent is hidden (under k).
      const atEndOfJanuary = await progress(own.plan.id, '2024-01-31');
      expect(atEndOfJanuary.indicators.find((i) => i.id === own.respondents.id)).toMatchObject({
        value: null,
        n: null,
        period: '2024-01-01',
      });
      const { snapshot } = await freeze(own.plan.id, '2024-01-31', 'midterm');
      expect(indicatorsOf(snapshot).find((i) => i.id === own.respondents.id)).toMatchObject({ value: null, n: null, period: '2024-01-01' });

      // Act: the plan moves to Montréal's zone; its responses move to that zone's months
      await t.http().patch(`/api/plans/${own.plan.id}`).set(as('evaluator')).send({ timeZone: 'America/Toronto' }).expect(200);
      await own.recompute();

      // Assert
      expect(await own.months(own.respondents.id)).toEqual([['2024-02-01', 2]]);
      expect((await progress(own.plan.id, '2024-01-31')).indicators.find((i) => i.id === own.respondents.id)).toMatchObject({
        value: null,
        n: 0,
      });
    });

    it('counts only the data period (the plan’s own by default), which an evaluator may widen', async () => {
      // Arrange: a count inside the plan, one before its start, one after its end, a manual value after the end
      const own = await ownPlan({ startDate: '2024-01-01', endDate: '2024-06-30' });
      await own.count('2023-12-15', 7);
      await own.count('2024-03-10', 40);
      await own.count('2024-09-01', 25);
      await own.respond('2024-10-01T15:00:00Z');
      await t.db.manager.insert(ManualValue, { indicatorId: own.manual.id, date: '2024-08-01', value: 3, evidence: 'Compte rendu' });
      await own.recompute();

      // Act
      const within = await progress(own.plan.id, '2024-12-31');

      // Assert: nothing from outside the plan counts; the period is said
      const of = (p: Progress, id: string) => p.indicators.find((i) => i.id === id)!;
      expect(within.dataPeriod).toEqual({ from: '2024-01-01', until: '2024-06-30' });
      expect(of(within, own.participants.id)).toMatchObject({ status: 'not_achieved' });
      expect(publishable(of(within, own.participants.id).value, 40)).toBe(true);
      expect(of(within, own.respondents.id)).toMatchObject({ value: null, status: 'no_data' });
      expect(of(within, own.manual.id)).toMatchObject({ value: null, status: 'no_data' });
      expect(await own.months(own.participants.id)).toEqual([['2024-03-01', 40]]);

      // Act: the evaluator widens it to a last event and the baseline survey before the start
      const widened = await t
        .http()
        .patch(`/api/plans/${own.plan.id}`)
        .set(as('evaluator'))
        .send({ dataFrom: '2023-12-01', dataUntil: '2024-10-31' })
        .expect(200);
      await own.recompute();
      const after = await progress(own.plan.id, '2024-12-31');

      // Assert
      expect(widened.body).toMatchObject({ dataFrom: '2023-12-01', dataUntil: '2024-10-31' });
      expect(after.dataPeriod).toEqual({ from: '2023-12-01', until: '2024-10-31' });
      expect(publishable(of(after, own.participants.id).value, 72)).toBe(true);
      expect(await own.months(own.participants.id)).toEqual([
        ['2023-12-01', 7],
        ['2024-03-01', 40],
        ['2024-09-01', 25],
      ]);
      expect(await own.months(own.respondents.id)).toEqual([['2024-10-01', 1]]);
      expect(of(after, own.manual.id)).toMatchObject({ value: 3, status: 'achieved' });
      const { snapshot } = await freeze(own.plan.id, '2024-12-31', 'final');
      expect(snapshot.dataPeriod).toEqual({ from: '2023-12-01', until: '2024-10-31' });
      const frozen = indicatorsOf(snapshot).find((i) => i.id === own.participants.id)!;
      expect(frozen).toMatchObject({ value: of(after, own.participants.id).value, status: 'not_achieved' });
    });

    it('counts a count entered ahead of its day from that day on, today as in an evaluation cut off today', async () => {
      // Arrange: a plan under way, a count of today and one entered for tomorrow
      const own = await ownPlan({ startDate: '2026-01-01', endDate: '2027-12-31' });
      const { today } = await progress(own.plan.id);
      const [y, m, d] = today.split('-').map(Number);
      await own.count(today, 12);
      await own.count(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10), 30);
      await own.recompute();

      // Act
      const now = (await progress(own.plan.id)).indicators.find((i) => i.id === own.participants.id);
      const { snapshot } = await freeze(own.plan.id, today, 'midterm');

      // Assert
      // Today's 12, as published (within 2), not tomorrow's 30 with them; the evaluation freezes the same figure.
      expect([publishable(now!.value, 12), now!.n]).toEqual([true, now!.value]);
      expect(indicatorsOf(snapshot).find((i) => i.id === own.participants.id)).toMatchObject({
        value: now!.value,
        n: now!.n,
        status: now!.status,
      });
    });

    it('refuses a time zone or a data period that cannot be, naming the field', async () => {
      // Arrange
      const own = await ownPlan({ startDate: '2024-01-01', endDate: '2024-06-30' });
      const patch = (body: Record<string, unknown>) => t.http().patch(`/api/plans/${own.plan.id}`).set(as('evaluator')).send(body);

      // Act
      const zone = await patch({ timeZone: 'Mars/Olympus_Mons' });
      const reversed = await patch({ dataFrom: '2024-05-01', dataUntil: '2024-02-01' });
      const notADate = await patch({ dataUntil: '2024-02-30' });

      // Assert
      expect([zone.status, JSON.stringify(zone.body)]).toEqual([400, expect.stringContaining('timeZone')]);
      expect([reversed.status, JSON.stringify(reversed.body)]).toEqual([400, expect.stringContaining('dataUntil')]);
      expect([notADate.status, JSON.stringify(notADate.body)]).toEqual([400, expect.stringContaining('dataUntil')]);
      expect((await t.http().get(`/api/plans/${own.plan.id}`).set(as('committee')).expect(200)).body).toMatchObject({
        timeZone: 'America/Toronto',
        dataFrom: null,
        dataUntil: null,
      });
    });
  });
});
