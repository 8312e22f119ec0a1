/** How an indicator's value is computed from its instruments' data (DOMAIN.md, « Indicators »). */
export const INDICATOR_KINDS = [
  'response_count',
  'participation_sum',
  'answer_share',
  'scale_mean',
  'ratio',
  'manual',
  'work_steps_done',
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_STATUSES = ['draft', 'active'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const GRAINS = ['month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

/** ADS+ disaggregation dimensions. */
export const DIMENSIONS = ['gender', 'age_group', 'immigration', 'language', 'disability'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * Kinds whose current value is what has accumulated since the plan's start (README « Status rule »); shares, means
 * and ratios are the latest period's value. The progress endpoint, evaluations' snapshots, reports and the web app
 * read it. A record, not a list: a new kind fails the build until it says (the backend's other per-kind rules:
 * backend/src/aggregation/kind-rules.ts).
 */
const CUMULATIVE: Record<IndicatorKind, boolean> = {
  response_count: true,
  participation_sum: true,
  manual: true,
  // The share done by the end of the latest period: steps done so far over all of the cell's steps.
  work_steps_done: true,
  answer_share: false,
  scale_mean: false,
  ratio: false,
};
export const CUMULATIVE_KINDS: readonly IndicatorKind[] = INDICATOR_KINDS.filter((kind) => CUMULATIVE[kind]);

export function isCumulative(kind: IndicatorKind): boolean {
  return CUMULATIVE_KINDS.includes(kind);
}

/** What a ratio's numerator or denominator counts. */
export const RATIO_PART_KINDS = ['response_count', 'participation_sum', 'constant'] as const;
export type RatioPartKind = (typeof RATIO_PART_KINDS)[number];

/** A code an indicator counts: a choice's code, yes/no, a scale point or a number. */
export type AnswerCode = string | boolean | number;

/**
 * Where an indicator's value comes from, by kind (DOMAIN.md « Indicators »):
 * - response_count: responses to `questionnaireId` (optionally only those whose `questionId` answer is in `anyOf`);
 * - answer_share: % of those who answered `questionId` whose answer is in `anyOf` (« les résidents connaissent la Table »);
 * - scale_mean: mean of the scale `questionId`;
 * - participation_sum: sum of participation counts of `instrumentIds`;
 * - ratio: `numerator` / `denominator`, each a response count, a participation sum or a constant, × 100;
 * - manual: values entered with evidence;
 * - work_steps_done: % of the steps of work cell `workCellId` (of `phase` only, if given) done by the end of each period.
 */
export interface RatioPart {
  kind: RatioPartKind;
  questionnaireId?: string;
  instrumentIds?: string[];
  value?: number;
}

export interface IndicatorSource {
  questionnaireId?: string;
  questionId?: string;
  anyOf?: AnswerCode[];
  instrumentIds?: string[];
  numerator?: RatioPart;
  denominator?: RatioPart;
  workCellId?: string;
  phase?: string;
}

/** « Suivis »: the follow-up means that feed indicators. */
export const INSTRUMENT_KINDS = ['questionnaire', 'participation_count', 'tally', 'document'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
