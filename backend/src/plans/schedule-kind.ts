/** « Échéancier »: a date, a recurrence, ongoing (« En continu ») or to be determined (« À déterminer »). */
export const SCHEDULE_KINDS = ['date', 'recurrence', 'ongoing', 'tbd'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
