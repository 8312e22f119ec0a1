import { randomUUID } from 'node:crypto';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { recordKey } from '@backend/disclosure/cell-key';
import { pickWeighted, seededRandom } from '@backend/demo/demo-rng';
import { WELCOME_QUESTION_IDS } from '@backend/demo/welcome-day-questionnaire';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import type { EvaluationSnapshot } from '@backend/evaluations/evaluation-snapshot';
import { GRAINS } from '@backend/indicators/indicator-kind';
import { Instrument } from '@backend/indicators/instrument.entity';
import { ADS_CATEGORIES } from '@backend/questionnaires/ads-block';
import type { AnswerValue, Question } from '@backend/questionnaires/question.types';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { encodeAnswers } from '@backend/responses/answer-codes';
import {
  addDays,
  attack,
  brokenFacts,
  CommitteeReader,
  DifferencingAttack,
  Finding,
  Measured,
  ObservationLog,
  rangesOf,
  Target,
  TOTAL,
  trueResponses,
} from './support/disclosure-attack';
import { DEMO_EVALUATIONS_WAIT_MS, withDemoEvaluations } from './support/demo-evaluations';
import { Fixtures, fixtures, uniqueText, purgeEvaluations } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { insertResponses } from './support/response-rows';

// Issue 13, « Tests and proof »: a committee member reads every figure published of indicators with small cells — each
// grain, period and running total, totals and each breakdown, as stored and as of two days a day apart in the values,
// on the dashboard and in two evaluations, and indicators whose definition selects a category — and solves the linear
// system they form (support/disclosure-attack.ts, with the integer programs of disclosure/differencing-attack.ts). No
// count under k that the layer hides may come out of it, checked against the true counts in the database; from the
// same figures published exactly, as tables were before the cell-key method, the same attacker gives them back.

const EVERYONE = { dimension: TOTAL, categories: [] };

interface Attacked {
  k: number;
  /** The day after the cut-off. */
  next: string;
  model: DifferencingAttack;
  truth: Map<string, number>;
  /** Every hidden figure, and those who answered on the day after the cut-off: how many of each category. */
  targets: Target[];
  /** The categories of those who answered on the day after the cut-off (two evaluations a day apart differ by them). */
  newcomers: Target[];
}

const show = (f: Finding) => `${f.label}: ${f.determined} (true count ${f.truth})`;

// A freeze may wait for another file's turn on the demo plan's evaluations (support/demo-evaluations.ts).
jest.setTimeout(DEMO_EVALUATIONS_WAIT_MS);

describe('Disclosure control (issue 13): a committee member who differences every published figure', () => {
  let t: TestApp;
  let f: Fixtures;
  const opened: string[] = [];

  /**
   * A mid-term's snapshot, the evaluation closed once read: a plan has one evaluation of each kind not closed at a time,
   * and the demo plan is shared with other files (support/demo-evaluations.ts).
   */
  async function evaluation(planId: string, cutoff: string): Promise<EvaluationSnapshot> {
    return withDemoEvaluations(t.db, async () => {
      const res = await t.http().post(`/api/plans/${planId}/evaluations`).set(bearer(t.tokens.committee)).send({ kind: 'midterm', cutoff });
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201, body: { cutoff } });
      const id = (res.body as { id: string }).id;
      opened.push(id);
      // What the workers run; the API queued the same job, and whichever runs first freezes it once.
      await expect(t.app.get(EvaluationFreezerService).freeze(id)).resolves.toMatch(/^(frozen|already_frozen)$/);
      const { snapshot } = (await t.http().get(`/api/evaluations/${id}`).set(bearer(t.tokens.committee)).expect(200)).body as {
        snapshot: EvaluationSnapshot;
      };
      await t.http().post(`/api/evaluations/${id}/close`).set(bearer(t.tokens.committee)).expect(200);
      return snapshot;
    });
  }

  /**
   * Everything a committee member reads of these indicators: their values at each grain, in total and by each
   * dimension, as stored and as of the cut-off and the day after; the dashboard today, at the cut-off and the day
   * after; two evaluations cut off a day apart. Then the attacker's system and the true counts from the database.
   */
  async function readEverything(
    planId: string,
    measured: Measured[],
    questionnaireId: string,
    questions: Record<string, string>,
    cutoff: string,
  ): Promise<Attacked> {
    const [plan] = await t.db.query<{ from: string; until: string }[]>(
      'SELECT coalesce(data_from, start_date)::text AS from, coalesce(data_until, end_date)::text AS until FROM plans WHERE id = $1',
      [planId],
    );
    const next = addDays(cutoff, 1);
    const log = new ObservationLog(plan.from, plan.until);
    const reader = new CommitteeReader(t, log, t.tokens.committee);
    for (const m of measured) {
      for (const grain of GRAINS)
        for (const by of [null, ...m.dimensions]) for (const at of [null, cutoff, next]) await reader.values(m, grain, by, at);
    }
    const { k, maxDeviation } = await reader.progress(planId, measured, null);
    await reader.progress(planId, measured, cutoff);
    await reader.progress(planId, measured, next);
    reader.snapshot('D', await evaluation(planId, cutoff), measured);
    reader.snapshot('D+1', await evaluation(planId, next), measured);
    // The day after the cut-off is a cell of its own: the figures as of D and of D + 1 cut its month either side of it.
    const model = new DifferencingAttack(
      { k, maxDeviation, dataFrom: plan.from, dataUntil: plan.until, cuts: [next, addDays(next, 1)] },
      log.observations(),
    );
    const truth = model.truth(await trueResponses(t, questionnaireId, questions));
    const newcomers = model.dayTargets(next, truth).filter((x) => x.truth > 0);
    return { k, next, model, truth, targets: [...model.hiddenTargets(truth), ...newcomers], newcomers };
  }

  /**
   * The checks on each data set: the facts hold of the true counts; exact figures give the hidden counts away; the
   * published ones give none, from their shape alone or with their values; nor the category of the next day's newcomer.
   */
  function attackedBy(data: () => Attacked, exactly: (findings: Finding[]) => void = () => undefined): void {
    it('reads figures that all hold of the true counts: none off by more than D, none published under k, hidden ones 0 to k − 1 + D', () => {
      const a = data();
      expect(brokenFacts(a.model.system().facts, a.truth)).toEqual([]);
      expect(a.model.hiddenTargets(a.truth).length).toBeGreaterThan(20);
    });

    it('gives back the hidden counts from the same figures published exactly, as before the cell-key method (the attacker works)', () => {
      const a = data();
      const findings = attack(a.model.system(a.truth), a.targets);
      expect(findings.filter((x) => x.determined !== x.truth).map(show)).toEqual([]);
      expect(findings.length).toBeGreaterThan(a.targets.length / 2);
      // The person who answered the day after the cut-off: in which category of every dimension.
      expect(a.newcomers.filter((x) => !findings.some((y) => y.label === x.label)).map((x) => x.label)).toEqual([]);
      exactly(findings);
    });

    it('cannot pin any hidden count from which cells are hidden, shown or empty alone, whatever the perturbation', () => {
      // What no record key changes: a hidden figure is 0 to k − 1 + D (a hidden total too), a missing cell 0, a shown one k − D or more.
      const a = data();
      expect(attack(a.model.system('shape'), a.targets).map(show)).toEqual([]);
    });

    it('cannot pin any hidden count, nor how many of a category answered the day after a cut-off, from the published figures', () => {
      const a = data();
      expect(attack(a.model.system(), a.targets).map(show)).toEqual([]);
    });

    it('cannot tell in which category the person who answered the day after a cut-off is', () => {
      // In every dimension, more than one category may hold that day's newcomer as far as the figures tell.
      const a = data();
      const ranges = rangesOf(
        a.model.system(),
        a.model.dayTargets(a.next, a.truth).filter((x) => x.dimension !== TOTAL),
      );
      const possible = new Map<string, string[]>();
      for (const { target } of ranges.filter((r) => r.max >= 1))
        possible.set(target.dimension, [...(possible.get(target.dimension) ?? []), target.categories[0]]);
      const singledOut = [...new Set(ranges.map((r) => r.target.dimension))].filter((d) => (possible.get(d) ?? []).length < 2);
      expect(singledOut.map((d) => `${d}: only ${possible.get(d)?.join(', ') ?? 'nothing'} on ${a.next}`)).toEqual([]);
    });
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

  describe('on the demo: the Welcome Day respondents by gender, age group and immigration', () => {
    let a: Attacked;

    beforeAll(async () => {
      const [{ id: planId }] = await t.db.query<{ id: string }[]>(`SELECT id FROM plans WHERE title LIKE '%Parc-Extension%'`);
      const [{ id: questionnaireId }] = await t.db.query<{ id: string }[]>(
        `SELECT id FROM questionnaires WHERE slug = 'bienvenue-parc-ex'`,
      );
      const named = async (prefix: string) =>
        (await t.db.query<{ id: string }[]>('SELECT id FROM indicators WHERE plan_id = $1 AND name LIKE $2', [planId, `${prefix}%`]))[0].id;
      // « Nombre de répondants » by gender (not by language, where a respondent is in each of their languages); the
      // share's and the mean's n count the same respondents (everyone answers their required questions) by age group
      // and immigration too.
      const measured: Measured[] = [
        { id: await named('Nombre de répondants'), label: 'respondents', total: EVERYONE, dimensions: ['gender'] },
        {
          id: await named('Part des nouveaux résidents'),
          label: 'knows the Table (n)',
          total: EVERYONE,
          dimensions: ['gender', 'age_group', 'immigration'],
        },
        { id: await named('Satisfaction moyenne'), label: 'satisfaction (n)', total: EVERYONE, dimensions: ['gender'] },
      ];
      await t.app.get(AggregationService).recomputeMany(measured.map((m) => m.id));
      // A cut-off in the weeks after the 2022 Welcome Day whose next day has one respondent.
      const [{ day }] = await t.db.query<{ day: string }[]>(
        `SELECT day FROM (SELECT to_char((r.answered_at AT TIME ZONE p.time_zone)::date, 'YYYY-MM-DD') AS day, count(*) AS n
                            FROM responses r JOIN questionnaires q ON q.id = r.questionnaire_id JOIN plans p ON p.id = q.plan_id
                           WHERE q.id = $1 GROUP BY 1) d
          WHERE day > '2022-08-21' AND n = 1 ORDER BY day LIMIT 1`,
        [questionnaireId],
      );
      const questions = {
        gender: WELCOME_QUESTION_IDS.gender,
        age_group: WELCOME_QUESTION_IDS.age_group,
        immigration: WELCOME_QUESTION_IDS.immigration,
      };
      a = await readEverything(planId, measured, questionnaireId, questions, addDays(day, -1));
    });

    attackedBy(
      () => a,
      (findings) => {
        // The example: the women of Q4 2022 are the year's women less those of Q3.
        expect(findings.map((x) => [x.dimension, x.categories, x.from, x.to])).toContainEqual([
          'gender',
          ['woman'],
          '2022-10-01',
          '2022-12-31',
        ]);
      },
    );
  });

  describe('on generated data: 154 respondents over 18 months, most cells of 1 to 4, and definitions that select categories', () => {
    const Q = { knows: randomUUID(), gender: randomUUID(), age: randomUUID() };
    const QUESTIONS: Question[] = [
      { id: Q.knows, type: 'yes_no', required: true, label: { fr: 'Connaissez-vous la Table ?' } },
      {
        id: Q.gender,
        type: 'single_choice',
        required: false,
        allowPreferNot: true,
        dimension: 'gender',
        label: { fr: 'Genre' },
        choices: ADS_CATEGORIES.gender,
      },
      {
        id: Q.age,
        type: 'single_choice',
        required: false,
        allowPreferNot: true,
        dimension: 'age_group',
        label: { fr: 'Âge' },
        choices: ADS_CATEGORIES.age_group.filter((c) => ['18_24', '25_34', '35_44', '65_plus'].includes(c.code)),
      },
    ];
    let a: Attacked;

    beforeAll(async () => {
      // A plan of its own, its questionnaire, and 150 responses on days drawn at random, each with a record key derived
      // from its number: the same figures on every run.
      const admin = bearer(t.tokens.admin);
      const post = async (path: string, body: object) =>
        ((await t.http().post(path).set(admin).send(body).expect(201)).body as { id: string }).id;
      const planId = await post('/api/plans', { title: uniqueText('Plan'), startDate: '2024-01-01', endDate: '2025-06-30' });
      f.track(`/api/plans/${planId}`);
      const orientationId = await post('/api/orientations', { planId, number: 1, title: 'Orientation' });
      const objectiveId = await post('/api/objectives', { orientationId, code: '1.1', title: 'Objectif' });
      const em = t.db.manager;
      const instrument = await em.save(em.create(Instrument, { planId, kind: 'questionnaire', name: 'Questionnaire' }));
      const content = { title: { fr: 'Q' }, description: {}, defaultLanguage: 'fr', languages: ['fr'], questions: QUESTIONS };
      const q = await em.save(
        em.create(Questionnaire, {
          ...content,
          planId,
          instrumentId: instrument.id,
          slug: `attack-${randomUUID()}`,
          status: 'published',
          currentVersion: 1,
        }),
      );
      await em.save(em.create(QuestionnaireVersion, { ...content, questionnaireId: q.id, version: 1 }));
      const random = seededRandom(13);
      const drawn = Array.from({ length: 150 }, () => ({
        day: addDays('2024-01-01', Math.floor(random() * 547)),
        gender: null as string | null,
      }));
      // And a category rare enough to be hidden in every table: four people over the plan, in four months.
      const rare = ['2024-02-14', '2024-06-03', '2024-10-21', '2025-03-10'].map((day) => ({
        day,
        gender: 'self_described' as string | null,
      }));
      const people = [...drawn, ...rare];
      await insertResponses(
        em,
        people.map(({ day, gender }, n) => {
          const answers: Record<string, AnswerValue> = {
            [Q.knows]: random() < 0.5,
            [Q.gender]:
              gender ??
              pickWeighted<string | null>(random, [
                ['woman', 45],
                ['man', 35],
                ['non_binary', 10],
                [null, 10],
              ]),
            [Q.age]: pickWeighted<string | null>(random, [
              ['18_24', 25],
              ['25_34', 30],
              ['35_44', 25],
              ['65_plus', 15],
              [null, 5],
            ]),
          };
          return {
            questionnaireId: q.id,
            version: 1,
            language: 'fr',
            answeredAt: new Date(`${day}T15:00:00Z`),
            receivedAt: new Date(`${day}T15:00:00Z`),
            idempotencyKey: randomUUID(),
            answers,
            codes: encodeAnswers(QUESTIONS, answers),
            recordKey: recordKey('disclosure-attack', `response-${n}`) | 0,
          };
        }),
      );
      // An evaluator's definitions (by gender only: with a second dimension the attacker's integer programs outgrow a test
      // run; the demo above has three): everyone by gender; the non-binary respondents alone (its totals are the
      // gender breakdown's non-binary cells); women and men together; a share whose n counts everyone again.
      const define = async (body: object) =>
        (
          (
            await t
              .http()
              .post('/api/indicators')
              .set(bearer(t.tokens.evaluator))
              .send({ objectiveId, status: 'active', ...body })
              .expect(201)
          ).body as { id: string }
        ).id;
      const source = { questionnaireId: q.id };
      const measured: Measured[] = [
        {
          id: await define({ name: 'Répondants', kind: 'response_count', grain: 'quarter', dimensions: ['gender'], source }),
          label: 'respondents',
          total: EVERYONE,
          dimensions: ['gender'],
        },
        {
          id: await define({
            name: 'Répondants non binaires',
            kind: 'response_count',
            source: { ...source, questionId: Q.gender, anyOf: ['non_binary'] },
          }),
          label: 'non-binary respondents',
          total: { dimension: 'gender', categories: ['non_binary'] },
          dimensions: [],
        },
        {
          id: await define({
            name: 'Femmes et hommes',
            kind: 'response_count',
            grain: 'month',
            source: { ...source, questionId: Q.gender, anyOf: ['woman', 'man'] },
          }),
          label: 'women and men',
          total: { dimension: 'gender', categories: ['man', 'woman'] },
          dimensions: [],
        },
        {
          id: await define({
            name: 'Connaissent la Table',
            kind: 'answer_share',
            grain: 'year',
            dimensions: ['gender'],
            source: { ...source, questionId: Q.knows, anyOf: [true] },
          }),
          label: 'knows the Table (n)',
          total: EVERYONE,
          dimensions: ['gender'],
        },
      ];
      await t.app.get(AggregationService).recomputeMany(measured.map((m) => m.id));
      // A cut-off in a month whose next day, not the first of a month, has one respondent.
      const days = people.map((p) => p.day);
      const next = [...new Set(days)]
        .sort()
        .find((d) => d >= '2024-09-05' && !d.endsWith('-01') && days.filter((x) => x === d).length === 1)!;
      a = await readEverything(planId, measured, q.id, { gender: Q.gender }, addDays(next, -1));
    });

    attackedBy(() => a);
  });
});
