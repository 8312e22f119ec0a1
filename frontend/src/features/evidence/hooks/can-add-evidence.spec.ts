import { describe, expect, it } from '@jest/globals';
import type { Role } from '@repere/contract';
import { canAddEvidence } from './can-add-evidence';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const user = (role: Role, organizationId: string | null = null) => ({ role, organizationId });

describe(canAddEvidence.name, () => {
  it('lets plan writers attach to any record, whoever keeps it', () => {
    expect(canAddEvidence(user('admin'), [OTHER])).toBe(true);
    expect(canAddEvidence(user('evaluator'))).toBe(true);
  });

  it("lets a partner attach to its own organization's records only", () => {
    expect(canAddEvidence(user('partner', OWN), [OTHER, OWN])).toBe(true);
    expect(canAddEvidence(user('partner', OWN), [OTHER])).toBe(false);
    // A count recorded by no organization (staff's) is not the partner's.
    expect(canAddEvidence(user('partner', OWN), [null])).toBe(false);
    expect(canAddEvidence(user('partner'), [null])).toBe(false);
  });

  it('offers the committee and a user not loaded yet nothing to change', () => {
    expect(canAddEvidence(user('committee', OWN), [OWN])).toBe(false);
    expect(canAddEvidence(undefined, [OWN])).toBe(false);
  });
});
