/** The first characters that make a spreadsheet read a cell as a formula (OWASP « CSV injection »). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that cannot start a formula: one that would is prefixed with a single quote, which spreadsheets show
 * as text. Numbers are never text cells, so a negative figure stays a number.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
