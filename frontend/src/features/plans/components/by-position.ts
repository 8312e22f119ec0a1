/** The API sends children in order already; sorting again costs nothing and guards the reading order. */
export function byPosition<T extends { position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}
