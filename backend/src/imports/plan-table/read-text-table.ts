import type { SourceRow } from '@backend/imports/import-problem';

interface Cell {
  readonly text: string;
  /** Index just past the cell: on the tab, the line break or the end of the text. */
  readonly end: number;
}

const isRowEnd = (char: string | undefined): boolean => char === undefined || char === '\n' || char === '\t';

/**
 * Excel puts a cell between quotes when it holds a line break, a tab or a quote (doubled inside). Word text
 * is never quoted, yet a cell may well start with a quote (« "Ici Parc-Ex" WebTV »): a cell is read as quoted
 * only when the closing quote ends the cell and the quoting was needed, otherwise it stays as written.
 */
function readQuotedCell(text: string, start: number): Cell | null {
  let value = '';
  let escaped = false;
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char !== '"') {
      value += char;
      index += 1;
    } else if (text[index + 1] === '"') {
      value += '"';
      escaped = true;
      index += 2;
    } else {
      if (!isRowEnd(text[index + 1])) return null;
      const needed = escaped || value.includes('\n') || value.includes('\t');
      return needed ? { text: value, end: index + 1 } : null;
    }
  }
  return null;
}

function readPlainCell(text: string, start: number): Cell {
  let end = start;
  while (!isRowEnd(text[end])) end += 1;
  return { text: text.slice(start, end), end };
}

const countLineBreaks = (text: string): number => text.split('\n').length - 1;

/**
 * Reads pasted Word text or a .txt file, or cells copied from Excel: one row per line, cells split on tabs.
 * Blank lines are left out, but every row keeps the line number an editor would show for its first line.
 */
export function readTextTable(text: string): SourceRow[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows: SourceRow[] = [];
  let position = 0;
  let line = 1;
  while (position < normalized.length) {
    const cells: string[] = [];
    const rowLine = line;
    for (;;) {
      const quoted = normalized[position] === '"' ? readQuotedCell(normalized, position) : null;
      const cell = quoted ?? readPlainCell(normalized, position);
      cells.push(cell.text);
      line += countLineBreaks(normalized.slice(position, cell.end));
      position = cell.end;
      const separator = normalized[position];
      position += 1;
      if (separator !== '\t') break;
    }
    line += 1;
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: rowLine, cells });
  }
  return rows;
}
