/** « Évaluation à mi-parcours / finale » (DOMAIN.md). */
export const EVALUATION_KINDS = ['midterm', 'final'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/**
 * `freezing` until the workers have stored its snapshot, then `open` for the committee's assessment, then `closed`
 * (read-only for good).
 */
export const EVALUATION_STATES = ['freezing', 'open', 'closed'] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

/** The committee's rating of an objective (UI: atteint, en bonne voie, à risque, non atteint). */
export const ASSESSMENT_RATINGS = ['achieved', 'on_track', 'at_risk', 'not_achieved'] as const;
export type AssessmentRating = (typeof ASSESSMENT_RATINGS)[number];

export const EVALUATION_ACTIONS = ['opened', 'frozen', 'assessed', 'closed'] as const;
export type EvaluationAction = (typeof EVALUATION_ACTIONS)[number];
