import type { Role } from '@backend/users/role';

/** API.md's demo accounts; created by the demo seed only, never otherwise. */
export const DEMO_PASSWORD = 'repere-demo';

export const DEMO_USERS: { email: string; role: Role; displayName: string; organization?: string }[] = [
  { email: 'admin@demo.repere.org', role: 'admin', displayName: 'Administration (démo)' },
  {
    email: 'evaluation@demo.repere.org',
    role: 'evaluator',
    displayName: "Agente d'évaluation (démo)",
    organization: 'Table de quartier de Parc-Extension',
  },
  {
    email: 'partenaire@demo.repere.org',
    role: 'partner',
    displayName: 'Intervenante partenaire (démo)',
    organization: 'Centre communautaire Val-Martin',
  },
  { email: 'comite@demo.repere.org', role: 'committee', displayName: 'Comité de pilotage (démo)' },
];
