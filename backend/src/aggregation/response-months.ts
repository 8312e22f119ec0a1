import { EntityManager } from 'typeorm';
import type { Indicator } from '@backend/indicators/indicator.entity';
import { addKeys } from '@backend/disclosure/cell-key';
import { CellSums, MonthCell, TOTAL } from './cells';
import { answerRows } from './answer-rows';
import { type Contribution, responseMeasure } from './kind-rules';
import type { DimensionQuestion, Scope } from './source-queries';

/** What one questionnaire-based indicator reads: its kind, its measured question and answers, its breakdowns. */
export interface ResponseSpec {
  kind: Indicator['kind'];
  source: { questionId?: string; anyOf?: unknown[] };
  dims: DimensionQuestion[];
}

/**
 * Measured questions per scan. Indicators of one questionnaire share a scan (a recompute of all of them reads the
 * rows once), but each measured question multiplies the groups by its distinct answers: past two, another scan.
 */
const MEASURED_PER_SCAN = 2;

/** An answer as selected (`(answers->q)::text`): SQL NULL when the key is absent, 'null' for « prefer not ». */
const parsed = (text: string | null): unknown => (text === null ? undefined : JSON.parse(text));

const measured = (spec: ResponseSpec) => responseMeasure(spec.kind).measured(spec.source);

/** Sums per month × dimension × category, as one spec's cells. */
class CellSumsOf {
  private readonly sums = new Map<string, MonthCell>();
  private readonly weigh: Contribution;
  private readonly measured: boolean;

  constructor(spec: ResponseSpec) {
    const measure = responseMeasure(spec.kind);
    this.weigh = measure.contribution(spec.source);
    this.measured = measure.measured(spec.source);
  }

  /** What `count` responses with this answer to the measured question, whose keys sum to `key`, add (null: nothing): kind-rules.ts. */
  contribution(answer: string | null, count: number, key: number): CellSums | null {
    return this.weigh(this.measured ? parsed(answer) : undefined, count, key);
  }

  add(month: string, dimension: string, category: string, c: CellSums) {
    const id = `${month}|${dimension}|${category}`;
    const cell = this.sums.get(id);
    if (cell) {
      cell.num += c.num;
      cell.den += c.den;
      cell.n += c.n;
      cell.numKey = addKeys(cell.numKey ?? 0, c.numKey ?? 0);
      cell.denKey = addKeys(cell.denKey ?? 0, c.denKey ?? 0);
    } else {
      this.sums.set(id, { month, dimension, category, ...c });
    }
  }

  cells(): MonthCell[] {
    return [...this.sums.values()];
  }
}

/** Specs in groups that share a scan: at most MEASURED_PER_SCAN measured questions each. */
function scans(specs: ResponseSpec[]): ResponseSpec[][] {
  const groups: { questions: Set<string>; specs: ResponseSpec[] }[] = [];
  for (const spec of specs) {
    const question = measured(spec) ? (spec.source.questionId ?? '') : null;
    const group = groups.find((g) => question === null || g.questions.has(question) || g.questions.size < MEASURED_PER_SCAN);
    if (group) {
      if (question !== null) group.questions.add(question);
      group.specs.push(spec);
    } else {
      groups.push({ questions: new Set(question === null ? [] : [question]), specs: [spec] });
    }
  }
  return groups.map((g) => g.specs);
}

/**
 * Month cells of questionnaire-based indicators, one list per spec. One scan and one hash aggregate count the
 * responses per month × answer to each measured question × answer to every single-choice ADS+ question (a few
 * thousand groups, from the answers' codes: answer-rows.ts); the total, each breakdown and each kind's sums are
 * taken from those counts here. Computing the measures in SQL, or GROUPING SETS (a sort per set), cost about twice
 * as much (bench:aggregate). A multiple-choice breakdown (languages) takes a scan of its own, a respondent in each
 * of their categories.
 */
export async function responseMonths(
  em: EntityManager,
  questionnaireId: string,
  specs: ResponseSpec[],
  scope: Scope,
): Promise<MonthCell[][]> {
  const sums = new Map(specs.map((spec) => [spec, new CellSumsOf(spec)]));
  for (const group of scans(specs)) {
    await singleChoiceScan(em, questionnaireId, group, scope, sums);
    const multiple = new Map(
      group
        .flatMap((s) => s.dims)
        .filter((d) => d.multiple)
        .map((d) => [d.questionId, d]),
    );
    for (const dim of multiple.values()) {
      await multipleChoiceScan(
        em,
        questionnaireId,
        group.filter((s) => s.dims.some((d) => d.questionId === dim.questionId)),
        dim,
        scope,
        sums,
      );
    }
  }
  return specs.map((spec) => sums.get(spec)!.cells());
}

/** The measured questions of a group, and which of them a spec reads (its index in the list, or null). */
function measuredQuestions(group: ResponseSpec[]) {
  const questions = [...new Set(group.filter(measured).map((s) => s.source.questionId ?? ''))];
  return { questions, of: (spec: ResponseSpec) => (measured(spec) ? questions.indexOf(spec.source.questionId ?? '') : null) };
}

/** A breakdown's category for an answer: its code (yes/no: true, false), or what stands for no answer. */
function category(answer: string | null): string {
  const value = parsed(answer);
  return value === undefined ? 'not_answered' : value === null ? 'prefer_not' : String(value);
}

async function singleChoiceScan(
  em: EntityManager,
  questionnaireId: string,
  group: ResponseSpec[],
  scope: Scope,
  sums: Map<ResponseSpec, CellSumsOf>,
) {
  const measuredOnes = measuredQuestions(group);
  const dims = [
    ...new Map(
      group
        .flatMap((s) => s.dims)
        .filter((d) => !d.multiple)
        .map((d) => [d.questionId, d]),
    ).values(),
  ];
  const rows = await answerRows(em, questionnaireId, [...measuredOnes.questions, ...dims.map((d) => d.questionId)], scope);
  const first = measuredOnes.questions.length;
  for (const spec of group) {
    const cells = sums.get(spec)!;
    const column = measuredOnes.of(spec);
    const own = spec.dims
      .filter((d) => !d.multiple)
      .map((d) => [d.dimension, first + dims.findIndex((x) => x.questionId === d.questionId)] as const);
    for (const row of rows) {
      const c = cells.contribution(column === null ? null : row.answers[column], row.rows, row.key);
      if (!c) continue;
      cells.add(row.month, TOTAL, TOTAL, c);
      for (const [dimension, i] of own) cells.add(row.month, dimension, category(row.answers[i]), c);
    }
  }
}

async function multipleChoiceScan(
  em: EntityManager,
  questionnaireId: string,
  group: ResponseSpec[],
  dim: DimensionQuestion,
  scope: Scope,
  sums: Map<ResponseSpec, CellSumsOf>,
) {
  const measuredOnes = measuredQuestions(group);
  const rows = await answerRows(em, questionnaireId, [...measuredOnes.questions, dim.questionId], scope);
  for (const row of rows) {
    // A respondent in each of their categories.
    const answer = parsed(row.answers[measuredOnes.questions.length]);
    const categories =
      answer === undefined
        ? ['not_answered']
        : !Array.isArray(answer)
          ? ['prefer_not']
          : answer.length === 0
            ? ['none']
            : [...new Set(answer.map(String))];
    for (const spec of group) {
      const column = measuredOnes.of(spec);
      const c = sums.get(spec)!.contribution(column === null ? null : row.answers[column], row.rows, row.key);
      if (!c) continue;
      for (const cat of categories) sums.get(spec)!.add(row.month, dim.dimension, cat, c);
    }
  }
}
