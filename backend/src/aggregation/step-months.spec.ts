import { disclosureTable } from '@backend/disclosure/disclosure';
import { protectCells } from '@backend/disclosure/protect-cells';
import { rollUp } from './rollup';
import { stepMonths } from './source-queries';

/** A work cell's progress (work_steps_done): month cells from the days steps were done, rolled up and published. */
describe(stepMonths.name, () => {
  const scope = { from: '2021-02-10', until: '2023-12-31' };

  it('counts each month the steps done in it over all the steps, the first month with those done before', () => {
    const months = stepMonths(['2020-05-01', '2021-02-20', '2021-05-03', '2021-05-30', null, '2024-01-15'], 8, scope);
    expect(months.map((m) => [m.month, m.num, m.den, m.n])).toEqual([
      ['2021-02-01', 2, 8, 8],
      ['2021-05-01', 2, 8, 8],
    ]);
    expect(months.every((m) => m.numKey === null && m.denKey === null)).toBe(true);
  });

  it('reads 0 % from the first month when nothing is done yet, and nothing for a cell without steps', () => {
    expect(stepMonths([null, null], 2, scope).map((m) => [m.month, m.num, m.den])).toEqual([['2021-02-01', 0, 2]]);
    expect(stepMonths([], 0, scope)).toEqual([]);
  });

  describe('rolled up', () => {
    // 10 steps: 2 done before the data period, 1 in March 2021, 3 in May 2021, 1 in February 2022; 3 not done.
    const doneOn = ['2020-11-01', '2020-12-01', '2021-03-15', '2021-05-01', '2021-05-02', '2021-05-31', '2022-02-01', null, null, null];
    const cells = protectCells(
      'work_steps_done',
      rollUp('work_steps_done', stepMonths(doneOn, 10, scope), scope.from),
      disclosureTable({ k: 5, maxDeviation: 2 }),
    );
    const at = (grain: string) => cells.filter((c) => c.grain === grain && c.dimension === '');

    it('gives the share done by the end of each period as the running value, at every grain', () => {
      expect(at('quarter').map((c) => [c.periodStart, c.cumulativeValue])).toEqual([
        ['2021-01-01', 30],
        ['2021-04-01', 60],
        ['2022-01-01', 70],
      ]);
      expect(at('year').map((c) => [c.periodStart, c.cumulativeValue])).toEqual([
        ['2021-01-01', 60],
        ['2022-01-01', 70],
      ]);
      expect(at('month').map((c) => c.cumulativeValue)).toEqual([20, 30, 60, 70]);
    });

    it("gives a period's own value as the share of all the steps done during it, over the cell's steps (not summed)", () => {
      expect(at('quarter').map((c) => [c.value, c.n, c.cumulativeN])).toEqual([
        [30, 10, 10],
        [30, 10, 10],
        [10, 10, 10],
      ]);
    });

    it('publishes the figures as computed: steps are not people, there is no one to protect', () => {
      for (const c of cells) {
        expect([c.publishedValue, c.publishedCumulativeValue, c.suppressed]).toEqual([c.value, c.cumulativeValue, false]);
      }
    });
  });
});
