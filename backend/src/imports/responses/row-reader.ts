import { hash } from 'node:crypto';
import type { AnswerValue, Question } from '@backend/questionnaires/question.types';
import { encodeAnswers } from '@backend/responses/answer-codes';
import { AnswerKeys, toStoredAnswers } from '@backend/responses/answer-keys';
import { message } from '@backend/responses/answer-messages';
import { validateAnswers } from '@backend/responses/validate-answers';
import { problem, ProblemList, SourceRow } from '../import-problem';
import { parseAnsweredAt } from './answered-at';
import { CellReader, cellReader } from './cell-values';
import { mapColumns } from './column-mapping';

export interface ResponsesImportOptions {
  questionnaireId: string;
  /** By header: a question id, '@date', '@id', '@language' or '@ignore'. */
  columns?: Record<string, string>;
  /** By question id: other labels → choice codes. */
  choices?: Record<string, Record<string, string>>;
}

export interface StagedRow {
  line: number;
  key: string;
  answeredAt: string;
  language: string;
  /**
   * Its answers: rows with the same answers share them (an export repeats a few thousand combinations a million times),
   * staged once under `answersId` (staging.ts).
   */
  answersId: number;
  /** As stored in `responses.answers`: keyed by the version's answer keys. */
  answersJson: string;
  /** Hex of the answer codes, or null (the row is then read from its JSON, as answer-codes.ts allows). */
  codesHex: string | null;
}

const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/**
 * A stable UUID from a row: the same row of the same file gives the same idempotency key, import after import. Its
 * first six bytes are the row's local date and time (YYYYMMDDhhmmss as a number): rows written in the order of their
 * keys are then also in the order of their dates, and each index of `responses` grows at its end instead of at
 * random pages (31 s for a million rows in random order, 10.6 s in this order: bench:import).
 */
function rowUuid(answeredAt: string, text: string): string {
  // The digits of « YYYY-MM-DD hh:mm:ss » (parseAnsweredAt always starts so), read without a regular expression.
  let n = 0;
  for (const i of DATE_DIGITS) n = n * 10 + answeredAt.charCodeAt(i) - 48;
  const t = n.toString(16).padStart(12, '0');
  const h = hash('md5', text, 'hex');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

/** Distinct combinations of answers remembered: an export repeats a few thousand of them a million times. */
const ANSWERS_MEMO = 100_000;

interface CheckedAnswers {
  answersId: number;
  answersJson: string;
  codesHex: string | null;
}

/**
 * Reads the rows of another tool's export into responses of one questionnaire version. The idempotency key of a row
 * is its identifier (when a column is one) or its cells, plus how many identical rows came before it in the file,
 * so that the same file imported twice, in any order, stores each row once; it does not depend on the mapping.
 */
export class ResponseRowReader {
  readonly headers: readonly string[];
  readonly targets: readonly string[];
  readonly problems = new ProblemList();
  /** False when the columns themselves are wrong (no date, no question): reading the rows would only repeat it. */
  readonly headerOk: boolean;
  /** Labels no choice matched, by question, with their count: the preview lets the user map them. */
  readonly unmatched = new Map<string, Map<string, number>>();
  private readonly readers: { index: number; question: Question; read: CellReader }[];
  private readonly dateIndex: number;
  private readonly idIndex: number;
  private readonly languageIndex: number;
  private readonly seen = new Map<string, number>();
  private readonly memo = new Map<string, CheckedAnswers>();
  private answersIds = 0;

  constructor(
    header: SourceRow,
    private readonly questionnaireId: string,
    private readonly questions: Question[],
    private readonly languages: readonly string[],
    private readonly defaultLanguage: string,
    options: ResponsesImportOptions,
    /** The version's answer keys (the answers are staged as stored); by question id when absent (tests). */
    private readonly answerKeys: AnswerKeys | null = null,
  ) {
    this.headers = header.cells.map((c) => c.trim());
    const mapping = mapColumns(this.headers, questions, options.columns);
    this.targets = mapping.targets;
    this.problems.addAll(mapping.problems);
    this.headerOk = mapping.problems.length === 0;
    const byId = new Map(questions.map((q) => [q.id, q]));
    this.readers = this.targets.flatMap((target, index) => {
      const question = byId.get(target);
      return question ? [{ index, question, read: cellReader(question, options.choices?.[question.id]) }] : [];
    });
    this.dateIndex = this.targets.indexOf('@date');
    this.idIndex = this.targets.indexOf('@id');
    this.languageIndex = this.targets.indexOf('@language');
  }

  /** The row as a response to stage, or null when it has problems (added to `problems`). */
  read(row: SourceRow): StagedRow | null {
    const cells = row.cells;
    const before = this.problems.count;
    if (cells.length !== this.headers.length && !(cells.length < this.headers.length && cells.length > 0)) {
      this.problems.add(
        problem(
          row.line,
          null,
          'wrong_cell_count',
          `Line ${row.line} has ${cells.length} cells where the header has ${this.headers.length}`,
          { expected: this.headers.length, found: cells.length },
        ),
      );
      return null;
    }
    const answers = this.answers(row.line, cells);
    const dateText = this.dateIndex >= 0 ? (cells[this.dateIndex] ?? '').trim() : '';
    const answeredAt = parseAnsweredAt(dateText);
    if (this.dateIndex >= 0 && answeredAt === null) {
      const column = this.headers[this.dateIndex];
      this.problems.add(
        dateText === ''
          ? problem(row.line, column, 'missing_value', `Line ${row.line}: the date is missing`, { column })
          : problem(row.line, column, 'bad_date', `Line ${row.line}, column "${column}": "${dateText}" is not a date`, { value: dateText }),
      );
    }
    let language = this.defaultLanguage;
    if (this.languageIndex >= 0) {
      const given = (cells[this.languageIndex] ?? '').trim().toLowerCase();
      if (given !== '') language = given;
      if (!LANGUAGE.test(language) || !this.languages.includes(language)) {
        const column = this.headers[this.languageIndex];
        this.problems.add(
          problem(
            row.line,
            column,
            'unknown_language',
            `Line ${row.line}: "${given}" is not a language of this questionnaire (${this.languages.join(', ')})`,
            { value: given },
          ),
        );
      }
    }
    if (this.problems.count > before || answeredAt === null || answers === null) return null;
    return {
      line: row.line,
      key: this.key(answeredAt, cells),
      answeredAt,
      language,
      answersId: answers.answersId,
      answersJson: answers.answersJson,
      codesHex: answers.codesHex,
    };
  }

  /**
   * The row's answers checked against the questions (one problem per unreadable cell, then what the questionnaire's
   * rules say); null when there are problems. Rows with the same cells for the questions share the outcome.
   */
  private answers(line: number, cells: readonly string[]): CheckedAnswers | null {
    let memoKey = '';
    for (const r of this.readers) memoKey += `${cells[r.index] ?? ''}\u0001`;
    const known = this.memo.get(memoKey);
    if (known !== undefined) return known;
    const entries: { questionId: string; value: AnswerValue }[] = [];
    let unreadable: Set<string> | null = null;
    for (const { index, question, read } of this.readers) {
      const cell = read(cells[index] ?? '');
      if ('problem' in cell) {
        this.cellProblem(line, index, question, cell.problem, cell.label);
        (unreadable ??= new Set()).add(question.id);
        continue;
      }
      if (cell.value !== undefined) entries.push({ questionId: question.id, value: cell.value });
    }
    const validated = validateAnswers(this.questions, entries);
    let problems = unreadable !== null;
    for (const p of validated.problems) {
      // A cell already reported as unreadable is not also « required »: one problem per cell.
      if (p.questionId !== undefined && unreadable?.has(p.questionId)) continue;
      problems = true;
      const index = this.readers.find((r) => r.question.id === p.questionId)?.index ?? -1;
      const column = index >= 0 ? this.headers[index] : null;
      this.problems.add(
        problem(line, column, 'invalid_answer', `Line ${line}, column "${column ?? p.questionId}": ${message('en', p.key, p.params)}`, {
          reason: p.key,
          ...(p.questionId ? { question: p.questionId } : {}),
        }),
      );
    }
    // Rows with problems are not remembered: each must be reported with its own line.
    if (problems) return null;
    const codes = encodeAnswers(this.questions, validated.answers);
    const stored = this.answerKeys === null ? validated.answers : toStoredAnswers(validated.answers, this.answerKeys);
    const checked = {
      answersId: (this.answersIds += 1),
      answersJson: JSON.stringify(stored),
      codesHex: codes === null ? null : codes.toString('hex'),
    };
    if (this.memo.size < ANSWERS_MEMO) this.memo.set(memoKey, checked);
    return checked;
  }

  private key(answeredAt: string, cells: readonly string[]): string {
    if (this.idIndex >= 0 && (cells[this.idIndex] ?? '').trim() !== '')
      return rowUuid(answeredAt, `${this.questionnaireId}\u0000id\u0000${cells[this.idIndex].trim()}`);
    // Remembered by digest, not by content: a million rows' cells would take hundreds of megabytes.
    const digest = hash('md5', `${this.questionnaireId}\u0000${cells.join('\u0001')}`, 'base64');
    const n = this.seen.get(digest) ?? 0;
    this.seen.set(digest, n + 1);
    return rowUuid(answeredAt, `${digest}\u0000${n}`);
  }

  private cellProblem(line: number, index: number, q: Question, code: string, label: string): void {
    const column = this.headers[index];
    if (code === 'unknown_choice') {
      const counts = this.unmatched.get(q.id) ?? new Map<string, number>();
      if (counts.size < 100 || counts.has(label)) counts.set(label, (counts.get(label) ?? 0) + 1);
      this.unmatched.set(q.id, counts);
    }
    const what =
      code === 'unknown_choice'
        ? 'matches no choice of the question'
        : code === 'bad_yes_no'
          ? 'is not yes or no'
          : code === 'bad_number'
            ? 'is not a number'
            : 'is not a date';
    this.problems.add(
      problem(line, column, code === 'bad_yes_no' ? 'invalid_answer' : code, `Line ${line}, column "${column}": "${label}" ${what}`, {
        value: label,
        question: q.id,
      }),
    );
  }
}
