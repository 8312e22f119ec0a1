import { addKeys, cellKey, KEY_MODULUS, perturbationTable, protectCount, recordKey } from './cell-key';

const SECRET = 'a deployment secret of the tests';
const TABLE = perturbationTable({ k: 5, maxDeviation: 2, variance: 1 });

/** A deterministic stream of ids, so that every run sees the same people. */
const ids = (n: number, prefix = 'response') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const keysOf = (list: string[]) => list.map((id) => recordKey(SECRET, id));

describe('cell-key method', () => {
  it('gives the same people the same published count, in any order and whatever table they are read in', () => {
    // Arrange
    const people = keysOf(ids(37));
    const months = [people.slice(0, 10), people.slice(10, 25), people.slice(25)];

    // Act: the quarter's key from its people, and from its months' keys
    const direct = cellKey(people);
    const rolledUp = months.map(cellKey).reduce(addKeys, 0);
    const shuffled = cellKey([...people].reverse());

    // Assert
    expect(rolledUp).toBe(direct);
    expect(shuffled).toBe(direct);
    expect(protectCount(37, rolledUp, TABLE)).toEqual(protectCount(37, direct, TABLE));
  });

  it('derives record keys from ids with the secret: another secret gives other keys', () => {
    expect(recordKey(SECRET, 'response-1')).toBe(recordKey(SECRET, 'response-1'));
    expect(recordKey('another secret', 'response-1')).not.toBe(recordKey(SECRET, 'response-1'));
    for (const key of keysOf(ids(1000))) expect(key >= 0 && key < KEY_MODULUS && Number.isInteger(key)).toBe(true);
  });

  it('never publishes under k, hides every count under k − D and empty cells, and deviates by at most D', () => {
    const shown = new Map<number, number>();
    for (let count = 0; count <= 40; count += 1) {
      for (let key = 0; key < KEY_MODULUS; key += KEY_MODULUS / 128) {
        // Act
        const { value, hidden } = protectCount(count, key, TABLE);

        // Assert
        if (count < 3) expect({ value, hidden }).toEqual({ value: null, hidden: true });
        if (value !== null) {
          expect(value).toBeGreaterThanOrEqual(5);
          expect(Math.abs(value - count)).toBeLessThanOrEqual(2);
          shown.set(count, (shown.get(count) ?? 0) + 1);
        } else {
          expect(hidden).toBe(true);
        }
      }
    }
    // Whether a count near k is shown depends on its key: « hidden » says 0 to k − 1 + D people, not 1 to k − 1.
    expect([3, 4, 5, 6].map((count) => (shown.get(count) ?? 0) > 0 && (shown.get(count) ?? 0) < 128)).toEqual([true, true, true, true]);
    expect(shown.get(7)).toBe(128);
  });

  it('adds no bias away from k, with the variance asked for', () => {
    // Arrange: the table's own probabilities for a count well above k
    const row = TABLE.rows.at(-1)!;
    const probabilities = row.map((r, i) => ({ d: r.deviation, p: r.upper - (i ? row[i - 1].upper : 0) }));

    // Act
    const mean = probabilities.reduce((s, { d, p }) => s + d * p, 0);
    const variance = probabilities.reduce((s, { d, p }) => s + d * d * p, 0) - mean * mean;

    // Assert
    expect(probabilities.map((x) => x.d)).toEqual([-2, -1, 0, 1, 2]);
    expect(Math.abs(mean)).toBeLessThan(1e-9);
    expect(variance).toBeCloseTo(1, 6);
    // The disclosure layer's own table is narrower (variance D²/8): a deviation of ±D, which bounds what an attacker can
    // exclude, is rare.
  });

  it('gives people as many deviations of each size as the table says (the keys are uniform)', () => {
    // Arrange: 5,000 cells of 100 people, each cell of different people
    const counts = new Map<number, number>();
    const cells = 5000;
    for (let c = 0; c < cells; c += 1) {
      const key = cellKey(keysOf(ids(100, `cell-${c}`)));
      const deviation = protectCount(100, key, TABLE).value! - 100;
      counts.set(deviation, (counts.get(deviation) ?? 0) + 1);
    }

    // Assert: each share within 2.5 points of the table's (about four standard errors)
    const row = TABLE.rows.at(-1)!;
    row.forEach((r, i) => {
      const expected = r.upper - (i ? row[i - 1].upper : 0);
      expect(Math.abs((counts.get(r.deviation) ?? 0) / cells - expected)).toBeLessThan(0.025);
    });
  });

  it('does not give away the one person that two cut-offs a day apart differ by', () => {
    // Arrange: 2,000 pairs of tables, the second with one more person than the first
    let exactlyOne = 0;
    const pairs = 2000;
    for (let c = 0; c < pairs; c += 1) {
      const before = keysOf(ids(20, `day-${c}`));
      const after = [...before, recordKey(SECRET, `newcomer-${c}`)];

      // Act: what an attacker reads by differencing the two published counts
      const difference = protectCount(21, cellKey(after), TABLE).value! - protectCount(20, cellKey(before), TABLE).value!;
      if (difference === 1) exactlyOne += 1;
    }

    // Assert: the difference is « 1 » no more often than two independent deviations being equal (~29 % here)
    expect(exactlyOne / pairs).toBeLessThan(0.35);
  });

  it('refuses parameters that cannot make a table', () => {
    expect(() => perturbationTable({ k: 0, maxDeviation: 2, variance: 1 })).toThrow(RangeError);
    expect(() => perturbationTable({ k: 5, maxDeviation: 0, variance: 1 })).toThrow(RangeError);
    expect(() => perturbationTable({ k: 5, maxDeviation: 2, variance: 4 })).toThrow(RangeError);
  });
});
