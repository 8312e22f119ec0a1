/**
 * One thing wrong with an imported file, where the user can find it: the line (1-based, as an editor or a
 * spreadsheet numbers it; null for the file as a whole) and the column header as the file writes it.
 * `code` lets the web app word it in the user's language; `message` is the English wording, with the
 * same facts, for API users.
 */
export interface ImportProblem {
  readonly row: number | null;
  readonly column: string | null;
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** One line of a table, as read from a CSV, an XLSX sheet or pasted text. */
export interface SourceRow {
  /** 1-based line (text, CSV) or sheet row (XLSX) where the row starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

export function problem(
  row: number | null,
  column: string | null,
  code: string,
  message: string,
  params?: Record<string, string | number>,
): ImportProblem {
  return params === undefined ? { row, column, code, message } : { row, column, code, message, params };
}

/** Every problem is counted; the first `max` are kept: a file of a million bad rows must not fill the memory. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  count = 0;

  constructor(private readonly max = 500) {}

  add(p: ImportProblem): void {
    this.count += 1;
    if (this.items.length < this.max) this.items.push(p);
  }

  addAll(ps: readonly ImportProblem[]): void {
    for (const p of ps) this.add(p);
  }
}
