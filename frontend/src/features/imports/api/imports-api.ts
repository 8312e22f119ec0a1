import type { ScheduleKind } from '@repere/contract';
import { apiUpload } from '@/lib/api-client';
import { api, call, type Schemas } from '@/lib/api/client';

// backend/src/imports: a file is uploaded, analysed by the workers into a preview and a list of problems, then,
// once the user confirms, imported by the workers. Nothing is written before the confirmation.

export type ImportKind = Schemas['ImportKind'];
// In the page's order; `satisfies` fails the typecheck if the API drops one.
export const IMPORT_KINDS = ['plan', 'work-cell', 'responses'] as const satisfies readonly ImportKind[];

export type ImportStatus = Schemas['ImportStatus'];
export const IMPORT_STATUSES = ['analyzing', 'ready', 'invalid', 'importing', 'done', 'failed'] as const satisfies readonly ImportStatus[];

/** Who may import (the API's PLAN_WRITERS). */
export const IMPORTERS = ['admin', 'evaluator'] as const satisfies readonly Schemas['Role'][];

/** The API refuses bodies larger than this (413). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export const ACCEPTED_EXTENSIONS = '.csv,.tsv,.txt,.xlsx';

/** The Content-Types the API reads; anything else the browser guesses (a CSV as vnd.ms-excel on Windows…) goes as octet-stream. */
const CONTENT_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

/** The pseudo-targets of a responses file's column, beside the questions' ids. */
export const COLUMN_TARGETS = ['@date', '@id', '@language', '@ignore'] as const;
export type ColumnTarget = (typeof COLUMN_TARGETS)[number];

/**
 * The problems' wordings the web app has, in the user's language: a code, or a code and the variant its params
 * name (missing_column of the responses' date, already_exists of a plan's title…). Any other code is shown with the
 * API's own message.
 */
export const PROBLEM_WORDINGS = [
  'not_text',
  'too_large',
  'empty_file',
  'bad_encoding',
  'bad_csv',
  'bad_xlsx',
  'workbook_too_large',
  'no_table',
  'no_rows',
  'missing_header',
  'missing_orientation',
  'duplicate_orientation',
  'missing_column',
  'missing_column_date',
  'missing_column_questions',
  'wrong_cell_count',
  'missing_value',
  'bad_date',
  'bad_date_order',
  'not_a_fiche',
  'missing_field',
  'duplicate_field',
  'unknown_network',
  'already_exists_plan',
  'already_exists_work_cell',
  'unknown_plan',
  'unknown_objective',
  'unknown_questionnaire',
  'not_published',
  'unknown_column',
  'unknown_question',
  'duplicate_column',
  'unknown_choice',
  'bad_number',
  'invalid_answer',
  'invalid_answer_yes_no',
  'unknown_language',
  // invalid_answer, by the rule of the questionnaire the answer breaks (params.reason)
  'invalid_answer_required',
  'invalid_answer_required_no_column',
  'invalid_answer_hidden',
  'invalid_answer_prefer_not',
  'invalid_answer_choice',
  'invalid_answer_choices',
  'invalid_answer_scale_any',
  'invalid_answer_number',
  'invalid_answer_date',
  'invalid_answer_duplicate_question',
  'invalid_answer_unknown_question',
] as const;
export type ProblemWording = (typeof PROBLEM_WORDINGS)[number];

export const isProblemWording = (key: string): key is ProblemWording => PROBLEM_WORDINGS.some((known) => known === key);

/** The fields a missing_field problem may name, worded by the web app. */
export const PROBLEM_FIELDS = ['name', 'organization', 'startDate', 'endDate', 'title', 'planId'] as const;
export type ProblemField = (typeof PROBLEM_FIELDS)[number];

export const isProblemField = (field: unknown): field is ProblemField => PROBLEM_FIELDS.some((known) => known === field);

export const isColumnTarget = (target: string): target is ColumnTarget => COLUMN_TARGETS.some((pseudo) => pseudo === target);

export type ImportProblem = Schemas['ImportProblemDto'];
export type ImportProgress = Schemas['ImportProgressDto'];
export type ImportResult = Schemas['ImportResultDto'];

// openapi.json describes an import's options and preview as free-form objects (they differ by kind): their shapes
// below are the web app's reading of backend/src/imports (plan-preview, work-cell-preview, responses-preview).

export interface PlanImportOptions {
  title?: string;
  ownerName?: string;
  description?: string;
  startDate?: string;
  endDate?: string;
}

export interface WorkCellImportOptions {
  planId?: string;
  name?: string;
}

export interface ResponsesImportOptions {
  questionnaireId: string;
  columns?: Record<string, string>;
  choices?: Record<string, Record<string, string>>;
}

/** What PATCH takes, per kind: the responses' questionnaire is chosen at the upload and never changes. */
export interface OptionsInputByKind {
  plan: PlanImportOptions;
  'work-cell': WorkCellImportOptions;
  responses: Omit<ResponsesImportOptions, 'questionnaireId'>;
}

export type ImportOptionsInput = OptionsInputByKind[ImportKind];

export interface PreviewAction {
  description: string;
  scheduleText: string;
  schedule: { kind: ScheduleKind; date: string | null; recurrence: string | null };
  resources: string;
  expectedResults: string[];
  indicators: string[];
  instruments: { name: string; kind: string }[];
}

export interface PreviewObjective {
  code: string;
  title: string;
  actions: PreviewAction[];
}

export interface PreviewOrientation {
  number: number;
  title: string;
  objectives: PreviewObjective[];
}

export interface PlanPreview {
  title: string;
  ownerName: string | null;
  description?: string | null;
  startDate: string | null;
  endDate: string | null;
  counts: {
    orientations: number;
    objectives: number;
    actions: number;
    expectedResults: number;
    indicators: number;
    instruments: number;
  };
  orientations: PreviewOrientation[];
}

export interface WorkCellPreview {
  name: string;
  objectiveCode: string | null;
  objectiveText: string | null;
  objective: { id: string; code: string; title: string; planTitle: string } | null;
  startDate: string | null;
  startDateText: string | null;
  mandate: string;
  contact: string | null;
  steps: { text: string; done: boolean; phase: string | null; date: string | null }[];
  partners: {
    organization: string;
    acronym: string | null;
    network: string | null;
    sector: string;
    existing: { id: string; name: string } | null;
  }[];
  partnersNote: string | null;
  counts: { steps: number; partners: number; newOrganizations: number };
}

export interface PreviewQuestion {
  id: string;
  label: string;
  type: string;
  choices: { value: string; label: string }[];
}

export interface ResponsesPreview {
  questionnaire: { id: string; title: string; version: number };
  rows: number;
  /** Null while the file has problems: rows are compared with the stored responses once they all read. */
  newRows: number | null;
  alreadyImported: number | null;
  columns: { header: string; target: string | null; sample: string[] }[];
  questions: PreviewQuestion[];
  unmatchedLabels: { questionId: string; label: string; count: number }[];
  firstDate: string | null;
  lastDate: string | null;
}

/** The API's ImportDto but its kind-dependent options and preview. */
type ImportBase = Omit<Schemas['ImportDto'], 'kind' | 'options' | 'preview'>;

export interface PlanImport extends ImportBase {
  kind: 'plan';
  options: PlanImportOptions;
  preview: PlanPreview | null;
}

export interface WorkCellImport extends ImportBase {
  kind: 'work-cell';
  options: WorkCellImportOptions;
  preview: WorkCellPreview | null;
}

export interface ResponsesImport extends ImportBase {
  kind: 'responses';
  options: ResponsesImportOptions;
  preview: ResponsesPreview | null;
}

/** The API's ImportDto; its `kind` tells which options and preview it carries. */
export type ImportDto = PlanImport | WorkCellImport | ResponsesImport;
export type ImportPage = Omit<Schemas['ImportPageDto'], 'items'> & { items: ImportDto[] };

export interface NewImport {
  kind: ImportKind;
  file: Blob;
  fileName: string;
  questionnaireId?: string;
}

export type SessionUser = Schemas['UserDto'];
export type PlanOption = Schemas['PlanDto'];
export type QuestionnaireOption = Schemas['QuestionnaireListItemDto'];

export function contentTypeOf(file: Blob): string {
  return CONTENT_TYPES.find((type) => type === file.type) ?? 'application/octet-stream';
}

/** The analysis starts at once in the workers; the answer (202) is the import, status 'analyzing'. */
export function createImport({ kind, file, fileName, questionnaireId }: NewImport): Promise<ImportDto> {
  return apiUpload<ImportDto>('/imports', file, {
    query: { kind, fileName, questionnaireId },
    contentType: contentTypeOf(file),
  });
}

// The API types options and preview loosely (free-form objects): the answer is read as this kind's ImportDto.
const asImport = (dto: Schemas['ImportDto']): ImportDto => dto as ImportDto;

export function fetchImport(id: string, signal?: AbortSignal): Promise<ImportDto> {
  return call(api.GET('/api/imports/{id}', { params: { path: { id } }, signal })).then(asImport);
}

export async function fetchImports(page: number, limit: number, signal?: AbortSignal): Promise<ImportPage> {
  const answer = await call(api.GET('/api/imports', { params: { query: { page, limit } }, signal }));
  return { ...answer, items: answer.items.map(asImport) };
}

/** New options (they replace the previous ones) send the import back to 'analyzing'; 409 once confirmed. */
export function updateImportOptions(id: string, options: ImportOptionsInput): Promise<ImportDto> {
  return call(api.PATCH('/api/imports/{id}', { params: { path: { id } }, body: { options } })).then(asImport);
}

/** 409 import_not_ready unless the import is 'ready'. */
export function confirmImport(id: string): Promise<ImportDto> {
  return call(api.POST('/api/imports/{id}/confirm', { params: { path: { id } } })).then(asImport);
}

export async function deleteImport(id: string): Promise<void> {
  await call(api.DELETE('/api/imports/{id}', { params: { path: { id } } }));
}

export function fetchMe(signal?: AbortSignal): Promise<SessionUser> {
  return call(api.GET('/api/auth/me', { signal }));
}

export function fetchPlanOptions(signal?: AbortSignal): Promise<Schemas['PlanPageDto']> {
  return call(api.GET('/api/plans', { params: { query: { page: 1, limit: 200 } }, signal }));
}

export function fetchQuestionnaireOptions(signal?: AbortSignal): Promise<Schemas['QuestionnaireListItemPageDto']> {
  return call(api.GET('/api/questionnaires', { params: { query: { page: 1, limit: 200 } }, signal }));
}
