import type { Indicator } from '@backend/indicators/indicator.entity';
import { CachedSpec, definitionKey, planReads, Stored } from './response-month-cache';

describe(planReads.name, () => {
  const Q = 'questionnaire';
  const spec = (id: string, anyOf = ['yes']): CachedSpec => ({
    indicator: { id, kind: 'answer_share', source: { questionnaireId: Q, questionId: 'q', anyOf } } as Indicator,
    dims: [],
    dependsOn: ['2024-01-01'],
  });
  const versions = new Map([
    ['2024-01-01', '10'],
    ['2024-02-01', '4'],
    ['2024-03-01', '7'],
  ]);
  const storedAs = (s: CachedSpec, seen: Record<string, string>, key = definitionKey(s, Q)): Stored[] =>
    Object.entries(seen).map(([month, sourceVersion]) => ({ month, sourceVersion, definitionKey: key, cells: [] }));

  it('reads every month for a first computation', () => {
    const a = spec('a');
    const { reading, range } = planReads(Q, [a], versions, new Map([['a', []]]));
    expect(reading.map((p) => p.stale)).toEqual([null]);
    expect(range).toBeNull();
  });

  it('reads every month again once the definition changed (here: the answers that count)', () => {
    const before = spec('a');
    const after = spec('a', ['yes', 'maybe']);
    const { reading, range } = planReads(
      Q,
      [after],
      versions,
      new Map([['a', storedAs(before, { '2024-01-01': '10', '2024-02-01': '4', '2024-03-01': '7' })]]),
    );
    expect(reading.map((p) => p.stale)).toEqual([null]);
    expect(range).toBeNull();
  });

  it('reads only the months whose version moved, in one range that covers every indicator read', () => {
    const a = spec('a');
    const b = spec('b');
    const c = spec('c');
    const stored = new Map([
      ['a', storedAs(a, { '2024-01-01': '10', '2024-02-01': '4', '2024-03-01': '6' })],
      ['b', storedAs(b, { '2024-01-01': '10', '2024-03-01': '7' })],
      ['c', storedAs(c, { '2024-01-01': '10', '2024-02-01': '4', '2024-03-01': '7' })],
    ]);
    const { plans, reading, range } = planReads(Q, [a, b, c], versions, stored);
    expect(plans.map((p) => p.stale)).toEqual([['2024-03-01'], ['2024-02-01'], []]);
    expect(reading.map((p) => p.spec.indicator.id)).toEqual(['a', 'b']);
    expect(range).toEqual({ from: '2024-02-01', to: '2024-03-01' });
  });
});
