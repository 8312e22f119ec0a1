import { BREAKDOWN_CATEGORIES, breakdownErrors, countHash } from './breakdown';

const cell = (dimension: string, category: string, count: number) => ({ dimension, category, count });

describe(breakdownErrors.name, () => {
  it('accepts parts that add up to the total, or less, in each dimension', () => {
    expect(
      breakdownErrors(10, [
        cell('gender', 'woman', 6),
        cell('gender', 'man', 4),
        cell('age_group', '25_34', 3),
        cell('disability', 'no', 10),
      ]),
    ).toEqual([]);
  });

  it('refuses the parts of a dimension over the total, naming the dimension', () => {
    expect(breakdownErrors(10, [cell('gender', 'woman', 6), cell('gender', 'man', 5), cell('age_group', '25_34', 10)])).toEqual([
      { field: 'breakdown.gender', message: 'the parts (11) exceed the total (10)' },
    ]);
  });

  it('refuses a cell given twice', () => {
    expect(breakdownErrors(10, [cell('gender', 'woman', 1), cell('gender', 'woman', 1)])).toEqual([
      { field: 'breakdown.1', message: 'gender / woman is given twice' },
    ]);
  });

  it('refuses a category its dimension does not have', () => {
    expect(breakdownErrors(10, [cell('immigration', 'woman', 1)])).toEqual([expect.objectContaining({ field: 'breakdown.0.category' })]);
  });

  it('takes the categories from the ADS+ block', () => {
    expect(BREAKDOWN_CATEGORIES.gender).toEqual(['woman', 'man', 'non_binary', 'self_described']);
    expect(BREAKDOWN_CATEGORIES.disability).toEqual(['yes', 'no']);
  });
});

describe(countHash.name, () => {
  const base = {
    instrumentId: 'A0',
    activity: 'Fête',
    date: '2024-08-17',
    total: 10,
    breakdown: [cell('gender', 'woman', 6), cell('gender', 'man', 4)],
  };

  it('does not depend on the order of the breakdown or the case of the id', () => {
    expect(countHash({ ...base, instrumentId: 'a0', breakdown: [...base.breakdown].reverse() })).toBe(countHash(base));
  });

  it('changes with any value', () => {
    expect(countHash({ ...base, total: 11 })).not.toBe(countHash(base));
    expect(countHash({ ...base, breakdown: [cell('gender', 'woman', 5), cell('gender', 'man', 4)] })).not.toBe(countHash(base));
  });
});
