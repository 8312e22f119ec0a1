import { determinedCounts, feasibleRange, PublishedFact, UnknownCount } from './differencing-attack';

const K = 5;
const exact = (value: number, ...ids: string[]): PublishedFact => ({
  terms: ids.map((id) => ({ id, coefficient: 1 })),
  min: value,
  max: value,
});
const perturbed = (value: number, deviation: number, ...ids: string[]): PublishedFact => ({
  ...exact(value, ...ids),
  min: value - deviation,
  max: value + deviation,
});
const anyCount = (id: string): UnknownCount => ({ id, lower: 0, upper: 10_000 });
const hidden = (id: string): UnknownCount => ({ id, lower: 1, upper: K - 1 });

describe('the differencing attacker', () => {
  it('gives back a cell hidden at every grain from the year and a quarter (the demo leak of issue 13)', () => {
    // Arrange: women by quarter, Q3 = 54 shown, Q4 hidden (3 in truth); the year, 57, shown at another grain
    const unknowns = [anyCount('q3'), hidden('q4')];
    const facts = [exact(54, 'q3'), exact(57, 'q3', 'q4')];

    // Act / Assert
    expect(determinedCounts(unknowns, facts, ['q4'])).toEqual(new Map([['q4', 3]]));
  });

  it('gives back the one category of a month whose total is published when nothing is hidden beside it', () => {
    // Arrange: 3 respondents in a month, all « non-binary » (hidden), the other categories published as 0
    const unknowns = ['woman', 'man', 'nonBinary'].map(anyCount);
    const facts = [exact(3, 'woman', 'man', 'nonBinary'), exact(0, 'woman'), exact(0, 'man')];

    // Act / Assert
    expect(feasibleRange(unknowns, facts, 'nonBinary')).toEqual({ min: 3, max: 3, exact: true });
  });

  it('gives back the person two cut-offs a day apart differ by, when both are exact', () => {
    // Arrange: 20 respondents aged 65+ at D, 21 at D+1; one person answered on D+1: their age group
    const unknowns = [anyCount('before'), { id: 'newcomer65', lower: 0, upper: 1 }];
    const facts = [exact(20, 'before'), exact(21, 'before', 'newcomer65')];

    // Act / Assert
    expect(determinedCounts(unknowns, facts, ['newcomer65'])).toEqual(new Map([['newcomer65', 1]]));
  });

  it('cannot pin a hidden cell when a second one is hidden beside it (complementary suppression)', () => {
    // Arrange: total 30 shown, women 20 shown, men and non-binary hidden (truly 7 and 3 — men ≥ 5 but hidden with it)
    const unknowns = [anyCount('women'), { id: 'men', lower: 1, upper: 10_000 }, hidden('nonBinary')];
    const facts = [exact(30, 'women', 'men', 'nonBinary'), exact(20, 'women')];

    // Act / Assert
    expect(feasibleRange(unknowns, facts, 'nonBinary')).toEqual({ min: 1, max: 4, exact: true });
    expect(determinedCounts(unknowns, facts, ['nonBinary', 'men'])).toEqual(new Map());
  });

  it('cannot pin anything from perturbed figures: the year and a quarter give a range, not a person', () => {
    // Arrange: the same women as the first case, every figure published with a perturbation of at most 2
    const unknowns = [anyCount('q3'), hidden('q4')];
    const facts = [perturbed(55, 2, 'q3'), perturbed(56, 2, 'q3', 'q4')];

    // Act
    const range = feasibleRange(unknowns, facts, 'q4');

    // Assert
    expect(range).toEqual({ min: 1, max: 4, exact: true });
  });

  it('says when the facts cannot all be true (a mistake in the figures the test gathered)', () => {
    expect(feasibleRange([anyCount('a')], [exact(3, 'a'), exact(4, 'a')], 'a')).toBeNull();
  });
});
