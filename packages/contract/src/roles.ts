/** A user's role: what they may read and write follows from it (the API's guards, the web app's menus). */
export const ROLES = ['admin', 'evaluator', 'partner', 'committee'] as const;
export type Role = (typeof ROLES)[number];
