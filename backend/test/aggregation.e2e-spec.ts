import { randomUUID } from 'node:crypto';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Instrument } from '@backend/indicators/instrument.entity';
import { ManualValue } from '@backend/indicators/manual-value.entity';
import { ParticipationCount } from '@backend/participation/participation-count.entity';
import type { AnswerValue, Question } from '@backend/questionnaires/question.types';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { codeOffsets, decodeAnswer, encodeAnswers, encodeAnswersSql } from '@backend/responses/answer-codes';
import { Response } from '@backend/responses/response.entity';
import { publishable } from './support/disclosure';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { insertResponses } from './support/response-rows';

const Q = { knows: randomUUID(), satisfaction: randomUUID(), gender: randomUUID(), languages: randomUUID() };
const questions: Question[] = [
  { id: Q.knows, type: 'yes_no', required: true, label: { fr: 'Connaissez-vous la Table ?' } },
  { id: Q.satisfaction, type: 'scale', required: false, min: 1, max: 5, label: { fr: 'Satisfaction' } },
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
  {
    id: Q.languages,
    type: 'multiple_choice',
    required: false,
    dimension: 'language',
    label: { fr: 'Langues' },
    choices: [
      { code: 'fr', label: { fr: 'Français' } },
      { code: 'ar', label: { fr: 'Arabe' } },
    ],
  },
];

// Hand-made responses: [date, knows, satisfaction, gender, languages]. Computed by hand below.
const RESPONSES: [string, boolean, number | null, string | null, string[]][] = [
  ['2022-01-10', true, 5, 'woman', ['fr']],
  ['2022-01-20', false, 3, 'woman', ['ar']],
  ['2022-02-05', true, 4, 'man', ['fr', 'ar']],
  ['2022-03-15', true, null, 'woman', ['ar']],
  ['2022-04-01', false, 2, 'man', ['fr']],
  ['2022-05-09', true, 5, 'woman', ['fr']],
  ['2022-05-10', true, 4, 'woman', ['ar']],
  ['2022-06-30', false, 1, null, ['fr']],
  ['2023-01-15', true, 5, 'woman', ['fr']],
  ['2023-02-01', true, 4, 'man', ['ar']],
];

describe('Indicator values computed from the raw rows', () => {
  let t: TestApp;
  let aggregation: AggregationService;
  let planId: string;
  let objectiveId: string;
  let questionnaireId: string;
  let countsInstrumentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    aggregation = t.app.get(AggregationService);
    const admin = bearer(t.tokens.admin);
    planId = (
      await t
        .http()
        .post('/api/plans')
        .set(admin)
        .send({ title: 'Plan agrégé', startDate: '2022-01-01', endDate: '2023-12-31' })
        .expect(201)
    ).body.id;
    const orientationId = (await t.http().post('/api/orientations').set(admin).send({ planId, number: 1, title: 'O' }).expect(201)).body.id;
    objectiveId = (await t.http().post('/api/objectives').set(admin).send({ orientationId, code: '1.1', title: 'Obj' }).expect(201)).body
      .id;
    const em = t.db.manager;
    const instrument = await em.save(em.create(Instrument, { planId, kind: 'questionnaire', name: 'Questionnaire agrégé' }));
    const content = { title: { fr: 'Q' }, description: {}, defaultLanguage: 'fr', languages: ['fr'], questions };
    const q = await em.save(
      em.create(Questionnaire, {
        ...content,
        planId,
        instrumentId: instrument.id,
        slug: `agg-${Date.now()}`,
        status: 'published',
        currentVersion: 1,
      }),
    );
    questionnaireId = q.id;
    await em.save(em.create(QuestionnaireVersion, { ...content, questionnaireId: q.id, version: 1 }));
    await insertResponses(
      em,
      RESPONSES.map(([date, knows, satisfaction, gender, languages]) => {
        const answers: Record<string, AnswerValue> = { [Q.knows]: knows, [Q.gender]: gender, [Q.languages]: languages };
        if (satisfaction !== null) answers[Q.satisfaction] = satisfaction;
        return {
          questionnaireId: q.id,
          version: 1,
          language: 'fr',
          answeredAt: new Date(`${date}T15:00:00Z`),
          idempotencyKey: randomUUID(),
          answers,
        };
      }),
    );
    const counts = await em.save(em.create(Instrument, { planId, kind: 'participation_count', name: 'Nombre de participants' }));
    countsInstrumentId = counts.id;
    await em.save([
      em.create(ParticipationCount, {
        instrumentId: counts.id,
        activity: 'Assemblée',
        date: '2022-03-01',
        total: 40,
        idempotencyKey: randomUUID(),
        bodyHash: 'x',
        breakdown: [
          { dimension: 'gender', category: 'woman', count: 22 },
          { dimension: 'gender', category: 'man', count: 15 },
        ],
      }),
      em.create(ParticipationCount, {
        instrumentId: counts.id,
        activity: 'Forum',
        date: '2022-08-15',
        total: 25,
        idempotencyKey: randomUUID(),
        bodyHash: 'x',
        breakdown: [
          { dimension: 'gender', category: 'woman', count: 12 },
          { dimension: 'gender', category: 'man', count: 13 },
        ],
      }),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  async function indicator(fields: Partial<Indicator>): Promise<string> {
    const em = t.db.manager;
    const saved = await em.save(
      em.create(Indicator, { planId, objectiveId, name: 'Indicateur', status: 'active', grain: 'quarter', dimensions: [], ...fields }),
    );
    await aggregation.recompute(saved.id);
    return saved.id;
  }
  type Row = {
    period: string;
    category?: string;
    value: number | null;
    n: number | null;
    suppressed: boolean;
    cumulativeValue: number | null;
  };
  /** The true figures, as an evaluator reads them (what these computations are about). */
  const values = async (id: string, query = '') =>
    (
      await t
        .http()
        .get(`/api/indicators/${id}/values`)
        .query(`${query.replace(/^\?/, '')}${query ? '&' : ''}view=unpublished`)
        .set(bearer(t.tokens.evaluator))
        .expect(200)
    ).body as Row[];
  /** The figures as the committee reads them: through the disclosure layer. */
  const published = async (id: string, query = '') =>
    (await t.http().get(`/api/indicators/${id}/values${query}`).set(bearer(t.tokens.committee)).expect(200)).body as Row[];
  /** A published count: within D = 2 of the true one and never under k = 5. */
  const near = (truth: number) => (v: number | null) => publishable(v, truth) && v !== null;
  /** Each published cell is what the disclosure layer may publish for its true one, hidden cells without value or n. */
  const expectPublished = (shown: Row[], truth: Row[]) => {
    expect(shown.map((v) => [v.period, v.category])).toEqual(truth.map((v) => [v.period, v.category]));
    shown.forEach((v, i) => {
      expect({ category: v.category, ok: publishable(v.value, truth[i].value!) }).toEqual({ category: v.category, ok: true });
      if (v.suppressed) expect([v.value, v.n]).toEqual([null, null]);
    });
  };

  it('counts responses per quarter and cumulated since the plan start', async () => {
    const id = await indicator({ kind: 'response_count', source: { questionnaireId } });
    expect((await values(id)).map((v) => [v.period, v.value, v.n, v.cumulativeValue])).toEqual([
      ['2022-01-01', 4, 4, 4],
      ['2022-04-01', 4, 4, 8],
      ['2023-01-01', 2, 2, 10],
    ]);
    expect((await values(id, '?grain=year')).map((v) => [v.period, v.value])).toEqual([
      ['2022-01-01', 8],
      ['2023-01-01', 2],
    ]);
    expect((await values(id, '?grain=month&from=2022-05-01&to=2022-05-31')).map((v) => [v.period, v.value])).toEqual([['2022-05-01', 2]]);
  });

  it('computes the share of answers in a set (« les résidents connaissent la Table »)', async () => {
    const id = await indicator({ kind: 'answer_share', grain: 'year', source: { questionnaireId, questionId: Q.knows, anyOf: [true] } });
    // 2022: 5 yes of 8; 2023: 2 of 2; cumulated: 7 of 10.
    expect((await values(id)).map((v) => [v.period, v.value, v.n, v.cumulativeValue])).toEqual([
      ['2022-01-01', 62.5, 8, 62.5],
      ['2023-01-01', 100, 2, 70],
    ]);
  });

  it('computes the mean of a scale over those who answered it', async () => {
    const id = await indicator({ kind: 'scale_mean', grain: 'year', source: { questionnaireId, questionId: Q.satisfaction } });
    // 2022: (5+3+4+2+5+4+1)/7 = 24/7; 2023: 4.5
    const [y2022, y2023] = await values(id);
    expect(y2022.value).toBeCloseTo(24 / 7, 10);
    expect(y2022.n).toBe(7);
    expect(y2023.value).toBe(4.5);
  });

  it('sums participation counts, broken down by gender with what was not recorded', async () => {
    const id = await indicator({
      kind: 'participation_sum',
      grain: 'year',
      dimensions: ['gender'],
      source: { instrumentIds: [countsInstrumentId] },
    });
    expect((await values(id)).map((v) => [v.period, v.value])).toEqual([['2022-01-01', 65]]);
    const byGender = await values(id, '?by=gender');
    // Every category is a cell, empty or not (none appears the day its first person is counted).
    expect(byGender.map((v) => [v.category, v.value])).toEqual([
      ['man', 28],
      ['non_binary', 0],
      ['not_recorded', 3],
      ['self_described', 0],
      ['woman', 34],
    ]);
    // Published: each within 2 of the truth, or hidden when that falls under 5 (the empty ones and the 3 not recorded,
    // always). With every figure perturbed, the total minus the others does not give the 3 back.
    expectPublished(await published(id, '?by=gender'), byGender);
  });

  it('breaks responses down by ADS+ category and hides every published count under 5', async () => {
    const id = await indicator({ kind: 'response_count', grain: 'year', dimensions: ['gender', 'language'], source: { questionnaireId } });
    // 2022: woman 5, man 2, prefer_not 1. A respondent who speaks two languages counts in both: fr 5, ar 4.
    const gender = await values(id, '?by=gender&to=2022-12-31');
    expect(gender.filter((v) => v.value !== 0).map((v) => [v.category, v.value])).toEqual([
      ['man', 2],
      ['prefer_not', 1],
      ['woman', 5],
    ]);
    const languages = await values(id, '?by=language&to=2022-12-31');
    expect(languages.filter((v) => v.value !== 0).map((v) => [v.category, v.value])).toEqual([
      ['ar', 4],
      ['fr', 5],
    ]);
    const gender2022 = await published(id, '?by=gender&to=2022-12-31');
    expectPublished(gender2022, gender);
    // 2 and 1 people are always hidden (2 + D is under 5), and hidden cells go out without value or n.
    expect(gender2022.filter((v) => ['man', 'prefer_not'].includes(v.category!)).map((v) => [v.value, v.n, v.suppressed])).toEqual([
      [null, null, true],
      [null, null, true],
    ]);
    expectPublished(await published(id, '?by=language&to=2022-12-31'), languages);
    // 2023's 2 respondents: the total is hidden too, like any small count (a definition could select them alone).
    expect((await published(id, '?from=2023-01-01')).map((v) => [v.period, v.value, v.suppressed])).toEqual([['2023-01-01', null, true]]);
  });

  it('lets only evaluators and admins read the true figures, marked not for publication', async () => {
    const id = await indicator({ kind: 'response_count', grain: 'year', source: { questionnaireId } });
    const truth = await t.http().get(`/api/indicators/${id}/values?view=unpublished`).set(bearer(t.tokens.evaluator)).expect(200);
    expect(truth.body.every((r: { notForPublication?: boolean }) => r.notForPublication === true)).toBe(true);
    for (const role of ['committee', 'partner'] as const) {
      const res = await t.http().get(`/api/indicators/${id}/values?view=unpublished`).set(bearer(t.tokens[role])).expect(403);
      expect(res.body.errors).toEqual([{ field: 'view', message: 'only evaluators and admins may read unpublished figures' }]);
    }
    expect((await published(id)).some((r) => 'notForPublication' in r)).toBe(false);
  });

  it('refuses a breakdown the indicator does not have', async () => {
    const id = await indicator({ kind: 'response_count', source: { questionnaireId } });
    const res = await t.http().get(`/api/indicators/${id}/values?by=gender`).set(bearer(t.tokens.committee)).expect(400);
    expect(res.body.errors).toEqual([{ field: 'by', message: 'the indicator is not broken down by gender' }]);
  });

  it('computes a ratio of two counts as a percentage', async () => {
    const id = await indicator({
      kind: 'ratio',
      grain: 'year',
      source: {
        numerator: { kind: 'response_count', questionnaireId },
        denominator: { kind: 'participation_sum', instrumentIds: [countsInstrumentId] },
      },
    });
    // 2022: 8 responses for 65 people counted.
    const [y2022] = await values(id);
    expect(y2022.value).toBeCloseTo((100 * 8) / 65, 10);
  });

  it('sums manual values with their evidence', async () => {
    const id = await indicator({ kind: 'manual', grain: 'year' });
    const em = t.db.manager;
    await em.save([
      em.create(ManualValue, { indicatorId: id, date: '2022-03-01', value: 12, evidence: 'Rapport Facebook' }),
      em.create(ManualValue, { indicatorId: id, date: '2022-09-01', value: 8, evidence: 'Rapport Facebook' }),
    ]);
    await aggregation.recompute(id);
    expect((await values(id)).map((v) => [v.period, v.value])).toEqual([['2022-01-01', 20]]);
  });

  it('gives the same values when run twice', async () => {
    const id = await indicator({ kind: 'response_count', grain: 'month', dimensions: ['gender'], source: { questionnaireId } });
    const first = await t.db.query(
      'SELECT * FROM indicator_values WHERE indicator_id = $1 ORDER BY grain, period_start, dimension, category',
      [id],
    );
    await aggregation.recompute(id);
    await aggregation.recompute(id);
    expect(
      await t.db.query('SELECT * FROM indicator_values WHERE indicator_id = $1 ORDER BY grain, period_start, dimension, category', [id]),
    ).toEqual(first);
  });

  it('reports progress against targets from the stored values', async () => {
    const id = await indicator({
      kind: 'response_count',
      grain: 'year',
      source: { questionnaireId },
      baselineValue: 0,
      midtermTarget: 10,
      finalTarget: 20,
    });
    const res = await t.http().get(`/api/plans/${planId}/progress?at=2023-06-30`).set(bearer(t.tokens.committee)).expect(200);
    const row = res.body.indicators.find((i: { id: string }) => i.id === id);
    // 10 respondents, published within 2 of it; the status is read from the published value (one truth).
    expect(row).toMatchObject({ finalTarget: 20 });
    expect(row.n).toBe(row.value);
    expect(near(10)(row.value)).toBe(true);
    expect(res.body.disclosure).toEqual({ k: 5, maxDeviation: 2 });
  });

  it('knows which indicators are stale, and none after a recompute', async () => {
    const id = await indicator({ kind: 'response_count', source: { questionnaireId } });
    expect(await aggregation.stale()).not.toContain(id);
    await insertResponses(t.db, {
      questionnaireId,
      version: 1,
      language: 'fr',
      idempotencyKey: randomUUID(),
      answers: { [Q.knows]: true },
    });
    expect(await aggregation.stale()).toContain(id);
    await aggregation.recompute(id);
    expect(await aggregation.stale()).not.toContain(id);
  });

  it('after new or deleted responses, reads again only their months and gives what a full recompute gives', async () => {
    // Arrange: computed once (every month read)
    const id = await indicator({
      kind: 'answer_share',
      grain: 'month',
      dimensions: ['gender', 'language'],
      source: { questionnaireId, questionId: Q.knows, anyOf: [true] },
    });
    const stored = () =>
      t.db.query(
        'SELECT grain, period_start, dimension, category, value, n, cumulative_value, suppressed FROM indicator_values WHERE indicator_id = $1 ORDER BY 1, 2, 3, 4',
        [id],
      );
    const months = async () =>
      new Map(
        (
          await t.db.query<{ month: string; v: string }[]>(
            "SELECT to_char(month, 'YYYY-MM-DD') AS month, source_version AS v FROM indicator_months WHERE indicator_id = $1",
            [id],
          )
        ).map((r) => [r.month, r.v]),
      );
    const before = await stored();
    const versionsBefore = await months();
    const add = (answeredAt: Date, knows: boolean) => ({
      questionnaireId,
      version: 1,
      language: 'fr',
      answeredAt,
      idempotencyKey: randomUUID(),
      answers: { [Q.knows]: knows, [Q.gender]: 'man', [Q.languages]: ['ar'] },
    });
    const inserted = await insertResponses(t.db, [add(new Date('2022-03-20T15:00:00Z'), true), add(new Date(), false)]);

    // Act: the recompute the workers run, then a full one
    await aggregation.recompute(id);
    const incremental = await stored();
    const versionsAfter = await months();
    await aggregation.recompute(id, { full: true });

    // Assert
    expect(incremental).toEqual(await stored());
    expect(incremental).not.toEqual(before);
    expect(versionsAfter.get('2022-03-01')).not.toBe(versionsBefore.get('2022-03-01'));
    expect(versionsAfter.get('2022-01-01')).toBe(versionsBefore.get('2022-01-01'));

    // Deleted again: back to the first values
    await t.db.manager.delete(
      Response,
      inserted.identifiers.map((i) => i.id as string),
    );
    await aggregation.recompute(id);
    expect(await stored()).toEqual(before);
  });

  it('recomputes the indicators of a questionnaire together (one read) to the values each gets alone', async () => {
    // Arrange: three measured questions (more than one scan holds), breakdowns single and multiple, and a participation sum
    const definitions: Partial<Indicator>[] = [
      { kind: 'response_count', grain: 'month', dimensions: ['gender', 'language'], source: { questionnaireId } },
      { kind: 'answer_share', grain: 'quarter', dimensions: ['language'], source: { questionnaireId, questionId: Q.knows, anyOf: [true] } },
      { kind: 'scale_mean', grain: 'year', dimensions: ['gender'], source: { questionnaireId, questionId: Q.satisfaction } },
      {
        kind: 'response_count',
        grain: 'year',
        dimensions: ['gender', 'language'],
        source: { questionnaireId, questionId: Q.languages, anyOf: ['ar'] },
      },
      { kind: 'participation_sum', grain: 'year', dimensions: ['gender'], source: { instrumentIds: [countsInstrumentId] } },
    ];
    const ids: string[] = [];
    for (const fields of definitions) ids.push(await indicator(fields));
    const stored = () =>
      t.db.query(
        'SELECT indicator_id, grain, period_start, dimension, category, value, n, cumulative_value, suppressed FROM indicator_values WHERE indicator_id = ANY($1) ORDER BY 1, 2, 3, 4, 5',
        [ids],
      );
    const alone = await stored();

    // Act
    await t.db.query('DELETE FROM indicator_values WHERE indicator_id = ANY($1)', [ids]);
    const done = await aggregation.recomputeMany([...ids, randomUUID()], { full: true });

    // Assert
    expect(await stored()).toEqual(alone);
    expect([...done.values()].filter((d) => d === null)).toHaveLength(1);
    // Its months all read: alone. None read (as after an import or a first computation): with its questionnaire's others.
    expect(await aggregation.withSiblings(ids[0])).toEqual([ids[0]]);
    await t.db.query('DELETE FROM indicator_months WHERE indicator_id = $1', [ids[0]]);
    expect(await aggregation.withSiblings(ids[0])).toEqual(expect.arrayContaining(ids.slice(0, 4)));
    expect(await aggregation.withSiblings(ids[0])).not.toContain(ids[4]);
  });

  it('computes the cells as they stood at a cut-off date, from what was answered or counted by then (evaluations)', async () => {
    // Arrange
    const responses = await indicator({ kind: 'response_count', source: { questionnaireId } });
    const counts = await indicator({ kind: 'participation_sum', grain: 'year', source: { instrumentIds: [countsInstrumentId] } });

    // Act
    const at = await aggregation.cellsAt([responses, counts], '2022-05-09');

    // Assert: the 2022-05-10 response and the August count come after; no period starts after the cut-off
    const totals = (id: string, grain: string) =>
      at
        .get(id)!
        .filter((c) => c.dimension === '' && c.grain === grain)
        .map((c) => [c.periodStart, c.value, c.cumulativeValue]);
    expect(totals(responses, 'quarter')).toEqual([
      ['2022-01-01', 4, 4],
      ['2022-04-01', 2, 6],
    ]);
    expect(totals(counts, 'year')).toEqual([['2022-01-01', 40, 40]]);
  });

  it('reads answers from their codes (as the ingest stores them) to the values it reads from their JSON', async () => {
    // Arrange: values computed from the JSON answers (these rows have no codes), then the rows coded in SQL
    const ids: string[] = [];
    for (const fields of [
      { kind: 'response_count', grain: 'month', dimensions: ['gender', 'language'], source: { questionnaireId } },
      { kind: 'answer_share', grain: 'quarter', dimensions: ['gender'], source: { questionnaireId, questionId: Q.knows, anyOf: [true] } },
      { kind: 'scale_mean', grain: 'year', dimensions: ['language'], source: { questionnaireId, questionId: Q.satisfaction } },
    ] as Partial<Indicator>[])
      ids.push(await indicator(fields));
    const stored = () =>
      t.db.query(
        'SELECT indicator_id, grain, period_start, dimension, category, value, n, cumulative_value, suppressed FROM indicator_values WHERE indicator_id = ANY($1) ORDER BY 1, 2, 3, 4, 5',
        [ids],
      );
    const fromJson = await stored();
    const [{ keys }] = await t.db.query(
      'SELECT answer_keys AS keys FROM questionnaire_versions WHERE questionnaire_id = $1 AND version = 1',
      [questionnaireId],
    );
    await t.db.query(`UPDATE responses SET codes = ${encodeAnswersSql(questions, 'answers', keys)} WHERE questionnaire_id = $1`, [
      questionnaireId,
    ]);
    try {
      // Act
      await aggregation.recomputeMany(ids, { full: true });

      // Assert: the same values (every row coded: none read from JSON), SQL's codes those of the ingest's encoder, decoded back
      expect(await stored()).toEqual(fromJson);
      const rows: { answers: Record<string, AnswerValue>; codes: Buffer }[] = await t.db.query(
        'SELECT response_answers_by_id(questionnaire_id, version, answers) AS answers, codes FROM responses WHERE questionnaire_id = $1',
        [questionnaireId],
      );
      const offsets = codeOffsets(questions);
      for (const row of rows) {
        expect(row.codes).toEqual(encodeAnswers(questions, row.answers));
        const read = (id: string) => {
          const { offset, width } = offsets.get(id)!;
          return width === 1 ? row.codes.readUInt8(offset) : row.codes.readInt32BE(offset);
        };
        expect(questions.map((q) => decodeAnswer(q, read(q.id)))).toEqual(questions.map((q) => row.answers[q.id]));
      }
    } finally {
      await t.db.query('UPDATE responses SET codes = NULL WHERE questionnaire_id = $1', [questionnaireId]);
    }
  });
});

describe('The queue board', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows admins the aggregation queue with its counts, after a recompute was asked for', async () => {
    const admin = bearer(t.tokens.admin);
    const planId = (
      await t
        .http()
        .post('/api/plans')
        .set(admin)
        .send({ title: 'Plan du tableau des files', startDate: '2024-01-01', endDate: '2024-12-31' })
        .expect(201)
    ).body.id;
    const orientationId = (await t.http().post('/api/orientations').set(admin).send({ planId, number: 1, title: 'O' }).expect(201)).body.id;
    const objectiveId = (await t.http().post('/api/objectives').set(admin).send({ orientationId, code: '1', title: 'Obj' }).expect(201))
      .body.id;
    await t.http().post('/api/indicators').set(admin).send({ objectiveId, name: 'Publications', kind: 'manual' }).expect(201);
    const res = await t.http().get('/api/admin/queues').set(bearer(t.tokens.admin)).expect(200);
    const aggregation = res.body.queues.find((q: { name: string }) => q.name === 'aggregation');
    expect(aggregation).toMatchObject({
      waiting: expect.any(Number),
      active: expect.any(Number),
      failed: expect.any(Number),
      retried: expect.any(Number),
    });
    expect(aggregation.waiting + aggregation.active + aggregation.completed).toBeGreaterThan(0);
    await t.http().get('/api/admin/queues').set(bearer(t.tokens.committee)).expect(403);
  });
});
