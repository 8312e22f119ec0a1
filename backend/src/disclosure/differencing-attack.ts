import { solve, type Model } from 'yalps';

/**
 * The attacker of issue 13's proof, for tests only (yalps is a development dependency; nothing at run time imports this
 * file). It reads what was published as linear facts about the true counts of a questionnaire's cells — a period's
 * total is the sum of its months, a year's women are its quarters' women, a cut-off a day later has one more person
 * somewhere — and asks, for each count it wants, the smallest and the largest value every fact still allows, in whole
 * people (an integer program: two per count). A count is determined when both are the same: a figure published as
 * hidden that this gives back is a resident singled out.
 */

/** What the attacker does not know: a true count, somewhere between what it can tell (0 and a total, 1 and k − 1). */
export interface UnknownCount {
  id: string;
  lower: number;
  upper: number;
}

/**
 * A published figure as a fact about the unknowns: the sum of `terms` lies between `min` and `max` (both the figure
 * when it is exact; the figure ± the largest perturbation when it may be perturbed).
 */
export interface PublishedFact {
  terms: { id: string; coefficient: number }[];
  min: number;
  max: number;
}

/** The values `id` can take given every fact (null: the facts contradict each other, a mistake in the test). */
export function feasibleRange(unknowns: UnknownCount[], facts: PublishedFact[], id: string): { min: number; max: number } | null {
  const bound = (direction: 'minimize' | 'maximize') => {
    const variables = new Map<string, Map<string, number>>(unknowns.map((u) => [u.id, new Map([[`bound:${u.id}`, 1]])]));
    variables.get(id)?.set('objective', 1);
    facts.forEach((fact, i) => {
      for (const { id: term, coefficient } of fact.terms) {
        const coefficients = variables.get(term);
        if (!coefficients) throw new Error(`fact ${i} names ${term}, which is not an unknown`);
        coefficients.set(`fact:${i}`, (coefficients.get(`fact:${i}`) ?? 0) + coefficient);
      }
    });
    const constraints = new Map<string, { min: number; max: number }>([
      ...unknowns.map((u) => [`bound:${u.id}`, { min: u.lower, max: u.upper }] as const),
      ...facts.map((f, i) => [`fact:${i}`, { min: f.min, max: f.max }] as const),
    ]);
    const model: Model = { direction, objective: 'objective', constraints, variables, integers: true };
    const solution = solve(model);
    if (solution.status === 'infeasible') return null;
    if (solution.status !== 'optimal') throw new Error(`the attacker's integer program ended ${solution.status}`);
    return Math.round(solution.result);
  };
  const min = bound('minimize');
  const max = bound('maximize');
  return min === null || max === null ? null : { min, max };
}

/** The counts among `targets` that the facts pin to one value, with that value. */
export function determinedCounts(unknowns: UnknownCount[], facts: PublishedFact[], targets: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of targets) {
    const range = feasibleRange(unknowns, facts, id);
    if (range && range.min === range.max) out.set(id, range.min);
  }
  return out;
}
