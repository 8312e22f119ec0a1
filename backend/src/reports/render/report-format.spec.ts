import { winAnsi } from './pdf-layout';
import { categoryLabel, categoryOrder, formatDate, formatNumber, formatPeriod, slug } from './report-format';
import { niceTicks } from './indicator-chart';
import { periodEnd } from './evaluation-figures';

describe('report formatting', () => {
  it.each([
    ['2022-01-01', 'year', 'fr', '2022'],
    ['2022-07-01', 'quarter', 'fr', 'T3 2022'],
    ['2022-07-01', 'quarter', 'en', 'Q3 2022'],
  ] as const)('names the period %s at grain %s in %s « %s »', (period, grain, lang, expected) => {
    // Arrange / Act / Assert
    expect(formatPeriod(period, grain, lang)).toBe(expected);
  });

  it('names months, dates and numbers in the language of the report', () => {
    // Arrange / Act / Assert
    expect(formatPeriod('2022-08-01', 'month', 'fr')).toMatch(/août 2022/);
    expect(formatDate('2022-09-30', 'fr')).toBe('30 septembre 2022');
    expect(formatDate('2022-09-30', 'en')).toBe('September 30, 2022');
    expect(formatNumber(1234.567, 'fr').replace(/\s/g, ' ')).toBe('1 234,57');
    expect(formatNumber(1234.567, 'en')).toBe('1,234.57');
  });

  it('labels ADS+ categories, standard or special, and keeps an unknown code as it is', () => {
    // Arrange / Act / Assert
    expect(categoryLabel('gender', 'woman', 'fr')).toBe('Femme');
    expect(categoryLabel('age_group', '65_plus', 'en')).toBe('65 and over');
    expect(categoryLabel('gender', 'not_recorded', 'fr')).toBe('Non consigné');
    expect(categoryLabel('disability', 'true', 'en')).toBe('Yes');
    expect(categoryLabel('language', 'tl', 'fr')).toBe('tl');
  });

  it("orders a breakdown's categories as the questionnaire asks them, special ones last", () => {
    // Arrange
    const cells = ['prefer_not', 'woman', 'not_recorded', 'zz_custom', 'man', 'non_binary'].map((category) => ({ category }));
    // Act / Assert
    expect(categoryOrder('gender', cells).map((c) => c.category)).toEqual([
      'woman',
      'man',
      'non_binary',
      'zz_custom',
      'not_recorded',
      'prefer_not',
    ]);
  });

  it('makes ASCII file names from titles', () => {
    // Arrange / Act / Assert
    expect(slug("Plan d'action 2021/2023 — Table de quartier de Parc-Extension")).toBe(
      'plan-d-action-2021-2023-table-de-quartier-de-parc-extension',
    );
    expect(slug('Évaluation « à mi-parcours »')).toBe('evaluation-a-mi-parcours');
    expect(slug('مرحبا')).toBe('plan');
  });

  it('writes for a standard PDF font: WinAnsi kept, look-alikes replaced, the rest as « ? »', () => {
    // Arrange / Act / Assert
    expect(winAnsi('Évaluation « œuvre » — 5 € … ’')).toBe('Évaluation « œuvre » — 5 € … ’');
    expect(winAnsi('a → b ≥ c\u202fd')).toBe('a -> b >= c\u00a0d');
    expect(winAnsi('مرحبا 😀')).toBe('????? ?');
  });

  it('finds round ticks and the last day of periods', () => {
    // Arrange / Act / Assert
    expect(niceTicks(0, 550)).toEqual([0, 200, 400, 600]);
    expect(niceTicks(3.5, 4.2)).toEqual([3.4, 3.6, 3.8, 4, 4.2]);
    expect(periodEnd('2022-01-01', 'year')).toBe('2022-12-31');
    expect(periodEnd('2022-10-01', 'quarter')).toBe('2022-12-31');
    expect(periodEnd('2024-02-01', 'month')).toBe('2024-02-29');
  });
});
