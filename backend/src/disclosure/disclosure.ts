import { PLAN_WRITERS } from '@backend/auth/auth.decorators';
import type { Role } from '@backend/users/role';
import { PerturbationTable, perturbationTable } from './cell-key';

/** The deployment's disclosure parameters (SUPPRESSION_K, DISCLOSURE_MAX_DEVIATION), as published with the figures. */
export interface DisclosureParams {
  k: number;
  maxDeviation: number;
}

const tables = new Map<string, PerturbationTable>();

/**
 * The perturbation table for a deployment's k and D: deviations with variance D²/8 (0.5 for the default D = 2: about
 * half the figures exact, most others off by 1, 1 in 70 off by 2), built once per process. The bound D is public; the
 * rarer its extremes, the rarer the draws where two figures at opposite ends of ±D narrow a cell between them.
 */
export function disclosureTable({ k, maxDeviation }: DisclosureParams): PerturbationTable {
  const key = `${k}|${maxDeviation}`;
  let table = tables.get(key);
  if (!table) {
    table = perturbationTable({ k, maxDeviation, variance: (maxDeviation * maxDeviation) / 8 });
    tables.set(key, table);
  }
  return table;
}

/** The deployment's parameters as the configuration holds them (appConfig). */
interface DisclosureConfig {
  suppressionK: number;
  disclosureMaxDeviation: number;
}

export const disclosureParams = (app: DisclosureConfig): DisclosureParams => ({
  k: app.suppressionK,
  maxDeviation: app.disclosureMaxDeviation,
});

/** The deployment's perturbation table. */
export const deploymentTable = (app: DisclosureConfig): PerturbationTable => disclosureTable(disclosureParams(app));

/** Who may read the true figures (they read the raw responses anyway): evaluators and admins; everyone else the published ones. */
export const readsTrueFigures = (role: Role): boolean => PLAN_WRITERS.includes(role);
