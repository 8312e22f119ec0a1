import { chartPoints, midDay } from './evaluation-figures';
import { ChartSpec, chartGeometry } from './indicator-chart';
import { indicatorSnapshot } from './report-input.factory';

const LABELS: ChartSpec['labels'] = {
  baseline: 'Valeur de référence',
  midtermTarget: 'Cible à mi-parcours',
  finalTarget: 'Cible finale',
  midterm: 'Mi-parcours',
  end: 'Fin',
  cutoff: 'Coupure',
  value: 'Valeur',
  midtermValue: 'Valeur à mi-parcours',
  axisStartsAt: (start) => `Axe tronqué : commence à ${start}`,
};

function spec(overrides: Partial<ChartSpec> = {}): ChartSpec {
  return {
    x: 0,
    y: 0,
    width: 516,
    height: 150,
    points: [],
    zeroBased: true,
    baseline: null,
    midtermTarget: null,
    finalTarget: null,
    startDate: '2021-01-01',
    midtermDate: '2022-01-01',
    endDate: '2023-12-31',
    cutoff: '2023-12-31',
    labels: LABELS,
    format: String,
    ...overrides,
  };
}

describe('chartGeometry', () => {
  it('puts a yearly value over its own year’s label, not over the next one', () => {
    // Arrange
    const indicator = indicatorSnapshot({
      grain: 'year',
      series: [2021, 2022, 2023].map((year, i) => ({
        period: `${year}-01-01`,
        value: 100 * (i + 1),
        n: 100,
        suppressed: false,
        cumulativeValue: 100 * (i + 1),
        cumulativeN: 100,
        cumulativeSuppressed: false,
      })),
    });
    const points = chartPoints(indicator, '2023-12-31');
    // Act
    const g = chartGeometry(spec({ points }));
    // Assert
    expect(points.map((p) => p.date)).toEqual(['2021-07-02', '2022-07-02', '2023-07-02']);
    expect(g.years.map((y) => y.label)).toEqual(['2021', '2022', '2023']);
    points.forEach((p, i) => {
      const x = g.xOf(p.date);
      const nearest = [...g.years].sort((a, b) => Math.abs(a.x - x) - Math.abs(b.x - x))[0];
      expect(nearest.label).toBe(String(2021 + i));
      expect(Math.abs(nearest.x - x)).toBeLessThan(2);
    });
    // The years' ticks sit between the labels, where each year starts
    expect(g.years.map((y) => y.boundary === null)).toEqual([true, false, false]);
    expect(g.years[1].boundary).toBeCloseTo(g.xOf('2022-01-01'));
  });

  it('places the current, cut-off period in the middle of the days it covers', () => {
    // Arrange / Act / Assert
    expect(midDay('2022-01-01', '2022-09-29')).toBe('2022-05-16');
    const indicator = indicatorSnapshot({ grain: 'quarter' });
    const points = chartPoints(indicator, '2022-02-15');
    for (const p of points) expect(p.date <= '2022-02-15').toBe(true);
  });

  it('says the axis is cut when a mean on a scale does not start at zero', () => {
    // Arrange
    const points = [
      { date: '2021-07-01', value: 3.4 },
      { date: '2022-07-01', value: 4.2 },
    ];
    // Act
    const cut = chartGeometry(spec({ points, zeroBased: false }));
    const fromZero = chartGeometry(spec({ points, zeroBased: true }));
    // Assert
    expect(cut.truncated).toBe(true);
    expect(cut.yMin).toBe(3.25);
    expect(fromZero.truncated).toBe(false);
    expect(fromZero.yMin).toBe(0);
    // The lowest tick is the bottom of the plot, the highest its top
    expect(cut.yOf(cut.yMin)).toBeCloseTo(cut.plot.y + cut.plot.height);
    expect(cut.yOf(cut.yMax)).toBeCloseTo(cut.plot.y);
  });

  it('keeps every point inside the plot', () => {
    // Arrange
    const points = [
      { date: '2021-01-01', value: 0 },
      { date: '2023-12-31', value: 550 },
    ];
    // Act
    const g = chartGeometry(spec({ points, finalTarget: 600 }));
    // Assert
    for (const p of points) {
      expect(g.xOf(p.date)).toBeGreaterThanOrEqual(g.plot.x);
      expect(g.xOf(p.date)).toBeLessThanOrEqual(g.plot.x + g.plot.width);
      expect(g.yOf(p.value)).toBeGreaterThanOrEqual(g.plot.y);
      expect(g.yOf(p.value)).toBeLessThanOrEqual(g.plot.y + g.plot.height);
    }
  });
});
