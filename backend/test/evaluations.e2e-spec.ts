import { randomUUID } from 'node:crypto';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { CoreModule } from '@backend/core.module';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import {
  indicatorsOf,
  type EvaluationSnapshot,
  type IndicatorSnapshot,
  type SnapshotPeriod,
} from '@backend/evaluations/evaluation-snapshot';
import { EvaluationsModule } from '@backend/evaluations/evaluations.module';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Instrument } from '@backend/indicators/instrument.entity';
import { ManualValue } from '@backend/indicators/manual-value.entity';
import { ParticipationCount } from '@backend/participation/participation-count.entity';
import type { Question } from '@backend/questionnaires/question.types';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { QueueModule } from '@backend/queue/queue.module';
import type { Role } from '@backend/users/role';
import { EvaluationProcessor } from '../../workers/src/evaluations/evaluation.processor';
import { DEMO_EVALUATIONS_WAIT_MS, lockDemoEvaluations } from './support/demo-evaluations';
import { publishable, publishableShare } from './support/disclosure';
import { Fixtures, fixtures, uniqueText, purgeEvaluations } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';
import { insertResponses } from './support/response-rows';

const Q = { knows: randomUUID(), gender: randomUUID() };
const QUESTIONS: Question[] = [
  { id: Q.knows, type: 'yes_no', required: true, label: { fr: 'Connaissez-vous la Table ?' } },
  {
    id: Q.gender,
    type: 'single_choice',
    required: false,
    allowPreferNot: true,
    dimension: 'gender',
    label: { fr: 'Genre' },
    choices: [
      { code: 'woman', label: { fr: 'Femme' } },
      { code: 'man', label: { fr: 'Homme' } },
    ],
  },
];

const CUTOFF = '2024-05-15';
// [answered at (UTC), knows the Table, gender]. By the cut-off: Q1 6 (3 women, 3 men, 4 yes), Q2 5 (3 women, 2 men, 3 yes).
const RESPONSES: [string, boolean, string][] = [
  ['2024-01-10T15:00:00Z', true, 'woman'],
  ['2024-01-20T15:00:00Z', false, 'woman'],
  ['2024-02-05T15:00:00Z', true, 'woman'],
  ['2024-02-15T15:00:00Z', false, 'man'],
  ['2024-03-01T15:00:00Z', true, 'man'],
  ['2024-03-20T15:00:00Z', true, 'man'],
  ['2024-04-02T15:00:00Z', true, 'woman'],
  ['2024-04-20T15:00:00Z', false, 'man'],
  ['2024-05-12T15:00:00Z', false, 'man'],
  ['2024-05-15T15:00:00Z', true, 'woman'],
  // 23:30 on the cut-off day in Montréal: counted, as the day is the plans' time zone's.
  ['2024-05-16T03:30:00Z', true, 'woman'],
  // After the cut-off, inside its quarter: not counted.
  ['2024-05-20T15:00:00Z', true, 'man'],
];

interface EvaluationBody {
  id: string;
  planId: string;
  kind: string;
  cutoff: string;
  state: string;
  openedBy: string;
  closedBy: string | null;
  closedAt: string | null;
  snapshot: EvaluationSnapshot | null;
  assessments: { objectiveId: string; rating: string; comment: string | null; recommendations: string | null; updatedBy: string }[];
  history: { at: string; action: string; userId: string | null; detail: Record<string, unknown> }[];
  midterm?: { id: string; cutoff: string; indicators: Record<string, { value: number | null; n: number | null; status: string }> } | null;
}

interface OwnPlan {
  planId: string;
  objectiveA: string;
  objectiveB: string;
  questionnaireId: string;
  versionId: string;
  countsId: string;
  responses: string;
  share: string;
  participants: string;
  manual: string;
}

const indicatorIn = (s: EvaluationSnapshot, id: string): IndicatorSnapshot => {
  const found = indicatorsOf(s).find((i) => i.id === id);
  if (!found) throw new Error(`indicator ${id} is not in the snapshot`);
  return found;
};

/** Only the evaluations' processor, on this file's Redis prefix: what the worker process runs for them. */
@Module({ imports: [CoreModule, QueueModule.forRoot('worker'), EvaluationsModule], providers: [EvaluationProcessor] })
class EvaluationWorkersModule {}

describe('Evaluations', () => {
  let t: TestApp;
  let f: Fixtures;
  let freezer: EvaluationFreezerService;
  let aggregation: AggregationService;
  let own: OwnPlan;
  const userIds = {} as Record<Role, string>;
  const as = (role: Role) => bearer(t.tokens[role]);

  async function response(answeredAt: string, knows: boolean, gender: string): Promise<void> {
    await insertResponses(t.db, {
      questionnaireId: own.questionnaireId,
      version: 1,
      language: 'fr',
      answeredAt: new Date(answeredAt),
      idempotencyKey: randomUUID(),
      answers: { [Q.knows]: knows, [Q.gender]: gender },
    });
  }

  async function count(date: string, total: number): Promise<void> {
    await t.db.manager.insert(ParticipationCount, {
      instrumentId: own.countsId,
      activity: 'Assemblée',
      date,
      total,
      idempotencyKey: randomUUID(),
      bodyHash: 'x',
      breakdown: [],
    });
  }

  /** A plan of this test's own: its data is changed after a freeze, which the demo plan's must not be. */
  async function ownPlan(): Promise<OwnPlan> {
    const admin = as('admin');
    const plan = (
      await t
        .http()
        .post('/api/plans')
        .set(admin)
        .send({ title: uniqueText('Plan évalué'), startDate: '2024-01-01', endDate: '2026-12-31' })
        .expect(201)
    ).body;
    f.track(`/api/plans/${plan.id}`);
    const orientation = (
      await t.http().post('/api/orientations').set(admin).send({ planId: plan.id, number: 1, title: 'Orientation' }).expect(201)
    ).body;
    const objectiveA = (
      await t
        .http()
        .post('/api/objectives')
        .set(admin)
        .send({ orientationId: orientation.id, code: '1.1', title: 'Objectif A' })
        .expect(201)
    ).body;
    const objectiveB = (
      await t
        .http()
        .post('/api/objectives')
        .set(admin)
        .send({ orientationId: orientation.id, code: '1.2', title: 'Objectif B', position: 1 })
        .expect(201)
    ).body;
    const em = t.db.manager;
    const instrument = await em.save(em.create(Instrument, { planId: plan.id, kind: 'questionnaire', name: 'Questionnaire évalué' }));
    const content = { title: { fr: 'Q' }, description: {}, defaultLanguage: 'fr', languages: ['fr'], questions: QUESTIONS };
    const q = await em.save(
      em.create(Questionnaire, {
        ...content,
        planId: plan.id,
        instrumentId: instrument.id,
        slug: `eval-${randomUUID()}`,
        status: 'published',
        currentVersion: 1,
      }),
    );
    const version = await em.save(em.create(QuestionnaireVersion, { ...content, questionnaireId: q.id, version: 1 }));
    const counts = await em.save(em.create(Instrument, { planId: plan.id, kind: 'participation_count', name: 'Nombre de participants' }));
    const base = { planId: plan.id, status: 'active' as const, direction: 'up' as const };
    const [responses, share, participants, manual] = await em.save([
      em.create(Indicator, {
        ...base,
        objectiveId: objectiveA.id,
        position: 1,
        name: 'Répondants',
        kind: 'response_count',
        grain: 'quarter',
        dimensions: ['gender'],
        source: { questionnaireId: q.id },
        baselineValue: 0,
        midtermTarget: 6,
        finalTarget: 12,
      }),
      em.create(Indicator, {
        ...base,
        objectiveId: objectiveA.id,
        position: 2,
        name: 'Connaissent la Table',
        kind: 'answer_share',
        grain: 'quarter',
        unit: '%',
        source: { questionnaireId: q.id, questionId: Q.knows, anyOf: [true] },
        baselineValue: 50,
        baselineDate: '2023-12-01',
        midtermTarget: 70,
        finalTarget: 80,
      }),
      em.create(Indicator, {
        ...base,
        objectiveId: objectiveB.id,
        position: 1,
        name: 'Participants',
        kind: 'participation_sum',
        grain: 'year',
        source: { instrumentIds: [counts.id] },
        baselineValue: 0,
        midtermTarget: 60,
        finalTarget: 100,
      }),
      em.create(Indicator, {
        ...base,
        objectiveId: objectiveB.id,
        position: 2,
        name: 'Publications',
        kind: 'manual',
        grain: 'quarter',
        finalTarget: 10,
      }),
    ]);
    own = {
      planId: plan.id,
      objectiveA: objectiveA.id,
      objectiveB: objectiveB.id,
      questionnaireId: q.id,
      versionId: version.id,
      countsId: counts.id,
      responses: responses.id,
      share: share.id,
      participants: participants.id,
      manual: manual.id,
    };
    for (const [at, knows, gender] of RESPONSES) await response(at, knows, gender);
    await count('2024-03-01', 40);
    await count(CUTOFF, 10);
    await count('2024-06-10', 25);
    await em.insert(ManualValue, [
      { indicatorId: manual.id, date: '2024-03-10', value: 3, evidence: 'Rapport' },
      { indicatorId: manual.id, date: '2024-05-01', value: 2, evidence: 'Rapport' },
      { indicatorId: manual.id, date: '2024-05-30', value: 4, evidence: 'Rapport' },
    ]);
    for (const id of [responses.id, share.id, participants.id, manual.id]) await aggregation.recompute(id);
    return own;
  }

  const evaluation = async (id: string, role: Role = 'committee') =>
    (await t.http().get(`/api/evaluations/${id}`).set(as(role)).expect(200)).body as EvaluationBody;

  async function open(planId: string, kind: 'midterm' | 'final', cutoff: string, role: Role = 'committee'): Promise<string> {
    // A plan has one evaluation of each kind not closed at a time: on this file's own plan, an earlier test's goes first.
    if (planId === own?.planId) await closeOpen(planId, kind);
    const res = await t.http().post(`/api/plans/${planId}/evaluations`).set(as(role)).send({ kind, cutoff });
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({
      status: 201,
      body: { planId, kind, cutoff, state: 'freezing' },
    });
    return (res.body as { id: string }).id;
  }

  async function closeOpen(planId: string, kind: 'midterm' | 'final'): Promise<void> {
    const rows = await t.db.query<{ id: string }[]>(`SELECT id FROM evaluations WHERE plan_id = $1 AND kind = $2 AND state = 'open'`, [
      planId,
      kind,
    ]);
    for (const { id } of rows) await t.http().post(`/api/evaluations/${id}/close`).set(as('admin')).expect(200);
  }

  async function openAndFreeze(planId: string, kind: 'midterm' | 'final', cutoff: string): Promise<string> {
    const id = await open(planId, kind, cutoff);
    // The API queued a job too; a worker (another test's) may freeze it first, which the freeze takes in its stride.
    await expect(freezer.freeze(id)).resolves.toMatch(/^(frozen|already_frozen)$/);
    return id;
  }

  const rowCount = async (sql: string, params: unknown[]) =>
    (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    f = fixtures(t);
    freezer = t.app.get(EvaluationFreezerService);
    aggregation = t.app.get(AggregationService);
    for (const role of ['admin', 'evaluator', 'committee', 'partner'] as Role[]) {
      userIds[role] = ((await t.http().get('/api/auth/me').set(as(role)).expect(200)).body as { id: string }).id;
    }
    await ownPlan();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await f?.cleanup();
    await t?.close();
  });

  it('opens an evaluation in state freezing, and the freeze stores the values at the cut-off', async () => {
    // Arrange / Act
    const id = await openAndFreeze(own.planId, 'midterm', CUTOFF);
    const body = await evaluation(id);

    // Assert
    expect(body).toMatchObject({ id, planId: own.planId, kind: 'midterm', cutoff: CUTOFF, state: 'open', openedBy: userIds.committee });
    const s = body.snapshot!;
    expect(s).toMatchObject({ cutoff: CUTOFF, suppressionK: 5, plan: { id: own.planId, startDate: '2024-01-01', endDate: '2026-12-31' } });
    expect(s.orientations[0].objectives.map((o) => [o.code, o.indicators.map((i) => i.name)])).toEqual([
      ['1.1', ['Répondants', 'Connaissent la Table']],
      ['1.2', ['Participants', 'Publications']],
    ]);
    // Frozen as published (disclosure layer): 6 and 5 respondents in Q1 and Q2, 11 since the start, each within 2.
    const responses = indicatorIn(s, own.responses);
    expect(responses.series.map((p) => p.period)).toEqual(['2024-01-01', '2024-04-01']);
    const [q1, q2] = responses.series;
    expect([publishable(q1.value, 6), q1.n === q1.value, publishable(q2.value, 5), publishable(q2.cumulativeValue, 11)]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(responses).toMatchObject({
      value: q2.cumulativeValue,
      n: q2.cumulativeN,
      period: '2024-04-01',
      finalTarget: 12,
      grain: 'quarter',
    });
    // Q2's own gender cells (3 and 2 people) are hidden (3 + D is under 5); the cumulative ones (6 and 5), and the
    // categories nobody is in, as the layer publishes them.
    const q2Gender = (await t.http().get(`/api/indicators/${own.responses}/values?by=gender&to=${CUTOFF}`).set(as('committee')).expect(200))
      .body as { period: string; category: string; suppressed: boolean; value: number | null }[];
    expect(
      q2Gender.filter((c) => c.period === '2024-04-01' && ['man', 'woman'].includes(c.category)).map((c) => [c.suppressed, c.value]),
    ).toEqual([
      [true, null],
      [true, null],
    ]);
    const byCategory = new Map(responses.breakdowns[0].cells.map((c) => [c.category, c]));
    expect([
      publishable(byCategory.get('man')!.value, 6),
      publishable(byCategory.get('woman')!.value, 5),
      publishable(byCategory.get('non_binary')!.value, 0),
    ]).toEqual([true, true, true]);
    const share = indicatorIn(s, own.share);
    // 4 of 6 knew the Table in Q1, 3 of 5 in Q2.
    expect([publishableShare(share.series[0], 4, 6), publishableShare(share.series[1], 3, 5)]).toEqual([true, true]);
    expect(share).toMatchObject({ value: share.series[1].value, n: share.series[1].n, baseline: { value: 50, date: '2023-12-01' } });
    const participants = indicatorIn(s, own.participants);
    expect(participants).toMatchObject({ period: '2024-01-01' });
    expect(publishable(participants.value, 50)).toBe(true);
    expect(indicatorIn(s, own.manual)).toMatchObject({ value: 5, period: '2024-04-01', status: 'on_track' });
    expect(indicatorIn(s, own.manual).series.map((p) => p.cumulativeValue)).toEqual([3, 5]);
  });

  it(
    'freezes the demo plan to exactly what its progress and values gave at the cut-off',
    async () => {
      // Arrange: the end of a year, so that the stored cells of every period up to it hold nothing from after it
      const [{ id: planId }] = await t.db.query<{ id: string }[]>(`SELECT id FROM plans WHERE title LIKE '%Parc-Extension%'`);
      const cutoff = '2022-12-31';
      // The demo plan is shared with other files: this file's turn on its evaluations (support/demo-evaluations.ts).
      const release = await lockDemoEvaluations(t.db);
      let id: string | undefined;
      try {
        // Act
        id = await openAndFreeze(planId, 'midterm', cutoff);
        const s = (await evaluation(id)).snapshot!;

        // Assert
        const progress = (await t.http().get(`/api/plans/${planId}/progress?at=${cutoff}`).set(as('committee')).expect(200)).body as {
          indicators: { id: string; value: number | null; n: number | null; period: string | null; status: string }[];
        };
        const frozen = indicatorsOf(s);
        expect(frozen.map((i) => i.id).sort()).toEqual(progress.indicators.map((i) => i.id).sort());
        expect(frozen.some((i) => i.value !== null)).toBe(true);
        for (const p of progress.indicators) {
          const i = indicatorIn(s, p.id);
          expect({ id: i.id, value: i.value, n: i.n, period: i.period, status: i.status }).toEqual({
            id: p.id,
            value: p.value,
            n: p.n,
            period: p.period,
            status: p.status,
          });
          const series = (await t.http().get(`/api/indicators/${i.id}/values?to=${cutoff}`).set(as('committee')).expect(200))
            .body as SnapshotPeriod[];
          expect(i.series).toEqual(series);
          for (const { dimension, cells } of i.breakdowns) {
            const rows = (
              await t.http().get(`/api/indicators/${i.id}/values?to=${cutoff}&by=${dimension}`).set(as('committee')).expect(200)
            ).body as (SnapshotPeriod & { category: string })[];
            const last = rows.at(-1)?.period;
            expect(cells).toEqual(
              rows
                .filter((r) => r.period === last)
                .sort((a, b) => a.category.localeCompare(b.category))
                .map((r) => ({ category: r.category, value: r.cumulativeValue, n: r.cumulativeN, suppressed: r.cumulativeSuppressed })),
            );
          }
        }
        // Small ADS+ cells are exported without their value or n.
        const hidden = frozen.flatMap((i) => i.breakdowns.flatMap((b) => b.cells)).filter((c) => c.suppressed);
        expect(hidden.length).toBeGreaterThan(0);
        expect(hidden.every((c) => c.value === null && c.n === null)).toBe(true);
      } finally {
        if (id) await purgeEvaluations(t.db, [id]);
        await release();
      }
    },
    DEMO_EVALUATIONS_WAIT_MS,
  );

  it('keeps the snapshot as frozen after later responses, counts, values and edits of targets and definitions', async () => {
    // Arrange
    const id = await openAndFreeze(own.planId, 'midterm', CUTOFF);
    const frozen = (await evaluation(id)).snapshot;

    // Act: answered before the cut-off but received after the freeze, answered after it; a count and a value before it
    await response('2024-05-10T15:00:00Z', true, 'woman');
    await response('2024-06-01T15:00:00Z', false, 'man');
    await count('2024-04-01', 7);
    await t
      .http()
      .post('/api/manual-values')
      .set(as('evaluator'))
      .send({ indicatorId: own.manual, date: '2024-04-15', value: 1, evidence: 'Ajout tardif' })
      .expect(201);
    await t
      .http()
      .patch(`/api/indicators/${own.responses}`)
      .set(as('evaluator'))
      .send({ midtermTarget: 500, finalTarget: 1000 })
      .expect(200);
    await t
      .http()
      .patch(`/api/indicators/${own.share}`)
      .set(as('evaluator'))
      .send({
        name: 'Ne connaissent pas la Table',
        grain: 'year',
        source: { questionnaireId: own.questionnaireId, questionId: Q.knows, anyOf: [false] },
      })
      .expect(200);
    for (const indicatorId of [own.responses, own.share, own.participants, own.manual]) await aggregation.recompute(indicatorId);

    // Assert: unchanged, although a snapshot built now at the same cut-off differs in all of these
    expect((await evaluation(id)).snapshot).toEqual(frozen);
    const now = (await freezer.buildSnapshot(own.planId, CUTOFF))!;
    expect(indicatorIn(now, own.responses)).toMatchObject({ finalTarget: 1000 });
    expect(publishable(indicatorIn(now, own.responses).value, 12)).toBe(true);
    expect(indicatorIn(now, own.share)).toMatchObject({ name: 'Ne connaissent pas la Table', grain: 'year' });
    expect(publishable(indicatorIn(now, own.participants).value, 57)).toBe(true);
    expect(indicatorIn(now, own.manual).value).toBe(6);
    expect(indicatorIn(frozen!, own.responses)).toMatchObject({ finalTarget: 12 });
    expect(publishable(indicatorIn(frozen!, own.responses).value, 11)).toBe(true);
  });

  it('refuses assessments and closing while the snapshot is being frozen (409), writing nothing', async () => {
    // Arrange: no job queued, so that no worker freezes it under the test
    jest.spyOn(Queue.prototype, 'add').mockRejectedValueOnce(new Error('Connection is closed.'));
    const id = await open(own.planId, 'midterm', CUTOFF);

    // Act
    const assess = await t
      .http()
      .put(`/api/evaluations/${id}/assessments/${own.objectiveA}`)
      .set(as('committee'))
      .send({ rating: 'achieved' });
    const close = await t.http().post(`/api/evaluations/${id}/close`).set(as('committee'));

    // Assert
    expect(assess.body).toMatchObject({
      statusCode: 409,
      code: 'evaluation_freezing',
      message: expect.stringContaining('still being frozen'),
    });
    expect(close.body).toMatchObject({ statusCode: 409, code: 'evaluation_freezing' });
    expect(await rowCount('evaluation_assessments WHERE evaluation_id = $1', [id])).toBe(0);
    await purgeEvaluations(t.db, [id]);
  });

  it("records the committee's assessments, closes, keeps the history, and is read-only once closed", async () => {
    // Arrange
    const id = await openAndFreeze(own.planId, 'midterm', CUTOFF);

    // Act
    const first = await t
      .http()
      .put(`/api/evaluations/${id}/assessments/${own.objectiveA}`)
      .set(as('committee'))
      .send({ rating: 'on_track', comment: 'Bonne participation', recommendations: 'Rejoindre les hommes' });
    const again = await t
      .http()
      .put(`/api/evaluations/${id}/assessments/${own.objectiveA}`)
      .set(as('admin'))
      .send({ rating: 'at_risk', comment: 'Revu' });
    await t
      .http()
      .put(`/api/evaluations/${id}/assessments/${own.objectiveB}`)
      .set(as('evaluator'))
      .send({ rating: 'achieved' })
      .expect(200);
    const closed = await t.http().post(`/api/evaluations/${id}/close`).set(as('evaluator'));
    const before = await evaluation(id);
    const writes = await Promise.all([
      t.http().put(`/api/evaluations/${id}/assessments/${own.objectiveA}`).set(as('committee')).send({ rating: 'not_achieved' }),
      t.http().put(`/api/evaluations/${id}/assessments/${own.objectiveB}`).set(as('admin')).send({ rating: 'on_track' }),
      t.http().post(`/api/evaluations/${id}/close`).set(as('committee')),
    ]);

    // Assert
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      objectiveId: own.objectiveA,
      rating: 'on_track',
      comment: 'Bonne participation',
      updatedBy: userIds.committee,
    });
    expect(again.body).toMatchObject({ rating: 'at_risk', comment: 'Revu', recommendations: null, updatedBy: userIds.admin });
    expect(closed.body).toMatchObject({ id, state: 'closed', closedBy: userIds.evaluator, closedAt: expect.any(String) });
    expect(before).toMatchObject({ state: 'closed', closedBy: userIds.evaluator });
    expect(before.assessments.map((a) => [a.objectiveId, a.rating, a.updatedBy])).toEqual([
      [own.objectiveA, 'at_risk', userIds.admin],
      [own.objectiveB, 'achieved', userIds.evaluator],
    ]);
    expect(before.history.map((h) => [h.action, h.userId, h.detail])).toEqual([
      ['opened', userIds.committee, { kind: 'midterm', cutoff: CUTOFF }],
      ['frozen', null, expect.objectContaining({ cutoff: CUTOFF, indicators: 4 })],
      ['assessed', userIds.committee, { objectiveId: own.objectiveA, rating: 'on_track' }],
      ['assessed', userIds.admin, { objectiveId: own.objectiveA, rating: 'at_risk' }],
      ['assessed', userIds.evaluator, { objectiveId: own.objectiveB, rating: 'achieved' }],
      ['closed', userIds.evaluator, {}],
    ]);
    for (const res of writes)
      expect(res.body).toMatchObject({ statusCode: 409, code: 'evaluation_closed', message: expect.stringContaining('read-only') });
    expect(await evaluation(id)).toEqual(before);
  });

  it("shows a final beside the mid-term's values it is compared with", async () => {
    // Arrange
    const midterm = await openAndFreeze(own.planId, 'midterm', '2024-03-31');
    const final = await openAndFreeze(own.planId, 'final', '2024-06-30');

    // Act
    const body = await evaluation(final);
    const mid = (await evaluation(midterm)).snapshot!;

    // Assert: baseline, mid-term and final for each indicator
    expect(body.midterm).toMatchObject({ id: midterm, cutoff: '2024-03-31' });
    for (const i of indicatorsOf(mid)) expect(body.midterm!.indicators[i.id]).toEqual({ value: i.value, n: i.n, status: i.status });
    // 6 respondents by the mid-term's cut-off, 14 by the final's: both as published (within 2).
    const responses = indicatorIn(body.snapshot!, own.responses);
    expect([
      responses.baseline.value,
      publishable(body.midterm!.indicators[own.responses].value, 6),
      publishable(responses.value, 14),
    ]).toEqual([0, true, true]);
    expect((await evaluation(midterm)).midterm).toBeUndefined();
  });

  it("lists a plan's evaluations, newest first, without their snapshots, to any staff role", async () => {
    // Act
    const res = await t.http().get(`/api/plans/${own.planId}/evaluations?limit=200`).set(as('partner')).expect(200);

    // Assert
    const body = res.body as { items: Record<string, unknown>[]; total: number };
    expect(body.total).toBeGreaterThanOrEqual(4);
    expect(body.items[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        kind: 'final',
        cutoff: '2024-06-30',
        state: 'open',
        openedAt: expect.any(String),
        closedAt: null,
      }),
    );
    expect(body.items.every((e) => !('snapshot' in e))).toBe(true);
  });

  it.each([
    { what: 'an unknown kind', body: { kind: 'x', cutoff: CUTOFF }, status: 400, field: 'kind' },
    { what: 'a date that does not exist', body: { kind: 'midterm', cutoff: '2024-02-30' }, status: 400, field: 'cutoff' },
    {
      what: 'a cut-off in the future',
      body: { kind: 'midterm', cutoff: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) },
      status: 400,
      field: 'cutoff',
    },
    { what: "a cut-off before the plan's start", body: { kind: 'final', cutoff: '2023-12-31' }, status: 400, field: 'cutoff' },
    { what: 'no cut-off', body: { kind: 'final' }, status: 400, field: 'cutoff' },
    { what: 'an unknown field', body: { kind: 'final', cutoff: CUTOFF, snapshot: {} }, status: 400, field: 'snapshot' },
  ])('refuses to open an evaluation with $what ($status naming $field), and writes nothing', async ({ body, status, field }) => {
    // Arrange
    const before = await rowCount('evaluations WHERE plan_id = $1', [own.planId]);
    // Act
    const res = await t.http().post(`/api/plans/${own.planId}/evaluations`).set(as('committee')).send(body);
    // Assert
    expect(res.body).toMatchObject({ statusCode: status, errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    expect(await rowCount('evaluations WHERE plan_id = $1', [own.planId])).toBe(before);
  });

  it('refuses an unknown plan (404) and a partner (403), writing nothing', async () => {
    // Arrange
    const before = await rowCount('evaluations WHERE plan_id = $1', [own.planId]);
    // Act
    const unknown = await t
      .http()
      .post(`/api/plans/${randomUUID()}/evaluations`)
      .set(as('committee'))
      .send({ kind: 'midterm', cutoff: CUTOFF });
    const partner = await t
      .http()
      .post(`/api/plans/${own.planId}/evaluations`)
      .set(as('partner'))
      .send({ kind: 'midterm', cutoff: CUTOFF });
    const list = await t.http().get(`/api/plans/${randomUUID()}/evaluations`).set(as('committee'));
    // Assert
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'not_found', message: expect.stringContaining('Plan') });
    expect(partner.body).toMatchObject({ statusCode: 403 });
    expect(list.body).toMatchObject({ statusCode: 404 });
    await t.http().get(`/api/evaluations/${randomUUID()}`).set(as('committee')).expect(404);
    expect(await rowCount('evaluations WHERE plan_id = $1', [own.planId])).toBe(before);
  });

  it('refuses a bad rating, a malformed objective id, and an objective of another plan, writing nothing', async () => {
    // Arrange
    const id = await openAndFreeze(own.planId, 'midterm', CUTOFF);
    const other = await f.plan();
    const put = (objectiveId: string, body: object) =>
      t.http().put(`/api/evaluations/${id}/assessments/${objectiveId}`).set(as('committee')).send(body);

    // Act
    const [rating, noRating, tooLong, malformed, foreign] = await Promise.all([
      put(own.objectiveA, { rating: 'great' }),
      put(own.objectiveA, { comment: 'Sans note' }),
      put(own.objectiveA, { rating: 'achieved', recommendations: 'x'.repeat(10_001) }),
      put('not-a-uuid', { rating: 'achieved' }),
      put(other.objectiveId, { rating: 'achieved' }),
    ]);

    // Assert
    expect(rating.body).toMatchObject({ statusCode: 400, errors: [expect.objectContaining({ field: 'rating' })] });
    expect(noRating.body).toMatchObject({ statusCode: 400, errors: [expect.objectContaining({ field: 'rating' })] });
    expect(tooLong.body).toMatchObject({ statusCode: 400, errors: [expect.objectContaining({ field: 'recommendations' })] });
    expect(malformed.body).toMatchObject({ statusCode: 400, errors: [expect.objectContaining({ field: 'objectiveId' })] });
    expect(foreign.body).toMatchObject({ statusCode: 404, message: expect.stringContaining(other.objectiveId) });
    expect(await rowCount('evaluation_assessments WHERE evaluation_id = $1', [id])).toBe(0);
    expect(await rowCount("evaluation_events WHERE evaluation_id = $1 AND action = 'assessed'", [id])).toBe(0);
  });

  it('freezes once: a run that fails midway leaves the evaluation freezing; of two at once, one stores the snapshot', async () => {
    // Arrange
    jest.spyOn(Queue.prototype, 'add').mockRejectedValueOnce(new Error('Connection is closed.'));
    const id = await open(own.planId, 'midterm', CUTOFF);
    const cellsAt = jest.spyOn(aggregation, 'cellsAt').mockRejectedValueOnce(new Error('connection lost'));

    // Act / Assert
    await expect(freezer.freeze(id)).rejects.toThrow('connection lost');
    expect(await t.db.query('SELECT state, snapshot FROM evaluations WHERE id = $1', [id])).toEqual([
      { state: 'freezing', snapshot: null },
    ]);
    cellsAt.mockRestore();
    const outcomes = await Promise.all([freezer.freeze(id), freezer.freeze(id)]);
    const frozen = (await evaluation(id)).snapshot;
    await expect(freezer.freeze(id)).resolves.toBe('already_frozen');
    expect(outcomes.sort()).toEqual(['already_frozen', 'frozen']);
    expect((await evaluation(id)).snapshot).toEqual(frozen);
    expect(await rowCount("evaluation_events WHERE evaluation_id = $1 AND action = 'frozen'", [id])).toBe(1);
  });

  it('freezes, once the workers run, an evaluation whose job Redis could not take', async () => {
    // Arrange: the API's add fails as it does with Redis down; the evaluation is opened all the same
    jest.spyOn(Queue.prototype, 'add').mockRejectedValueOnce(new Error('Connection is closed.'));
    const id = await open(own.planId, 'final', CUTOFF, 'admin');
    expect((await evaluation(id)).state).toBe('freezing');
    // Opened before the recovery's grace period: a younger one is left to its own job (which may be running elsewhere).
    expect(await freezer.pending()).not.toContain(id);
    await t.db.query(`UPDATE evaluations SET created_at = now() - interval '2 minutes' WHERE id = $1`, [id]);
    expect(await freezer.pending()).toContain(id);
    let workers: INestApplicationContext | undefined;
    try {
      // Act: the workers start (their recovery runs at once, then every few seconds)
      workers = await NestFactory.createApplicationContext(EvaluationWorkersModule, { logger: false });
      await workers.init();

      // Assert
      const body = await waitFor(
        'the evaluation to be frozen by the workers',
        async () => {
          const e = await evaluation(id);
          return e.state === 'open' ? e : undefined;
        },
        { timeoutMs: 30_000 },
      );
      expect(body.snapshot).toMatchObject({ cutoff: CUTOFF });
      expect(body.history.map((h) => h.action)).toEqual(['opened', 'frozen']);
    } finally {
      await workers?.close();
    }
  });
});
