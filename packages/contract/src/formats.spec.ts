import { CUMULATIVE_KINDS, INDICATOR_KINDS, isCumulative } from './indicators';
import { CHOICE_CODE, LANGUAGE_CODE, SLUG } from './questions';
import { RRULE } from './plans';

// The formats the API's DTOs and validate-questions.ts refuse, and the forms of the web app check before sending.
describe('formats', () => {
  it.each<[string, RegExp, string, boolean]>([
    ['a slug', SLUG, 'journee-accueil-2024', true],
    ['a slug too short', SLUG, 'ab', false],
    ['a slug ending with a hyphen', SLUG, 'accueil-', false],
    ['a slug with capitals', SLUG, 'Accueil', false],
    ['a choice code', CHOICE_CODE, '18_24', true],
    ['a choice code with a space', CHOICE_CODE, 'a b', false],
    ['a choice code of 41 characters', CHOICE_CODE, 'x'.repeat(41), false],
    ['a language code', LANGUAGE_CODE, 'ckb', true],
    ['a language with a region', LANGUAGE_CODE, 'fr-CA', false],
    ['a yearly recurrence', RRULE, 'FREQ=YEARLY;BYMONTH=8', true],
    ['a recurrence with DTSTART', RRULE, 'DTSTART:20240101T000000Z\nFREQ=YEARLY', false],
    ['a recurrence in lower case', RRULE, 'freq=weekly', false],
  ])('%s: %s', (_case, format, value, expected) => {
    expect(format.test(value)).toBe(expected);
  });
});

describe(isCumulative.name, () => {
  it("counts (and steps done) accumulate since the plan's start; shares, means and ratios are the latest period's", () => {
    expect(INDICATOR_KINDS.filter(isCumulative)).toEqual(['response_count', 'participation_sum', 'manual', 'work_steps_done']);
    expect(CUMULATIVE_KINDS.every((kind) => INDICATOR_KINDS.includes(kind))).toBe(true);
  });
});
