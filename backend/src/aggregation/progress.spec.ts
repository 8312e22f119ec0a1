import { expectedAt, statusOf, Targets } from './progress';

const targets: Targets = {
  direction: 'up',
  baselineValue: 0,
  baselineDate: '2021-01-01',
  midtermTarget: 50,
  midtermDate: '2022-01-01',
  finalTarget: 100,
  endDate: '2023-01-01',
};

describe(expectedAt.name, () => {
  it('follows the straight lines baseline → mid-term → final', () => {
    expect(expectedAt(targets, '2021-01-01')).toBe(0);
    expect(expectedAt(targets, '2022-01-01')).toBe(50);
    expect(expectedAt(targets, '2022-07-02')).toBeCloseTo(75, 0);
    expect(expectedAt(targets, '2024-01-01')).toBe(100);
  });
});

describe(statusOf.name, () => {
  it.each([
    [null, 'no_data'],
    [100, 'achieved'],
    [120, 'achieved'],
    [45, 'on_track'], // expected 50 at mid-term: 5 below is 5 % of the planned change
    [35, 'at_risk'], // 15 %
    [20, 'off_track'], // 30 %
  ] as const)('at mid-term, a value of %s is %s', (value, status) => {
    expect(statusOf(targets, value, '2022-01-01')).toBe(status);
  });

  it('reads a falling indicator the other way round', () => {
    const down: Targets = { ...targets, direction: 'down', baselineValue: 100, midtermTarget: 60, finalTarget: 20 };
    expect(statusOf(down, 15, '2022-01-01')).toBe('achieved');
    expect(statusOf(down, 62, '2022-01-01')).toBe('on_track');
    expect(statusOf(down, 90, '2022-01-01')).toBe('off_track');
  });

  it('has no status without a final target', () => {
    expect(statusOf({ ...targets, finalTarget: null }, 10, '2022-01-01')).toBe('no_data');
  });
});

describe('statusOf from the end date on', () => {
  it.each([
    ['2023-01-01', 57.5, 'not_achieved'], // the end date itself: its figures are the final ones
    ['2024-06-30', 57.5, 'not_achieved'],
    ['2024-06-30', 100, 'achieved'],
    ['2024-06-30', null, 'no_data'],
    ['2022-12-31', 95, 'on_track'], // the day before, the plan still runs
  ] as const)('at %s, a value of %s is %s', (at, value, status) => {
    expect(statusOf(targets, value, at)).toBe(status);
  });
});
