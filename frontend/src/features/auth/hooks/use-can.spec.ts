import { describe, expect, it } from '@jest/globals';
import { EVALUATION_WRITERS, PLAN_WRITERS, type Role } from '@repere/contract';
import { canEditOrganization, canTickSteps, canWrite } from './use-can';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const user = (role: Role, organizationId: string | null = null) => ({ role, organizationId });

describe(canWrite.name, () => {
  it.each([
    ['admin', PLAN_WRITERS, true],
    ['evaluator', PLAN_WRITERS, true],
    ['partner', PLAN_WRITERS, false],
    ['committee', PLAN_WRITERS, false],
    ['committee', EVALUATION_WRITERS, true],
    [undefined, PLAN_WRITERS, false],
  ] as const)('%s in %j: %s', (role, writers, expected) => {
    expect(canWrite(role, writers)).toBe(expected);
  });
});

describe(canEditOrganization.name, () => {
  it('lets admins and evaluators change any organization, a partner its own only, the committee none', () => {
    expect(canEditOrganization(user('admin'), OTHER)).toBe(true);
    expect(canEditOrganization(user('evaluator', OWN), OTHER)).toBe(true);
    expect(canEditOrganization(user('partner', OWN), OWN)).toBe(true);
    expect(canEditOrganization(user('partner', OWN), OTHER)).toBe(false);
    expect(canEditOrganization(user('partner'), OWN)).toBe(false);
    expect(canEditOrganization(user('committee', OWN), OWN)).toBe(false);
    expect(canEditOrganization(undefined, OWN)).toBe(false);
  });
});

describe(canTickSteps.name, () => {
  const cell = [{ organizationId: OWN }];
  it("lets plan writers tick any cell's steps, a partner those of its organization's cells, the committee none", () => {
    expect(canTickSteps(user('evaluator'), [])).toBe(true);
    expect(canTickSteps(user('partner', OWN), cell)).toBe(true);
    expect(canTickSteps(user('partner', OTHER), cell)).toBe(false);
    expect(canTickSteps(user('partner'), cell)).toBe(false);
    expect(canTickSteps(user('committee', OWN), cell)).toBe(false);
    expect(canTickSteps(undefined, cell)).toBe(false);
  });
});
