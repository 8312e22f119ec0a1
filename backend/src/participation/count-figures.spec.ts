import type { AuthUser } from '@backend/auth/auth.decorators';
import { keyFromSum, mixKey, protectCount } from '@backend/disclosure/cell-key';
import { disclosureTable } from '@backend/disclosure/disclosure';
import type { Role } from '@backend/users/role';
import { protectedFigures, readsTrueCounts, trueFigures } from './count-figures';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const user = (role: Role, organizationId: string | null = null): AuthUser => ({ id: 'u', email: 'u@example.org', role, organizationId });
const table = disclosureTable({ k: 5, maxDeviation: 2 });
const cell = (dimension: string, category: string, count: number) => ({ dimension, category, count });

describe(readsTrueCounts.name, () => {
  it.each<[string, AuthUser, string | null, boolean]>([
    ['an admin', user('admin'), OTHER, true],
    ['an evaluator', user('evaluator'), null, true],
    ["a partner, its organization's entry", user('partner', ORG), ORG, true],
    ["a partner, another organization's entry", user('partner', ORG), OTHER, false],
    ['a partner, an entry of no organization', user('partner', ORG), null, false],
    ['a partner of no organization, an entry of no organization', user('partner'), null, false],
    ['the committee, even of the recording organization', user('committee', ORG), ORG, false],
  ])('%s: %s', (_case, reader, entryOrganization, expected) => {
    expect(readsTrueCounts(reader, entryOrganization)).toBe(expected);
  });
});

describe(protectedFigures.name, () => {
  const breakdown = [cell('gender', 'woman', 60), cell('gender', 'non_binary', 4), cell('gender', 'man', 0)];

  it('hides what the perturbation puts under k and empty cells, moves the others by at most ±D and never under k', () => {
    for (const recordKey of [-2147483648, -1, 0, 1, 123456789, 2147483647]) {
      const got = protectedFigures(120, breakdown, recordKey, table);
      expect(got.totalHidden).toBe(false);
      expect(Math.abs(got.total! - 120)).toBeLessThanOrEqual(2);
      // 4 non-binary people: hidden unless the deviation brings them to 5 or 6 (never published as 4).
      const nonBinary = got.breakdown[1];
      expect(nonBinary.hidden ? nonBinary.count === null : nonBinary.count! >= 5 && nonBinary.count! <= 6).toBe(true);
      expect(got.breakdown[2]).toEqual({ dimension: 'gender', category: 'man', count: null, hidden: true });
      expect(Math.abs(got.breakdown[0].count! - 60)).toBeLessThanOrEqual(2);
      const five = protectedFigures(5, [cell('age_group', 'under_18', 5)], recordKey, table).breakdown[0];
      expect(five.hidden || five.count! >= 5).toBe(true);
    }
  });

  it("uses the indicator figures' keys: the record key for the total, mixed with dimension|category for a category", () => {
    const recordKey = -123456789; // int4 as stored
    const key = keyFromSum(recordKey);
    const got = protectedFigures(120, breakdown, recordKey, table);
    expect(got.total).toBe(protectCount(120, key, table).value);
    expect(got.breakdown[0].count).toBe(protectCount(60, mixKey(key, 'gender|woman'), table).value);
  });

  it('hides a total under k − D with every part of it', () => {
    expect(protectedFigures(2, [cell('gender', 'woman', 2)], 42, table)).toEqual({
      total: null,
      totalHidden: true,
      breakdown: [{ dimension: 'gender', category: 'woman', count: null, hidden: true }],
    });
  });
});

describe(trueFigures.name, () => {
  it('gives the figures as entered, nothing hidden', () => {
    expect(trueFigures(7, [cell('gender', 'non_binary', 4)])).toEqual({
      total: 7,
      totalHidden: false,
      breakdown: [{ dimension: 'gender', category: 'non_binary', count: 4, hidden: false }],
    });
  });
});
