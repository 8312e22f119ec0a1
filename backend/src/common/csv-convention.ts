import { neutralizeFormula } from '@backend/reports/render/spreadsheet-safe';

/**
 * How a CSV file reads in its reader's spreadsheet: French-locale Excel splits columns on `;` and reads `3,5` as a
 * number, English-locale on `,` with `3.5`. Shared by every CSV the API writes (reports, raw responses).
 */
export interface CsvConvention {
  separator: ';' | ',';
  decimal: ',' | '.';
}

export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\ufeff';
const CRLF = '\r\n';

/** French: `;` and decimal comma; any other language: `,` and decimal point. */
export function csvConvention(language: string): CsvConvention {
  return language.toLowerCase().split('-')[0] === 'fr' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

/** A figure as the convention writes it: no grouping, the reader's decimal mark (`43,33` in French); '' when not finite. */
export function csvNumber(value: number, convention: CsvConvention): string {
  return Number.isFinite(value) ? String(value).replace('.', convention.decimal) : '';
}

/** One RFC 4180 field in the convention: quoted when it holds the separator, a quote or a line break; never a formula. */
export function csvField(cell: CsvCell, convention: CsvConvention): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return csvNumber(cell, convention);
  const text = neutralizeFormula(String(cell));
  const needsQuotes = text.includes(convention.separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[], convention: CsvConvention): string {
  return cells.map((cell) => csvField(cell, convention)).join(convention.separator);
}

/** A whole file: UTF-8 with a BOM (so spreadsheets read the accents), CRLF line ends, the last line ended too. */
export function csvDocument(rows: readonly (readonly CsvCell[])[], convention: CsvConvention): Buffer {
  return Buffer.from(BOM + rows.map((row) => csvLine(row, convention)).join(CRLF) + CRLF, 'utf8');
}

/**
 * Reads a file written with `convention` back into records (quoted fields, doubled quotes, line breaks inside quotes,
 * CRLF records; a leading BOM is dropped): what a spreadsheet of that locale does on opening it.
 */
export function parseCsv(text: string, convention: CsvConvention): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === convention.separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A figure written by `csvNumber` read back (`43,33` → 43.33 in French); NaN when the field is not one. */
export function parseCsvNumber(field: string, convention: CsvConvention): number {
  const text = convention.decimal === ',' ? field.replace(',', '.') : field;
  return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
}
