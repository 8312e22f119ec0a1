import { INDICATOR_KINDS, type IndicatorKind } from '@backend/indicators/indicator-kind';
import {
  publishAsEntered,
  publishCount,
  publishMean,
  publishRatio,
  publishShare,
  type Publisher,
} from '@backend/disclosure/publish-figures';
import type { CellSums } from './cells';

/**
 * Everything that differs from one kind of indicator to another, in one table: what it reads, what one response adds
 * to its sums, what the sums mean, how it is published and which categories stand for no answer. The aggregation, the
 * roll-up and the disclosure layer read it instead of switching over kinds: a new kind in @repere/contract's
 * INDICATOR_KINDS fails the build here until each of these is given. Whether a kind's current value is cumulative is
 * the contract's (CUMULATIVE_KINDS, a record of every kind too): the web app reads it.
 */

/** The part of an indicator's source that a questionnaire-based one measures. */
export interface MeasuredSource {
  questionId?: string;
  anyOf?: readonly unknown[];
}

/**
 * What `count` responses with one answer to the measured question (`undefined`: not answered, `null`: « prefer not »),
 * whose record keys sum to `key`, add to a cell; null when a filtered count leaves them out.
 */
export type Contribution = (answer: unknown, count: number, key: number) => CellSums | null;

export interface ResponseMeasure {
  /** Whether it reads an answer at all (a response count of every response does not). */
  measured(source: MeasuredSource): boolean;
  contribution(source: MeasuredSource): Contribution;
}

interface Common {
  /** What the period's (or running) sums mean: the true value. */
  value(num: number, den: number): number | null;
  /** The figure as published (disclosure/protect-cells.ts). */
  publish: Publisher;
  /** The categories of a breakdown that stand for « no answer »: shown in every period, like the ADS+ ones. */
  unanswered: readonly string[];
  /**
   * Whether `den` and `n` are a stock every month restates (a work cell's steps) rather than a flow to add up: a period
   * and a running total then keep the largest, and only `num` adds up (rollup.ts).
   */
  stock?: boolean;
}

/**
 * Where the month cells come from: a questionnaire's responses (shared scans), participation counts, entered values,
 * two sides, a work cell's steps.
 */
export type KindRules = Common &
  ({ reads: 'responses'; measure: ResponseMeasure } | { reads: 'participation' | 'manual' | 'ratio' | 'steps' });

const answered = (a: unknown) => a !== undefined && a !== null;

/** Whether an answer is one of `anyOf`, as the questionnaire stores it: one value, or an array of codes (multiple choice). */
function inSet(source: MeasuredSource): (a: unknown) => boolean {
  const anyOf = source.anyOf ?? [];
  const strings = new Set(anyOf.map(String));
  return (a) => answered(a) && (Array.isArray(a) ? a.some((x) => strings.has(String(x))) : anyOf.some((v) => v === a));
}

const NOT_ANSWERED = ['prefer_not', 'not_answered'] as const;
const percent = (num: number, den: number) => (den > 0 ? (100 * num) / den : null);
const asIs = (num: number) => num;

export const KIND_RULES: Record<IndicatorKind, KindRules> = {
  response_count: {
    reads: 'responses',
    measure: {
      // A response count, of all responses or of those whose answer is in the set; n and both keys: every response counted.
      measured: (source) => !!source.questionId,
      contribution: (source) => {
        const counts = source.questionId ? inSet(source) : () => true;
        return (a, count, key) => (counts(a) ? { num: count, den: count, n: count, numKey: key, denKey: key } : null);
      },
    },
    value: asIs,
    publish: publishCount,
    unanswered: NOT_ANSWERED,
  },
  answer_share: {
    reads: 'responses',
    measure: {
      measured: () => true,
      // n: those who answered; the keys: of those who gave the answer (num) and of those who answered (den).
      contribution: (source) => {
        const gave = inSet(source);
        return (a, count, key) => {
          const den = answered(a) ? count : 0;
          const num = gave(a) ? count : 0;
          return { num, den, n: den, numKey: num > 0 ? key : 0, denKey: den > 0 ? key : 0 };
        };
      },
    },
    value: percent,
    publish: publishShare,
    unanswered: NOT_ANSWERED,
  },
  scale_mean: {
    reads: 'responses',
    measure: {
      measured: () => true,
      // Only numbers count (a « prefer not » or no answer adds nothing); n and keys: those who answered.
      contribution: () => (a, count, key) =>
        typeof a === 'number'
          ? { num: a * count, den: count, n: count, numKey: key, denKey: key }
          : { num: 0, den: 0, n: 0, numKey: 0, denKey: 0 },
    },
    value: (num, den) => (den > 0 ? num / den : null),
    publish: publishMean,
    unanswered: NOT_ANSWERED,
  },
  participation_sum: {
    reads: 'participation',
    value: asIs,
    publish: publishCount,
    unanswered: ['not_recorded'],
  },
  ratio: {
    reads: 'ratio',
    value: percent,
    publish: publishRatio,
    unanswered: NOT_ANSWERED,
  },
  manual: {
    reads: 'manual',
    value: asIs,
    publish: publishAsEntered,
    unanswered: NOT_ANSWERED,
  },
  // Each month: the steps done in it (num) over all of the cell's steps (den, n: a stock), so a running total is the
  // share done by the end of a period and a period's value the share done during it (source-queries.ts stepMonths).
  // Published as computed: a step is a task of the partners' work, not a person, and whether one is done is no one's
  // answer, so no count of people is behind it to protect (the disclosure layer's per-kind switch, this table, says
  // so; the figures still take the same publish path as every other kind).
  work_steps_done: {
    reads: 'steps',
    value: percent,
    publish: publishAsEntered,
    unanswered: [],
    stock: true,
  },
};

/** The kinds computed from a questionnaire's responses. */
export const RESPONSE_KINDS: IndicatorKind[] = INDICATOR_KINDS.filter((k) => KIND_RULES[k].reads === 'responses');

/** What one response adds, for a kind computed from responses (an error for any other: a caller's mistake). */
export function responseMeasure(kind: IndicatorKind): ResponseMeasure {
  const rules = KIND_RULES[kind];
  if (rules.reads !== 'responses') throw new Error(`indicators of kind ${kind} are not computed from responses`);
  return rules.measure;
}
