import { PerturbationTable, perturbationTable } from './cell-key';

/** The deployment's disclosure parameters (SUPPRESSION_K, DISCLOSURE_MAX_DEVIATION), as published with the figures. */
export interface DisclosureParams { k: number; maxDeviation: number }

const tables = new Map<string, PerturbationTable>();

/**
 * The perturbation table for a deployment's k and D: deviations with variance D²/4 (1 for the default D = 2: most
 * figures move by 0 or 1, a few by 2), built once per process.
 */
export function disclosureTable({ k, maxDeviation }: DisclosureParams): PerturbationTable {
  const key = `${k}|${maxDeviation}`;
  let table = tables.get(key);
  if (!table) {
    table = perturbationTable({ k, maxDeviation, variance: (maxDeviation * maxDeviation) / 4 });
    tables.set(key, table);
  }
  return table;
}
