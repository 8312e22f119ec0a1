import ExcelJS from 'exceljs';
import { csvConvention, csvDocument, type CsvCell } from '@backend/common/csv-convention';
import type { AnswerValue, Question, Translations } from '@backend/questionnaires/question.types';
import { neutralizeFormula } from '@backend/reports/render/spreadsheet-safe';
import type { ExportFormat, ExportLanguage } from './dto/response-query.dto';
import type { StoredResponseView } from './responses.service';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export interface ResponsesExportInput {
  questionnaire: { slug: string; title: Translations; defaultLanguage: string };
  /** Every version, newest first: the columns are the questions of all of them, the newest wording first. */
  versions: { version: number; questions: Question[] }[];
  /** Newest answered first. */
  responses: StoredResponseView[];
  format: ExportFormat;
  language: ExportLanguage;
}

const STRINGS: Record<
  ExportLanguage,
  {
    notice: string;
    sheet: string;
    id: string;
    answeredAt: string;
    receivedAt: string;
    version: string;
    language: string;
    yes: string;
    no: string;
    fileName: string;
  }
> = {
  fr: {
    notice: 'Réponses brutes : confidentielles, ne pas publier',
    sheet: 'Réponses',
    id: 'Réponse',
    answeredAt: 'Répondu le',
    receivedAt: 'Reçu le',
    version: 'Version',
    language: 'Langue',
    yes: 'oui',
    no: 'non',
    fileName: 'reponses-brutes',
  },
  en: {
    notice: 'Raw responses: confidential; do not publish',
    sheet: 'Responses',
    id: 'Response',
    answeredAt: 'Answered at',
    receivedAt: 'Received at',
    version: 'Version',
    language: 'Language',
    yes: 'yes',
    no: 'no',
    fileName: 'raw-responses',
  },
};

/** The notice every export opens with, in its language. */
export const exportNotice = (language: ExportLanguage): string => STRINGS[language].notice;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const label = (text: Translations, language: string, fallback: string): string =>
  text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';

/** The questions of all versions, once each by id, in the newest version's order and then the older ones'. */
function columnsOf(input: ResponsesExportInput): { id: string; heading: string }[] {
  const seen = new Map<string, string>();
  for (const v of input.versions) {
    for (const q of v.questions) {
      if (!seen.has(q.id)) seen.set(q.id, label(q.label, input.language, input.questionnaire.defaultLanguage));
    }
  }
  return [...seen].map(([id, heading]) => ({ id, heading }));
}

/** An answer as a cell: codes joined by « | », yes/no in words, numbers as numbers, « prefer not » empty. */
function cellOf(value: AnswerValue | undefined, language: ExportLanguage): CsvCell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(' | ');
  if (typeof value === 'boolean') return value ? STRINGS[language].yes : STRINGS[language].no;
  return value;
}

function table(input: ResponsesExportInput): { header: string[]; rows: CsvCell[][] } {
  const t = STRINGS[input.language];
  const columns = columnsOf(input);
  const header = [t.id, t.answeredAt, t.receivedAt, t.version, t.language, ...columns.map((c) => c.heading)];
  const rows = input.responses.map((r) => [
    r.id,
    new Date(r.answeredAt).toISOString(),
    new Date(r.receivedAt).toISOString(),
    r.version,
    r.language,
    ...columns.map((c) => cellOf(r.answers[c.id], input.language)),
  ]);
  return { header, rows };
}

/**
 * Raw responses as a CSV in its reader's convention (French: `;` and decimal comma) or a workbook; either way the
 * first line says they are confidential, and no text cell can start a formula.
 */
export async function renderResponsesExport(input: ResponsesExportInput): Promise<ExportedFile> {
  const t = STRINGS[input.language];
  const fileName = `${t.fileName}-${input.questionnaire.slug}.${input.format}`;
  const { header, rows } = table(input);
  if (input.format === 'csv') {
    const body = csvDocument([[t.notice], header, ...rows], csvConvention(input.language));
    return { fileName, contentType: CONTENT_TYPES.csv, body };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Repère';
  wb.title = `${t.notice} — ${label(input.questionnaire.title, input.language, input.questionnaire.defaultLanguage)}`;
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  const notice = ws.addRow([t.notice]);
  notice.font = { bold: true, color: { argb: 'FFB42318' } };
  ws.mergeCells(1, 1, 1, Math.max(header.length, 1));
  const heading = ws.addRow(header.map(neutralizeFormula));
  heading.font = { bold: true };
  for (const row of rows) ws.addRow(row.map((cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : cell)));
  ws.columns.forEach((column, i) => {
    column.width = i === 0 ? 38 : i < 3 ? 26 : 18;
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: header.length } };
  return { fileName, contentType: CONTENT_TYPES.xlsx, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
