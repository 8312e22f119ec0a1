import { COLUMN_TARGETS, type ColumnTarget } from '@repere/contract';
import { apiUpload } from '@/lib/api-client';
import { api, call, type Schemas } from '@/lib/api/client';

// backend/src/imports: a file is uploaded, analysed by the workers into a preview and a list of problems, then,
// once the user confirms, imported by the workers. Nothing is written before the confirmation.

// Kinds, statuses, the largest file and the columns' pseudo-targets: @repere/contract's, as the API's.
export type ImportKind = Schemas['ImportKind'];
export type ImportStatus = Schemas['ImportStatus'];

export const ACCEPTED_EXTENSIONS = '.csv,.tsv,.txt,.xlsx';

/** The Content-Types the API reads; anything else the browser guesses (a CSV as vnd.ms-excel on Windows…) goes as octet-stream. */
const CONTENT_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

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

/**
 * Which options and preview each kind of import carries: openapi.json documents ImportDto's options and preview as
 * one of three schemas, and its kind says which. Indexed by ImportKind, so a new kind fails the typecheck here.
 */
interface ByKind {
  plan: { options: Schemas['PlanImportOptionsDto']; preview: Schemas['PlanPreviewDto'] };
  'work-cell': { options: Schemas['WorkCellImportOptionsDto']; preview: Schemas['WorkCellPreviewDto'] };
  responses: { options: Schemas['ResponsesImportOptionsDto']; preview: Schemas['ResponsesPreviewDto'] };
}

export type PlanImportOptions = ByKind['plan']['options'];
export type WorkCellImportOptions = ByKind['work-cell']['options'];
export type ResponsesImportOptions = ByKind['responses']['options'];
export type PlanPreview = ByKind['plan']['preview'];
export type PreviewAction = Schemas['PlanPreviewActionDto'];
export type WorkCellPreview = ByKind['work-cell']['preview'];
export type ResponsesPreview = ByKind['responses']['preview'];

/** What PATCH takes, per kind: the responses' questionnaire is chosen at the upload and never changes. */
export type OptionsInputByKind = {
  [K in ImportKind]: Omit<ByKind[K]['options'], 'questionnaireId'>;
};

export type ImportOptionsInput = OptionsInputByKind[ImportKind];

/** The API's ImportDto of one kind: its options and preview are that kind's. */
export type ImportOf<K extends ImportKind> = Omit<Schemas['ImportDto'], 'kind' | 'options' | 'preview'> & {
  kind: K;
  options: ByKind[K]['options'];
  preview: ByKind[K]['preview'] | null;
};

export type PlanImport = ImportOf<'plan'>;
export type WorkCellImport = ImportOf<'work-cell'>;
export type ResponsesImport = ImportOf<'responses'>;

/** The API's ImportDto; its `kind` tells which options and preview it carries. */
export type ImportDto = { [K in ImportKind]: ImportOf<K> }[ImportKind];
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

// The document gives options and preview as one of three schemas without tying them to the kind: the answer is read
// as this kind's ImportDto (ByKind).
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
