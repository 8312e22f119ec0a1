import { rollUp } from '@backend/aggregation/rollup';
import type { MonthCell } from '@backend/aggregation/cells';
import { recordKey } from './cell-key';
import { disclosureTable } from './disclosure';
import { protectCells, publish } from './protect-cells';

const TABLE = disclosureTable({ k: 5, maxDeviation: 2 });
const keyOf = (id: string) => recordKey('protect-cells tests', id);
const sumKeys = (ids: string[]) => ids.map(keyOf).reduce((a, b) => (a + b) % 2 ** 32, 0);
const people = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/** A month of `ids` respondents, counted. */
const month = (m: string, ids: string[], category = ''): MonthCell => ({
  month: m,
  dimension: category ? 'gender' : '',
  category,
  num: ids.length,
  den: ids.length,
  n: ids.length,
  numKey: sumKeys(ids),
  denKey: sumKeys(ids),
});

describe(protectCells.name, () => {
  it('hides small counts, totals as well as categories, and every category nobody is in, as a small one', () => {
    const cells = protectCells(
      'response_count',
      rollUp(
        'response_count',
        [month('2022-01-01', people(2, 'jan')), month('2022-01-01', people(2, 'jan'), 'woman')],
        '2022-01-01',
        new Map([['gender', ['woman', 'man', 'non_binary']]]),
      ),
      TABLE,
    );
    // Every category shows in every period that has data, empty or not: none appears the day its first person answers.
    expect(
      cells
        .filter((c) => c.grain === 'month' && c.dimension === 'gender')
        .map((c) => c.category)
        .sort(),
    ).toEqual(['man', 'non_binary', 'woman']);
    for (const c of cells) expect([c.suppressed, c.publishedValue, c.publishedN]).toEqual([true, null, null]);
    expect(publish('response_count', { num: 0, den: 0, n: 0, numKey: 0, denKey: 0 }, 0, 0, TABLE).hidden).toBe(true);
  });

  it('gives the same people the same published figure at every grain and in the running total', () => {
    // Arrange: all of a year's respondents answered in March
    const march = people(23, 'march');
    const cells = protectCells('response_count', rollUp('response_count', [month('2022-03-01', march)], '2022-01-01'), TABLE);
    // Assert
    const published = new Set(cells.flatMap((c) => [c.publishedValue, c.publishedCumulativeValue]));
    expect(published.size).toBe(1);
    expect(Math.abs([...published][0]! - 23)).toBeLessThanOrEqual(2);
  });

  it('perturbs by at most D, never below k, so that two tables a person apart differ by noise, not by the person', () => {
    const deviations = new Map<number, number>();
    for (let n = 7; n < 400; n += 1) {
      const ids = people(n, `p${n}`);
      const { value } = publish('response_count', { num: n, den: n, n, numKey: sumKeys(ids), denKey: sumKeys(ids) }, n, n, TABLE);
      expect(value).toBeGreaterThanOrEqual(5);
      expect(Math.abs(value! - n)).toBeLessThanOrEqual(2);
      deviations.set(value! - n, (deviations.get(value! - n) ?? 0) + 1);
    }
    // Every deviation occurs: a published figure one above the previous one does not mean one more person.
    expect([...deviations.keys()].sort()).toEqual([-1, -2, 0, 1, 2]);
  });

  it('derives shares from perturbed counts and hides them with their respondents', () => {
    const answered = people(40, 'a');
    const gave = answered.slice(0, 30);
    const share = publish('answer_share', { num: 30, den: 40, n: 40, numKey: sumKeys(gave), denKey: sumKeys(answered) }, 75, 40, TABLE);
    expect(Math.abs(share.n! - 40)).toBeLessThanOrEqual(2);
    expect(Math.abs((share.value! * share.n!) / 100 - 30)).toBeLessThanOrEqual(2.0001);
    expect(publish('answer_share', { num: 2, den: 3, n: 3, numKey: 1, denKey: 2 }, 66.7, 3, TABLE).hidden).toBe(true);
  });

  it('publishes a mean moved and rounded, never exact beside a perturbed n', () => {
    const ids = people(6, 'm');
    const mean = publish('scale_mean', { num: 23, den: 6, n: 6, numKey: sumKeys(ids), denKey: sumKeys(ids) }, 23 / 6, 6, TABLE);
    expect(Number.isInteger(mean.value! * 10)).toBe(true);
    expect(Math.abs(mean.value! - 23 / 6)).toBeLessThanOrEqual((23 / 6) * (2 / 12) + 0.05);
  });

  it('publishes manual values as entered, and a ratio over its constant without perturbing the constant', () => {
    expect(publish('manual', { num: 3, den: 1, n: 1, numKey: null, denKey: null }, 3, 1, TABLE)).toEqual({ value: 3, n: 1, hidden: false });
    const ratio = publish('ratio', { num: 50, den: 10, n: 50, numKey: sumKeys(people(50, 'r')), denKey: null }, 500, 50, TABLE);
    expect(ratio.value).toBe((100 * ratio.n!) / 10); // the perturbed participants over the constant 10
    expect(Math.abs(ratio.value! - 500)).toBeLessThanOrEqual(20);
  });
});
