/** A calendar day as the API writes it: YYYY-MM-DD. */
export const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day that exists: 2024-02-29 yes, 2023-02-29 no. Plan dates, cut-offs and date answers are days. */
export function isRealDate(value: string): boolean {
  const m = DATE_ONLY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = mo === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return d <= days;
}
