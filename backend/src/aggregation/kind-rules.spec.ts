import { INDICATOR_KINDS } from '@repere/contract';
import { disclosureTable } from '@backend/disclosure/disclosure';
import { KIND_RULES, RESPONSE_KINDS, responseMeasure } from './kind-rules';

describe('KIND_RULES', () => {
  it('gives every kind of the contract its rules, and no other', () => {
    expect(Object.keys(KIND_RULES).sort()).toEqual([...INDICATOR_KINDS].sort());
  });

  it('computes response counts, shares and means from responses, the others from their own rows', () => {
    expect(RESPONSE_KINDS).toEqual(['response_count', 'answer_share', 'scale_mean']);
    expect(Object.fromEntries(INDICATOR_KINDS.map((k) => [k, KIND_RULES[k].reads]))).toEqual({
      response_count: 'responses',
      answer_share: 'responses',
      scale_mean: 'responses',
      participation_sum: 'participation',
      ratio: 'ratio',
      manual: 'manual',
      work_steps_done: 'steps',
    });
    expect(() => responseMeasure('participation_sum')).toThrow('not computed from responses');
  });

  it('reads the sums as a count, a percentage or a mean', () => {
    expect(INDICATOR_KINDS.map((k) => [k, KIND_RULES[k].value(3, 4), KIND_RULES[k].value(3, 0)])).toEqual([
      ['response_count', 3, 3],
      ['participation_sum', 3, 3],
      ['answer_share', 75, null],
      ['scale_mean', 0.75, null],
      ['ratio', 75, null],
      ['manual', 3, 3],
      ['work_steps_done', 75, null],
    ]);
  });

  it('shows « not recorded » in participation breakdowns, « prefer not » and « not answered » elsewhere', () => {
    expect(KIND_RULES.participation_sum.unanswered).toEqual(['not_recorded']);
    expect(KIND_RULES.answer_share.unanswered).toEqual(['prefer_not', 'not_answered']);
  });

  describe('what responses add', () => {
    const KEY = 42;

    it('counts every response, answered or not, when a count has no question', () => {
      const { measured, contribution } = responseMeasure('response_count');
      expect(measured({})).toBe(false);
      expect(contribution({})(undefined, 3, KEY)).toEqual({ num: 3, den: 3, n: 3, numKey: KEY, denKey: KEY });
    });

    it('counts only the answers in the set when a count has one, multiple choices by any of their codes', () => {
      const source = { questionId: 'q', anyOf: ['a', 'b'] };
      const add = responseMeasure('response_count').contribution(source);
      expect(responseMeasure('response_count').measured(source)).toBe(true);
      expect(add('a', 2, KEY)).toEqual({ num: 2, den: 2, n: 2, numKey: KEY, denKey: KEY });
      expect(add(['c', 'b'], 1, KEY)).toEqual({ num: 1, den: 1, n: 1, numKey: KEY, denKey: KEY });
      expect([add('c', 1, KEY), add(null, 1, KEY), add(undefined, 1, KEY), add([], 1, KEY)]).toEqual([null, null, null, null]);
    });

    it('shares: those who gave the answer over those who answered, « prefer not » in neither', () => {
      const add = responseMeasure('answer_share').contribution({ questionId: 'q', anyOf: [true] });
      expect(add(true, 2, KEY)).toEqual({ num: 2, den: 2, n: 2, numKey: KEY, denKey: KEY });
      expect(add(false, 3, KEY)).toEqual({ num: 0, den: 3, n: 3, numKey: 0, denKey: KEY });
      expect(add(null, 4, KEY)).toEqual({ num: 0, den: 0, n: 0, numKey: 0, denKey: 0 });
      expect(add(undefined, 4, KEY)).toEqual({ num: 0, den: 0, n: 0, numKey: 0, denKey: 0 });
    });

    it('means: the numbers only, weighted by how many gave them', () => {
      const add = responseMeasure('scale_mean').contribution({ questionId: 'q' });
      expect(add(4, 3, KEY)).toEqual({ num: 12, den: 3, n: 3, numKey: KEY, denKey: KEY });
      expect(add(null, 3, KEY)).toEqual({ num: 0, den: 0, n: 0, numKey: 0, denKey: 0 });
      expect(add('4', 3, KEY)).toEqual({ num: 0, den: 0, n: 0, numKey: 0, denKey: 0 });
    });
  });

  describe('how each kind is published', () => {
    const table = disclosureTable({ k: 5, maxDeviation: 2 });
    const sums = (num: number, den: number, numKey: number | null, denKey: number | null) => ({ num, den, n: den, numKey, denKey });

    it('publishes a manual value as entered, however small', () => {
      expect(KIND_RULES.manual.publish(sums(2, 1, null, null), 2, 1, table)).toEqual({ value: 2, n: 1, hidden: false });
    });

    it('hides counts of people under k, of responses and of participants alike', () => {
      for (const kind of ['response_count', 'participation_sum'] as const) {
        expect(KIND_RULES[kind].publish(sums(1, 1, 7, 7), 1, 1, table)).toEqual({ value: null, n: null, hidden: true });
        const shown = KIND_RULES[kind].publish(sums(100, 100, 7, 7), 100, 100, table);
        expect(shown.hidden).toBe(false);
        expect(Math.abs(shown.value! - 100)).toBeLessThanOrEqual(2);
        expect(shown.n).toBe(shown.value);
      }
    });

    it('hides a share or a mean when too few answered, and a ratio when either counted side is too small', () => {
      expect(KIND_RULES.answer_share.publish(sums(1, 2, 3, 4), 50, 2, table).hidden).toBe(true);
      expect(KIND_RULES.scale_mean.publish(sums(8, 2, 3, 3), 4, 2, table).hidden).toBe(true);
      expect(KIND_RULES.ratio.publish(sums(2, 100, 3, 4), 2, 2, table).hidden).toBe(true);
      // A constant denominator (no key) is published as it is.
      const perOccasion = KIND_RULES.ratio.publish(sums(100, 4, 9, null), 2500, 100, table);
      expect(perOccasion.hidden).toBe(false);
      expect(Math.abs(perOccasion.value! / 25 - 100)).toBeLessThanOrEqual(2);
    });
  });
});
