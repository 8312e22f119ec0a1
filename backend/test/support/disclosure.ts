/**
 * What the disclosure layer may publish for a true figure (backend/src/disclosure, defaults k = 5, D = 2). Record keys
 * are drawn at random by the database, so a test cannot know a published count: it knows its bounds.
 */
export const K = 5;
export const D = 2;

/**
 * A published count for `truth` people: hidden (null) when the count plus its deviation falls under k — always for 0 to
 * k − 1 − D people, never from k + D on — else within D of it and never under k.
 */
export function publishable(shown: number | null | undefined, truth: number): boolean {
  if (shown === null) return truth < K + D;
  if (truth < K - D) return false;
  return typeof shown === 'number' && Number.isInteger(shown) && shown >= K && Math.abs(shown - truth) <= D;
}

/**
 * A published share of `gave` out of `answered`: its n publishable, and its value a whole number of people (within D
 * of `gave`) over that n.
 */
export function publishableShare(shown: { value: number | null; n: number | null }, gave: number, answered: number): boolean {
  if (!publishable(shown.n, answered)) return false;
  if (shown.n === null) return shown.value === null;
  const people = ((shown.value ?? 0) * shown.n) / 100;
  return Math.abs(people - Math.round(people)) < 1e-9 && Math.abs(Math.round(people) - gave) <= D;
}
