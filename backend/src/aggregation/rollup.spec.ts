import { periodOf, rollUp } from './rollup';

describe(rollUp.name, () => {
  const months = [
    { month: '2022-01-01', dimension: '', category: '', num: 3, den: 4, n: 4, numKey: 10, denKey: 20 },
    { month: '2022-02-01', dimension: '', category: '', num: 1, den: 4, n: 4, numKey: 2 ** 32 - 1, denKey: 5 },
    { month: '2022-04-01', dimension: '', category: '', num: 2, den: 2, n: 2, numKey: 7, denKey: null },
  ];

  it('puts months in their quarter and year', () => {
    expect(periodOf('2022-02-01', 'quarter')).toBe('2022-01-01');
    expect(periodOf('2022-11-01', 'quarter')).toBe('2022-10-01');
    expect(periodOf('2022-11-01', 'year')).toBe('2022-01-01');
  });

  it('computes shares per period from the sums, never by averaging averages', () => {
    const quarters = rollUp('answer_share', months, '2022-01-01').filter((c) => c.grain === 'quarter');
    expect(quarters.map((c) => [c.periodStart, c.value, c.n])).toEqual([
      ['2022-01-01', 50, 8],
      ['2022-04-01', 100, 2],
    ]);
    expect(quarters[1].cumulativeValue).toBe(60); // 6 of 10
  });

  it('adds cell keys as their records add, modulo 2^32, so the same people give the same key at every grain', () => {
    const cells = rollUp('answer_share', months, '2022-01-01');
    const q1 = cells.find((c) => c.grain === 'quarter' && c.periodStart === '2022-01-01')!;
    expect(q1.sums).toMatchObject({ numKey: 9, denKey: 25 });
    const year = cells.find((c) => c.grain === 'year')!;
    expect(year.sums).toMatchObject({ numKey: 16, denKey: 25 });
    expect(year.cumulativeSums).toEqual(year.sums);
  });

  it('accumulates counts from the plan start on', () => {
    const years = rollUp(
      'response_count',
      months.map((m) => ({ ...m, num: m.n, den: m.n })),
      '2022-03-01',
    ).filter((c) => c.grain === 'month');
    expect(years.map((c) => c.cumulativeValue)).toEqual([0, 0, 2]);
  });
});
