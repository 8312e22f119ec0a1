export const ROLES = ['admin', 'evaluator', 'partner', 'committee'] as const;
export type Role = (typeof ROLES)[number];
