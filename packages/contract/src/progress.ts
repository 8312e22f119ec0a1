/**
 * An indicator's status. While a plan runs: achieved, on_track, at_risk, off_track, no_data. From its end date on
 * (figures as of the end of its last day or later) only achieved, not_achieved and no_data: « on track » means nothing
 * once the time is up. In the order counts, filters and legends list them: best first, « no data » last.
 */
export const PROGRESS_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'not_achieved', 'no_data'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
