/** « Suivis »: the follow-up means that feed indicators. */
export const INSTRUMENT_KINDS = ['questionnaire', 'participation_count', 'tally', 'document'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
