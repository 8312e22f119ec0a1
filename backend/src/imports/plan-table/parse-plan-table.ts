import type { DemoAction, DemoOrientation } from '@backend/demo/demo-data.types';
import { type ImportProblem, problem, type SourceRow } from '@backend/imports/import-problem';
import type { ParsedPlanTable } from '@backend/imports/parsed.types';
import { looksLikeTitle, readDateLabel, readDocumentDate, readOrientationHeading, readYears } from './document-lines';
import { findImpossibleDate } from './find-impossible-date';
import { COLUMN_NAMES, type ColumnKey, type HeaderMatch, matchHeader } from './match-header';
import { type CellItem, cellItems, cellPlainText, joinAsList, splitCellItems } from './split-cell-items';

export { readTextTable } from './read-text-table';

/** The cells that hold several items, or one value that a page break may have cut in two. */
type ListKey = 'schedule' | 'resources' | 'expectedResults' | 'indicators' | 'followUps';
const LIST_KEYS: readonly ListKey[] = ['schedule', 'resources', 'expectedResults', 'indicators', 'followUps'];

interface ActionDraft {
  readonly description: string;
  readonly lists: Record<ListKey, string[]>;
}

interface ObjectiveDraft {
  readonly title: string;
  readonly actions: ActionDraft[];
}

interface OrientationDraft {
  readonly number: number;
  title: string;
  readonly line: number;
  readonly objectives: ObjectiveDraft[];
}

/**
 * Appends a continuation (the rest of a row a page break cut) to the cell it continues: its first item ends
 * the cell's last one, unless a dash or a bullet says it is an item of its own.
 */
function appendContinuation(target: string[], items: readonly CellItem[]): void {
  items.forEach((item, index) => {
    const last = target.length - 1;
    if (index === 0 && !item.marked && last >= 0) target[last] = `${target[last]} ${item.text}`;
    else target.push(item.text);
  });
}

function toAction(draft: ActionDraft): DemoAction {
  return {
    description: draft.description,
    scheduleText: joinAsList(draft.lists.schedule),
    resources: joinAsList(draft.lists.resources),
    expectedResults: draft.lists.expectedResults,
    indicators: draft.lists.indicators,
    followUps: draft.lists.followUps,
  };
}

function toOrientation(draft: OrientationDraft): DemoOrientation {
  return {
    number: draft.number,
    title: draft.title,
    objectives: draft.objectives.map((objective, index) => ({
      code: `${draft.number}.${index + 1}`,
      title: objective.title,
      actions: objective.actions.map(toAction),
    })),
  };
}

/** Walks the rows once, top to bottom: the state is where the reader stands in the document. */
class PlanTableReader {
  readonly problems: ImportProblem[] = [];
  readonly orientations: OrientationDraft[] = [];
  title: string | null = null;
  date: string | null = null;
  private header: HeaderMatch | 'invalid' | null = null;
  private seenHeader = false;
  private seenStructure = false;
  private dateOnNextLine = false;
  private orientationAwaitingTitle: OrientationDraft | null = null;
  private objective: ObjectiveDraft | null = null;
  private lastAction: ActionDraft | null = null;
  private actionCount = 0;
  // One problem says a whole stretch of rows cannot be placed; the rows after it would only repeat it.
  private reportedMissingHeader = false;
  private reportedMissingOrientation = false;

  read(row: SourceRow): void {
    const texts = row.cells.map(cellPlainText);
    const filled = texts.flatMap((text, index) => (text === '' ? [] : [index]));
    if (filled.length === 0) return;
    const first = texts[filled[0]];

    const heading = readOrientationHeading(first);
    if (heading !== null && (filled.length === 1 || (filled.length === 2 && heading.title === ''))) {
      this.startOrientation(row.line, heading.number, heading.title || (filled.length === 2 ? texts[filled[1]] : ''));
      return;
    }
    const header = matchHeader(row.cells);
    if (header !== null) {
      this.useHeader(row.line, header);
      return;
    }
    const beforeTable = !this.seenHeader;
    const freeLine =
      row.cells.length === 1 ||
      (beforeTable && filled.length === 1) ||
      (beforeTable && filled.length === 2 && readDateLabel(first) !== null);
    if (freeLine) this.readFreeLine(row.line, filled.map((index) => texts[index]).join(' '));
    else this.readTableRow(row, texts);
  }

  finish(): void {
    for (const orientation of this.orientations) {
      if (orientation.title === '') {
        this.problems.push(
          problem(orientation.line, null, 'missing_value', `Line ${orientation.line}: orientation ${orientation.number} has no title`, {
            column: 'ORIENTATION',
          }),
        );
      }
    }
    if (this.actionCount === 0 && this.problems.length === 0) {
      const message = this.seenHeader
        ? 'The table has a header but no rows'
        : 'No action plan table was found: no row names the columns OBJECTIF, MOYENS-ACTIONS and INDICATEURS';
      this.problems.push(problem(null, null, 'no_table', message));
    }
  }

  private startOrientation(line: number, number: number | null, title: string): void {
    this.seenStructure = true;
    this.dateOnNextLine = false;
    const current = this.orientations[this.orientations.length - 1];
    const orientationNumber = number ?? (current === undefined ? 1 : current.number + 1);
    // A heading repeated after a page break goes on with the same orientation.
    if (current !== undefined && title !== '' && current.title === title && (number === null || current.number === number)) return;
    if (this.orientations.some((orientation) => orientation.number === orientationNumber)) {
      this.problems.push(
        problem(line, null, 'duplicate_orientation', `Line ${line}: there is already an orientation ${orientationNumber}`, {
          number: orientationNumber,
        }),
      );
    }
    const orientation: OrientationDraft = { number: orientationNumber, title, line, objectives: [] };
    this.orientations.push(orientation);
    this.orientationAwaitingTitle = title === '' ? orientation : null;
    this.objective = null;
    this.lastAction = null;
  }

  private useHeader(line: number, header: HeaderMatch): void {
    this.seenStructure = true;
    this.seenHeader = true;
    this.orientationAwaitingTitle = null;
    this.header = header.missing.length === 0 ? header : 'invalid';
    for (const key of header.missing) {
      const column = COLUMN_NAMES[key];
      this.problems.push(problem(line, null, 'missing_column', `Line ${line}: the table header has no column ${column}`, { column }));
    }
  }

  private readFreeLine(line: number, text: string): void {
    if (this.dateOnNextLine) {
      this.dateOnNextLine = false;
      if (this.readDate(line, text)) return;
    }
    if (this.orientationAwaitingTitle !== null) {
      this.orientationAwaitingTitle.title = text;
      this.orientationAwaitingTitle = null;
      return;
    }
    const dateText = this.date === null ? readDateLabel(text) : null;
    if (dateText !== null) {
      if (dateText === '') this.dateOnNextLine = true;
      else this.readDate(line, dateText);
      return;
    }
    // The title is at the top; the notes below the headings (« Le masculin est utilisé… ») are not read.
    if (this.title === null && !this.seenStructure && looksLikeTitle(text)) this.title = text;
  }

  /** True when the text was a date, possible or not. */
  private readDate(line: number, text: string): boolean {
    const read = readDocumentDate(text);
    if (read === null) return false;
    if (read.kind === 'date') this.date = read.date;
    else this.problems.push(problem(line, null, 'bad_date', `Line ${line}: "${read.text}" is not a date`, { value: read.text }));
    return true;
  }

  private readTableRow(row: SourceRow, texts: readonly string[]): void {
    const header = this.header;
    if (header === 'invalid') return;
    if (header === null) {
      if (!this.reportedMissingHeader) {
        this.reportedMissingHeader = true;
        this.problems.push(
          problem(row.line, null, 'missing_header', `Line ${row.line}: a table row comes before any header row naming its columns`),
        );
      }
      return;
    }
    const cells = this.alignCells(row, header, texts);
    if (cells === null) return;
    const cell = (key: ColumnKey): string => {
      const column = header.columns[key];
      return column === undefined ? '' : (cells[column.index] ?? '');
    };
    const label = (key: ColumnKey): string => header.columns[key]?.label ?? COLUMN_NAMES[key];
    const objectiveTitle = cellItems(cell('objective')).join(' ');
    const description = cellItems(cell('action')).join('\n');

    this.checkSchedule(row.line, cell('schedule'), label('schedule'));

    if (objectiveTitle === '' && description === '') {
      this.continuePreviousRow(row.line, cell, label('action'));
      return;
    }
    const orientation = this.orientations[this.orientations.length - 1];
    if (orientation === undefined) {
      if (!this.reportedMissingOrientation) {
        this.reportedMissingOrientation = true;
        this.problems.push(
          problem(row.line, null, 'missing_orientation', `Line ${row.line}: the table starts before any « ORIENTATION 1 : … » heading`),
        );
      }
      return;
    }
    if (objectiveTitle !== '' && objectiveTitle !== this.objective?.title) {
      this.objective = { title: objectiveTitle, actions: [] };
      orientation.objectives.push(this.objective);
    }
    if (this.objective === null) {
      this.problems.push(
        problem(
          row.line,
          label('objective'),
          'missing_value',
          `Line ${row.line}, column ${label('objective')}: the row has no objective, and no objective comes before it`,
          {
            column: label('objective'),
          },
        ),
      );
      return;
    }
    if (description === '') {
      this.lastAction = null;
      this.problems.push(
        problem(row.line, label('action'), 'missing_value', `Line ${row.line}, column ${label('action')}: the row has no action`, {
          column: label('action'),
        }),
      );
      return;
    }
    const lists: Record<ListKey, string[]> = {
      schedule: cellItems(cell('schedule')),
      resources: cellItems(cell('resources')),
      expectedResults: cellItems(cell('expectedResults')),
      indicators: cellItems(cell('indicators')),
      followUps: cellItems(cell('followUps')),
    };
    this.lastAction = { description, lists };
    this.objective.actions.push(this.lastAction);
    this.actionCount += 1;
  }

  /**
   * The row's cells under the header's columns. Text pasted from Word loses a row's empty first cell
   * (the OBJECTIF of an objective's second action): a row one cell short gets it back. Empty cells past
   * the header are fine.
   */
  private alignCells(row: SourceRow, header: HeaderMatch, texts: readonly string[]): readonly string[] | null {
    let found = row.cells.length;
    while (found > header.width && texts[found - 1] === '') found -= 1;
    if (found === header.width) return row.cells;
    const objectiveIndex = header.columns.objective?.index ?? 0;
    if (found === header.width - 1) return [...row.cells.slice(0, objectiveIndex), '', ...row.cells.slice(objectiveIndex)];
    this.problems.push(
      problem(row.line, null, 'wrong_cell_count', `Line ${row.line}: the row has ${found} cells where the header has ${header.width}`, {
        expected: header.width,
        found,
      }),
    );
    return null;
  }

  private continuePreviousRow(line: number, cell: (key: ColumnKey) => string, actionLabel: string): void {
    const previous = this.lastAction;
    if (previous === null) {
      this.problems.push(
        problem(
          line,
          actionLabel,
          'missing_value',
          `Line ${line}, column ${actionLabel}: the row has no action, and no row above it to continue`,
          {
            column: actionLabel,
          },
        ),
      );
      return;
    }
    for (const key of LIST_KEYS) appendContinuation(previous.lists[key], splitCellItems(cell(key)));
  }

  /** An ÉCHÉANCIER the schedule reader does not know stays « to be determined »; a day that cannot exist is a typo. */
  private checkSchedule(line: number, raw: string, column: string): void {
    const impossible = findImpossibleDate(cellPlainText(raw));
    if (impossible === null) return;
    this.problems.push(
      problem(line, column, 'bad_date', `Line ${line}, column ${column}: "${impossible}" is not a date`, { column, value: impossible }),
    );
  }
}

/**
 * Reads an action plan's table (« OBJECTIF · MOYENS-ACTIONS · ÉCHÉANCIER · … ») and the lines around it,
 * from pasted text, a CSV or an XLSX sheet alike. Nothing is written: the problems say what blocks the import.
 */
export function parsePlanTable(rows: readonly SourceRow[]): ParsedPlanTable {
  const reader = new PlanTableReader();
  for (const row of rows) reader.read(row);
  reader.finish();
  const years = reader.title === null ? null : readYears(reader.title);
  return {
    title: reader.title,
    date: reader.date,
    firstYear: years?.firstYear ?? null,
    lastYear: years?.lastYear ?? null,
    orientations: reader.orientations.map(toOrientation),
    problems: reader.problems,
  };
}
