import { ComputedCell } from './cells';
import { suppress } from './suppression';

const cell = (category: string, n: number, overrides: Partial<ComputedCell> = {}): ComputedCell => ({
  grain: 'year', periodStart: '2022-01-01', dimension: category === '' ? '' : 'gender', category,
  value: n, n, cumulativeValue: n, cumulativeN: n, suppressed: false, cumulativeSuppressed: false, ...overrides,
});

const hidden = (cells: ComputedCell[]) => cells.filter((c) => c.suppressed).map((c) => c.category).sort();

describe(suppress.name, () => {
  it('hides a category with fewer than k people', () => {
    const cells = suppress([cell('', 40), cell('woman', 20), cell('man', 12), cell('non_binary', 3), cell('prefer_not', 5)], 5);
    expect(hidden(cells)).toContain('non_binary');
  });

  it('hides a second cell when one alone could be recovered from the total', () => {
    const cells = suppress([cell('', 40), cell('woman', 20), cell('man', 12), cell('non_binary', 3), cell('prefer_not', 5)], 5);
    // 40 − 20 − 12 − 5 would give the 3 back: the smallest other cell goes too.
    expect(hidden(cells)).toEqual(['non_binary', 'prefer_not']);
    const total = cells.find((c) => c.category === '')!;
    const published = cells.filter((c) => c.dimension !== '' && !c.suppressed).reduce((s, c) => s + c.n, 0);
    expect(total.n - published).toBe(8);
  });

  it('adds nothing when several small cells already hide one another', () => {
    const cells = suppress([cell('', 30), cell('woman', 20), cell('man', 4), cell('non_binary', 2), cell('prefer_not', 4)], 5);
    expect(hidden(cells)).toEqual(['man', 'non_binary', 'prefer_not']);
  });

  it('never hides the total, nor empty categories, nor cells of k or more', () => {
    const cells = suppress([cell('', 25), cell('woman', 15), cell('man', 10), cell('non_binary', 0)], 5);
    expect(hidden(cells)).toEqual([]);
  });

  it('follows the k it is given', () => {
    expect(hidden(suppress([cell('', 30), cell('woman', 20), cell('man', 10)], 11))).toEqual(['man', 'woman']);
  });

  it('hides a cumulative cell that, with the previous one, would give a hidden period back', () => {
    const cells = suppress([
      cell('', 30, { periodStart: '2021-01-01' }), cell('woman', 15, { periodStart: '2021-01-01' }), cell('man', 15, { periodStart: '2021-01-01' }),
      cell('', 22, { periodStart: '2022-01-01', cumulativeN: 52 }), cell('woman', 19, { periodStart: '2022-01-01', cumulativeN: 34 }),
      cell('man', 3, { periodStart: '2022-01-01', cumulativeN: 18 }),
    ], 5);
    const man2022 = cells.find((c) => c.category === 'man' && c.periodStart === '2022-01-01')!;
    expect(man2022.suppressed).toBe(true);
    expect(man2022.cumulativeSuppressed).toBe(true);
  });

  it('hides the same cells whatever order they come in', () => {
    // Two cells tie as the smallest other one: the choice must not follow the input order.
    const make = () => [cell('', 33), cell('woman', 20), cell('man', 5), cell('non_binary', 3), cell('prefer_not', 5)].map((c) => ({ ...c }));
    const forward = hidden(suppress(make(), 4));
    const backward = hidden(suppress(make().reverse(), 4));
    expect(forward).toEqual(['man', 'non_binary']);
    expect(backward).toEqual(forward);
  });
});
