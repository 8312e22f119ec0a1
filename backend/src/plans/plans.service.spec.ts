import { midpoint } from './plans.service';

describe(midpoint.name, () => {
  it('puts the mid-term halfway through the plan', () => {
    expect(midpoint('2021-01-01', '2022-12-31')).toBe('2021-12-31');
    expect(midpoint('2021-06-28', '2023-12-31')).toBe('2022-09-29');
  });

  it('is the start itself for a one-day plan', () => {
    expect(midpoint('2024-03-01', '2024-03-01')).toBe('2024-03-01');
  });
});
