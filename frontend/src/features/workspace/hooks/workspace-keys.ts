/** Query keys of the workspace; the read-only pages' keys are refreshed after a write so they show it at once. */
export const workspaceKeys = {
  all: ['workspace'] as const,
  plans: ['workspace', 'plans'] as const,
  tree: (planId: string) => ['workspace', 'tree', planId] as const,
  instruments: (planId: string) => ['workspace', 'instruments', planId] as const,
  questionnaires: (planId: string | undefined) => ['workspace', 'questionnaires', planId ?? 'all'] as const,
  questionnaire: (id: string) => ['workspace', 'questionnaire', id] as const,
  qr: (id: string, language: string | null) => ['workspace', 'qr', id, language ?? ''] as const,
  indicator: (id: string) => ['workspace', 'indicator', id] as const,
  values: (id: string) => ['workspace', 'values', id] as const,
  progress: (planId: string) => ['workspace', 'progress', planId] as const,
  manualValues: (id: string) => ['workspace', 'manual-values', id] as const,
  workCells: ['workspace', 'work-cells'] as const,
  workCell: (id: string) => ['workspace', 'work-cell', id] as const,
  objectives: ['workspace', 'objectives'] as const,
  organizations: (search: string) => ['workspace', 'organizations', search] as const,
};

/** Keys of the read-only pages (features plans, questionnaires, work-cells) that show what the workspace writes. */
export const readPageKeys = {
  plans: ['plans'] as const,
  // A plan's data period and time zone change every figure of its dashboards and what its evaluations read of it.
  dashboard: ['dashboard'] as const,
  evaluations: ['evaluations'] as const,
  questionnaires: ['questionnaires'] as const,
  workCells: ['work-cells'] as const,
};
