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

/**
 * How long one integer program may search (branch and bound) before it answers with the best whole-people solution it
 * has found: with hidden figures spanning 0 to k − 1 + D people, a plan's systems leave the search many branches.
 */
const SEARCH_MS = 2000;

/**
 * The values `id` can take given every fact (null: the facts contradict each other, a mistake in the test). `exact`:
 * both bounds proven; otherwise a bound is the best solution found in time — still a whole-people solution of every
 * fact, so two different ones prove the count is not determined, but equal ones prove nothing.
 */
export function feasibleRange(
  unknowns: UnknownCount[],
  facts: PublishedFact[],
  id: string,
): { min: number; max: number; exact: boolean } | null {
  let exact = true;
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
    // The systems of a plan's published figures have a few hundred unknowns and thousands of facts, many degenerate:
    // the default 8,192 pivots can run out before the optimum (reported as « cycled »).
    const solution = solve(model, { maxPivots: 200_000, timeout: SEARCH_MS });
    if (solution.status === 'infeasible') return null;
    if (solution.status === 'timedout' && Number.isFinite(solution.result)) {
      exact = false;
      return Math.round(solution.result);
    }
    if (solution.status !== 'optimal') throw new Error(`the attacker's integer program ended ${solution.status}`);
    return Math.round(solution.result);
  };
  const min = bound('minimize');
  const max = bound('maximize');
  return min === null || max === null ? null : { min, max, exact };
}

/**
 * The counts among `targets` that the facts pin to one value, with that value. A count is cleared only by proof: both
 * bounds proven and different, or two whole-people solutions (the bounds found in time, or `truth`, itself one) that
 * differ; a search that ran out of time with nothing different counts as determined, so a slow solver fails the test
 * rather than passing it.
 */
export function determinedCounts(
  unknowns: UnknownCount[],
  facts: PublishedFact[],
  targets: string[],
  truth: Map<string, number> = new Map(),
): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of targets) {
    const range = feasibleRange(unknowns, facts, id);
    if (!range) continue;
    const seen = new Set([range.min, range.max, ...(truth.has(id) ? [truth.get(id)!] : [])]);
    if (seen.size === 1) out.set(id, range.min);
  }
  return out;
}
