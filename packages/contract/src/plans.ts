/** The values and principles of the policy an action serves (PRDS de Laval, « Valeurs et principes »). */
export const POLICY_VALUES = [
  'accessibilite_universelle',
  'creativite_innovation',
  'developpement_durable',
  'equite',
  'inclusion_integration',
  'pouvoir_agir',
  'solidarite',
] as const;
export type PolicyValue = (typeof POLICY_VALUES)[number];

/** « Échéancier »: a date, a recurrence, ongoing (« En continu ») or to be determined (« À déterminer »). */
export const SCHEDULE_KINDS = ['date', 'recurrence', 'ongoing', 'tbd'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** An action's recurrence: an RFC 5545 RRULE body without DTSTART (FREQ=YEARLY;BYMONTH=8). */
export const RRULE = /^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+-]+)*$/;

/**
 * The longest texts of a plan and its parts, in characters: the API's DTOs refuse longer ones (MaxLength), the
 * workspace's forms stop and warn there.
 */
export const PLAN_TEXT_MAX = {
  planTitle: 300,
  planDescription: 5000,
  orientationTitle: 500,
  objectiveCode: 30,
  objectiveTitle: 1000,
  actionDescription: 5000,
  actionScheduleText: 300,
  actionResources: 1000,
  expectedResultText: 2000,
} as const;
/** The most organizations an action names as responsible. */
export const MAX_RESPONSIBLE_ORGANIZATIONS = 100;
