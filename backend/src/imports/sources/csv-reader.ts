import type { SourceRow } from '../import-problem';

/** A file whose quoting is broken: where the faulty record starts and what is wrong. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An RFC 4180 reader fed with decoded text as it streams in. Hand-written because the import of a million
 * responses must take under 10 s (bench:import): csv-parse alone took 3.1 s on such a file, this takes a
 * fraction of it, because a line without quotes, most lines of an export, is one `split` (csv-reader.spec
 * checks both readers agree on every case). Lines end in LF or CRLF; a quoted cell may hold delimiters,
 * doubled quotes and line breaks; blank lines are skipped but counted, so `line` is the editor's line number.
 */
export class CsvReader {
  private buffer = '';
  /** The line number of the buffer's first character. */
  private line = 1;

  constructor(private readonly delimiter: string) {}

  /** Adds text and returns the records it completes. */
  push(text: string): SourceRow[] {
    this.buffer += text;
    return this.drain(false);
  }

  /** Returns the last record; throws if the file ends inside a quoted cell. */
  end(): SourceRow[] {
    return this.drain(true);
  }

  private drain(final: boolean): SourceRow[] {
    const rows: SourceRow[] = [];
    const buf = this.buffer;
    let pos = 0;
    while (pos < buf.length) {
      let newline = buf.indexOf('\n', pos);
      if (newline === -1) {
        if (!final) break;
        newline = buf.length;
      }
      const end = newline > pos && buf.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      const quote = buf.indexOf('"', pos);
      if (quote === -1 || quote >= end) {
        if (end > pos) rows.push({ line: this.line, cells: buf.slice(pos, end).split(this.delimiter) });
        this.line += 1;
        pos = newline + 1;
        continue;
      }
      const record = this.quoted(buf, pos, final);
      if (record === null) break; // its closing quote has not arrived yet
      rows.push({ line: this.line, cells: record.cells });
      this.line += record.lines;
      pos = record.next;
    }
    this.buffer = buf.slice(pos);
    return rows;
  }

  /** One record containing quotes, from `start`; null when the text ends before it does (and more may come). */
  private quoted(buf: string, start: number, final: boolean): { cells: string[]; next: number; lines: number } | null {
    const d = this.delimiter;
    const cells: string[] = [];
    let cell = '';
    let pos = start;
    let lines = 1;
    for (;;) {
      if (buf[pos] === '"') {
        // A quoted cell: up to the quote that is not doubled.
        pos += 1;
        for (;;) {
          const q = buf.indexOf('"', pos);
          if (q === -1) {
            if (!final) return null;
            throw new CsvSyntaxError(this.line, 'a quoted cell is never closed');
          }
          const part = buf.slice(pos, q);
          lines += countNewlines(part);
          cell += part;
          if (buf[q + 1] === '"') {
            cell += '"';
            pos = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
        if (pos >= buf.length && !final) return null;
        const c = buf[pos];
        if (pos < buf.length && c !== d && c !== '\n' && c !== '\r') {
          throw new CsvSyntaxError(this.line, `text after the closing quote of cell ${cells.length + 1}`);
        }
      } else {
        // An unquoted cell: up to the delimiter or the line's end; a quote inside it is only a character.
        let stop = pos;
        while (stop < buf.length && buf[stop] !== d && buf[stop] !== '\n' && buf[stop] !== '\r') stop += 1;
        if (stop >= buf.length && !final) return null;
        cell += buf.slice(pos, stop);
        pos = stop;
      }
      cells.push(cell);
      cell = '';
      if (pos < buf.length && buf[pos] === d) {
        pos += 1;
        continue;
      }
      if (buf[pos] === '\r') pos += 1;
      // A piece ending between CR and LF: wait for the LF, or it would be read as a blank line (one line too many).
      if (pos >= buf.length && !final) return null;
      if (buf[pos] === '\n') pos += 1;
      else if (pos < buf.length) throw new CsvSyntaxError(this.line, 'a carriage return alone inside a record');
      return { cells, next: pos, lines };
    }
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** The delimiter a header line uses: the most frequent of , ; and tab outside quotes (Excel in French writes ;). */
export function detectDelimiter(headerLine: string): string {
  const outside = headerLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outside.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}
