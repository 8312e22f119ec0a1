import type { ComputedCell } from '@backend/aggregation/cells';
import { indicatorSnapshot, SnapshotIndicator, SnapshotPlan } from './snapshot-builder';

const plan: SnapshotPlan = {
  id: 'p',
  title: 'Plan',
  startDate: '2022-01-01',
  midtermDate: '2023-01-01',
  endDate: '2023-12-31',
  timeZone: 'America/Toronto',
  dataFrom: null,
  dataUntil: null,
};

function indicator(overrides: Partial<SnapshotIndicator> = {}): SnapshotIndicator {
  return {
    id: 'i',
    name: 'Indicateur',
    kind: 'response_count',
    unit: null,
    grain: 'quarter',
    direction: 'up',
    dimensions: [],
    status: 'active',
    source: {},
    baselineValue: 0,
    baselineDate: null,
    midtermTarget: 5,
    finalTarget: 10,
    ...overrides,
  };
}

/** A cell published as it is (the disclosure layer's perturbation is protect-cells.spec.ts's subject). */
function cell(overrides: Partial<ComputedCell>): ComputedCell {
  const c = {
    grain: 'quarter' as const,
    periodStart: '2022-01-01',
    dimension: '',
    category: '',
    value: 1,
    n: 1,
    cumulativeValue: 1,
    cumulativeN: 1,
    suppressed: false,
    cumulativeSuppressed: false,
    ...overrides,
  };
  return {
    publishedValue: c.value,
    publishedN: c.n,
    publishedCumulativeValue: c.cumulativeValue,
    publishedCumulativeN: c.cumulativeN,
    ...c,
  };
}

describe(indicatorSnapshot.name, () => {
  it("keeps the indicator's own grain and gives a count its cumulative value at the latest period", () => {
    // Arrange
    const cells = [
      cell({ periodStart: '2022-04-01', value: 3, n: 3, cumulativeValue: 7, cumulativeN: 7 }),
      cell({ periodStart: '2022-01-01', value: 4, n: 4, cumulativeValue: 4, cumulativeN: 4 }),
      cell({ grain: 'year', value: 7, n: 7, cumulativeValue: 7, cumulativeN: 7 }),
    ];
    // Act
    const s = indicatorSnapshot(indicator(), cells, plan, '2022-05-15');
    // Assert
    expect(s.series.map((p) => [p.period, p.value, p.cumulativeValue])).toEqual([
      ['2022-01-01', 4, 4],
      ['2022-04-01', 3, 7],
    ]);
    expect([s.value, s.n, s.period]).toEqual([7, 7, '2022-04-01']);
  });

  it("gives a share the latest period's value", () => {
    // Act
    const s = indicatorSnapshot(
      indicator({ kind: 'answer_share', finalTarget: 80 }),
      [
        cell({ periodStart: '2022-01-01', value: 50, n: 10, cumulativeValue: 50, cumulativeN: 10 }),
        cell({ periodStart: '2022-04-01', value: 60, n: 20, cumulativeValue: 56.7, cumulativeN: 30 }),
      ],
      plan,
      '2022-06-30',
    );
    // Assert
    expect([s.value, s.n]).toEqual([60, 20]);
  });

  it('has no data, nobody behind it and no status before its first period', () => {
    // Act
    const s = indicatorSnapshot(indicator(), [], plan, '2022-02-01');
    // Assert
    expect([s.value, s.n, s.period, s.status, s.series]).toEqual([null, 0, null, 'no_data', []]);
  });

  it("breaks down by the cumulative cells of each dimension's last period, hiding the value and n of suppressed ones", () => {
    // Arrange
    const gender = (periodStart: string, category: string, cumulativeN: number, cumulativeSuppressed = false) =>
      cell({ periodStart, dimension: 'gender', category, cumulativeN, cumulativeValue: cumulativeN, cumulativeSuppressed });
    const cells = [
      gender('2022-01-01', 'woman', 6),
      gender('2022-01-01', 'man', 2, true),
      gender('2022-04-01', 'woman', 9),
      gender('2022-04-01', 'man', 7),
      gender('2022-04-01', 'non_binary', 1, true),
    ];
    // Act
    const s = indicatorSnapshot(indicator({ dimensions: ['gender', 'age_group'] }), cells, plan, '2022-06-30');
    // Assert
    expect(s.breakdowns).toEqual([
      {
        dimension: 'gender',
        cells: [
          { category: 'man', value: 7, n: 7, suppressed: false },
          { category: 'non_binary', value: null, n: null, suppressed: true },
          { category: 'woman', value: 9, n: 9, suppressed: false },
        ],
      },
      { dimension: 'age_group', cells: [] },
    ]);
  });

  it('rates the value at the cut-off against the targets as they are now, and copies them', () => {
    // Arrange
    const source = { questionnaireId: 'q' };
    // Act
    const s = indicatorSnapshot(indicator({ source }), [cell({ cumulativeValue: 10, cumulativeN: 10 })], plan, '2022-03-31');
    source.questionnaireId = 'changed';
    // Assert
    expect(s.status).toBe('achieved');
    expect([s.baseline, s.midtermTarget, s.finalTarget, s.source]).toEqual([{ value: 0, date: null }, 5, 10, { questionnaireId: 'q' }]);
  });
});
