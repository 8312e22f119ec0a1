import { EVALUATION_WRITERS, isOneOf, PLAN_WRITERS, type Role } from './roles';

// The web app shows a button when isOneOf says the API's guard would let the role through.
describe('isOneOf', () => {
  it.each<[string, readonly Role[], string | null | undefined, boolean]>([
    ['an evaluator among the plan writers', PLAN_WRITERS, 'evaluator', true],
    ['the committee among the plan writers', PLAN_WRITERS, 'committee', false],
    ['the committee among the evaluation writers', EVALUATION_WRITERS, 'committee', true],
    ['a session not loaded yet', PLAN_WRITERS, undefined, false],
    ['no session', PLAN_WRITERS, null, false],
    ['an unknown role', PLAN_WRITERS, 'root', false],
  ])('%s', (_case, roles, role, expected) => {
    expect(isOneOf(roles, role)).toBe(expected);
  });
});
