/** A user's role: what they may read and write follows from it (the API's guards, the web app's menus). */
export const ROLES = ['admin', 'evaluator', 'partner', 'committee'] as const;
export type Role = (typeof ROLES)[number];

// Who may do what: the API's @Roles guards and the web app's menus and buttons read the same lists, so a role
// given or taken here changes both (the web app never shows a button the API would answer with 403).

/** Who may change a plan and everything in it, import files, and read the true (unpublished) figures. */
export const PLAN_WRITERS: readonly Role[] = ['admin', 'evaluator'];

/** Who may open, assess and close evaluations, and ask for their reports. */
export const EVALUATION_WRITERS: readonly Role[] = ['admin', 'evaluator', 'committee'];

/** Who may list archived records (only admins restore them). */
export const ARCHIVE_READERS: readonly Role[] = ['admin', 'evaluator'];

/** Who may read the audit trail (a record's history). */
export const HISTORY_READERS: readonly Role[] = ['admin', 'evaluator'];

/** Who may read, filter and export a questionnaire's raw responses (confidential: never published as they are). */
export const RESPONSE_READERS: readonly Role[] = ['admin', 'evaluator'];

/** Who may record and correct participation counts (a partner, only its organization's); the committee reads them. */
export const PARTICIPATION_COUNTERS: readonly Role[] = ['admin', 'evaluator', 'partner'];

/** Whether a role (a session's, maybe not loaded yet) is one of these. */
export const isOneOf = (roles: readonly Role[], role: string | null | undefined): boolean => roles.some((r) => r === role);
