import type {
  AnswerCode,
  Dimension,
  IndicatorKind,
  IndicatorSource,
  Question,
  QuestionType,
  RatioPart,
  RatioPartKind,
} from '@repere/contract';
import type { IndicatorBody, IndicatorDefinition } from '@/features/workspace/api/indicators-api';
import type { Problems } from '@/features/workspace/components/form-errors';
import { Checker, numberOrNull, orNull, text } from '@/features/workspace/components/form-rules';

/** The form as typed: numbers stay text until they are checked. */
export interface RatioFields {
  kind: RatioPartKind;
  questionnaireId: string;
  instrumentIds: string[];
  value: string;
}

export interface IndicatorFields {
  name: string;
  unit: string;
  /** What a reader should know about the figure, e.g. why it has none. */
  note: string;
  objectiveId: string;
  actionId: string;
  expectedResultId: string;
  kind: IndicatorKind;
  status: IndicatorDefinition['status'];
  questionnaireId: string;
  questionId: string;
  anyOf: AnswerCode[];
  instrumentIds: string[];
  numerator: RatioFields;
  denominator: RatioFields;
  /** A work cell's steps (work_steps_done), of one phase or ('') all of them. */
  workCellId: string;
  phase: string;
  baselineValue: string;
  baselineDate: string;
  midtermTarget: string;
  finalTarget: string;
  direction: IndicatorDefinition['direction'];
  grain: IndicatorDefinition['grain'];
  dimensions: Dimension[];
}

/** Kinds that read a questionnaire's answers. */
export const QUESTIONNAIRE_KINDS: readonly IndicatorKind[] = ['response_count', 'answer_share', 'scale_mean'];

/** The questions each kind may count. */
export function questionTypesFor(kind: IndicatorKind): readonly QuestionType[] {
  if (kind === 'scale_mean') return ['scale', 'number'];
  return ['single_choice', 'multiple_choice', 'yes_no', 'scale'];
}

/** Whether the kind takes a set of answers that count (a mean takes every answer). */
export function takesAnswers(kind: IndicatorKind, questionId: string): boolean {
  return kind === 'answer_share' || (kind === 'response_count' && questionId !== '');
}

const emptyRatio = (kind: RatioPartKind): RatioFields => ({ kind, questionnaireId: '', instrumentIds: [], value: '' });

function ratioFields(part: RatioPart | undefined, fallback: RatioPartKind): RatioFields {
  if (!part) return emptyRatio(fallback);
  return { kind: part.kind, questionnaireId: part.questionnaireId ?? '', instrumentIds: part.instrumentIds ?? [], value: text(part.value) };
}

export function initialFields(
  indicator: IndicatorDefinition | undefined,
  defaults: { objectiveId: string; actionId: string },
): IndicatorFields {
  const source = indicator?.source ?? {};
  return {
    name: indicator?.name ?? '',
    unit: indicator?.unit ?? '',
    note: indicator?.note ?? '',
    objectiveId: indicator?.objectiveId ?? defaults.objectiveId,
    actionId: indicator ? (indicator.actionId ?? '') : defaults.actionId,
    expectedResultId: indicator?.expectedResultId ?? '',
    kind: indicator?.kind ?? 'answer_share',
    status: indicator?.status ?? 'draft',
    questionnaireId: source.questionnaireId ?? '',
    questionId: source.questionId ?? '',
    anyOf: source.anyOf ?? [],
    instrumentIds: source.instrumentIds ?? [],
    numerator: ratioFields(source.numerator, 'participation_sum'),
    denominator: ratioFields(source.denominator, 'constant'),
    workCellId: source.workCellId ?? '',
    phase: source.phase ?? '',
    baselineValue: text(indicator?.baselineValue),
    baselineDate: indicator?.baselineDate ?? '',
    midtermTarget: text(indicator?.midtermTarget),
    finalTarget: text(indicator?.finalTarget),
    direction: indicator?.direction ?? 'up',
    grain: indicator?.grain ?? 'quarter',
    dimensions: indicator?.dimensions ?? [],
  };
}

function checkRatio(check: Checker, field: string, part: RatioFields): void {
  if (part.kind === 'constant') {
    const value = Number(part.value);
    if (part.value.trim() === '' || !Number.isFinite(value) || value <= 0) check.add(`${field}.value`, 'positive');
  }
  if (part.kind === 'response_count' && !part.questionnaireId) check.add(`${field}.questionnaireId`, 'questionnaire');
  if (part.kind === 'participation_sum' && part.instrumentIds.length === 0) check.add(`${field}.instrumentIds`, 'instruments');
}

/**
 * The API's rules (CreateIndicatorDto and check-source.ts): what each kind needs from its source, a question of
 * the chosen questionnaire, a scale or number question for a mean, the answers that count for a share.
 */
export function checkIndicator(form: IndicatorFields, questions: readonly Question[] | undefined): Problems {
  const check = new Checker();
  check.required('name', form.name, 1000);
  check.maxLength('unit', form.unit, 60);
  check.maxLength('note', form.note, INDICATOR_NOTE_MAX);
  if (!form.objectiveId) check.add('objectiveId', 'objective');
  for (const field of ['baselineValue', 'midtermTarget', 'finalTarget'] as const) check.number(field, form[field]);
  check.date('baselineDate', form.baselineDate);

  if (form.kind === 'ratio') {
    checkRatio(check, 'source.numerator', form.numerator);
    checkRatio(check, 'source.denominator', form.denominator);
    return check.problems;
  }
  if (form.kind === 'work_steps_done') {
    if (!form.workCellId) check.add('source.workCellId', 'workCell');
    return check.problems;
  }
  if (form.kind === 'answer_share' || form.kind === 'scale_mean' || (form.kind === 'response_count' && form.questionId)) {
    if (!form.questionnaireId) check.add('source.questionnaireId', 'questionnaire');
    else if (!form.questionId) check.add('source.questionId', 'question');
    else if (questions) {
      const question = questions.find((candidate) => candidate.id === form.questionId);
      if (!question) check.add('source.questionId', 'question');
      else if (form.kind === 'scale_mean' && question.type !== 'scale' && question.type !== 'number')
        check.add('source.questionId', 'scaleQuestion');
    }
    if (form.kind !== 'scale_mean' && form.anyOf.length === 0) check.add('source.anyOf', 'anyOf');
  }
  if (form.anyOf.length > 50) check.add('source.anyOf', 'tooMany', { max: 50 });
  if (form.instrumentIds.length > 50) check.add('source.instrumentIds', 'tooMany', { max: 50 });
  return check.problems;
}

/** CreateIndicatorDto's limit on the note. */
export const INDICATOR_NOTE_MAX = 2000;

export const INDICATOR_SLOTS: readonly string[] = [
  'name',
  'unit',
  'note',
  'objectiveId',
  'actionId',
  'expectedResultId',
  'kind',
  'status',
  'baselineValue',
  'baselineDate',
  'midtermTarget',
  'finalTarget',
  'direction',
  'grain',
  'dimensions',
  'instrumentIds',
  'source',
  'source.questionnaireId',
  'source.questionId',
  'source.anyOf',
  'source.instrumentIds',
  'source.workCellId',
  'source.phase',
  ...['numerator', 'denominator'].flatMap((part) => [
    `source.${part}`,
    `source.${part}.kind`,
    `source.${part}.questionnaireId`,
    `source.${part}.instrumentIds`,
    `source.${part}.value`,
  ]),
];

function ratioPart(part: RatioFields): RatioPart {
  if (part.kind === 'constant') return { kind: 'constant', value: Number(part.value) };
  if (part.kind === 'response_count') return { kind: 'response_count', questionnaireId: part.questionnaireId };
  return { kind: 'participation_sum', instrumentIds: part.instrumentIds };
}

/**
 * What is sent. The instruments the indicator is linked to follow from its source: the questionnaire's own
 * instrument, or the counts it sums.
 */
export function toBody(form: IndicatorFields, instrumentOfQuestionnaire: (id: string) => string | null): IndicatorBody {
  let source: IndicatorSource = {};
  let links: string[] = [];
  const questionnaireLink = (id: string): string[] => {
    const instrument = id ? instrumentOfQuestionnaire(id) : null;
    return instrument ? [instrument] : [];
  };
  switch (form.kind) {
    case 'response_count':
      source = form.questionId
        ? { questionnaireId: form.questionnaireId, questionId: form.questionId, anyOf: form.anyOf }
        : form.questionnaireId
          ? { questionnaireId: form.questionnaireId }
          : {};
      links = questionnaireLink(form.questionnaireId);
      break;
    case 'answer_share':
      source = { questionnaireId: form.questionnaireId, questionId: form.questionId, anyOf: form.anyOf };
      links = questionnaireLink(form.questionnaireId);
      break;
    case 'scale_mean':
      source = { questionnaireId: form.questionnaireId, questionId: form.questionId };
      links = questionnaireLink(form.questionnaireId);
      break;
    case 'participation_sum':
      source = { instrumentIds: form.instrumentIds };
      links = form.instrumentIds;
      break;
    case 'ratio': {
      const numerator = ratioPart(form.numerator);
      const denominator = ratioPart(form.denominator);
      source = { numerator, denominator };
      links = [
        ...new Set(
          [numerator, denominator].flatMap((part) =>
            part.kind === 'response_count' ? questionnaireLink(part.questionnaireId ?? '') : (part.instrumentIds ?? []),
          ),
        ),
      ];
      break;
    }
    case 'work_steps_done':
      source = form.phase ? { workCellId: form.workCellId, phase: form.phase } : { workCellId: form.workCellId };
      break;
    case 'manual':
      break;
  }
  return {
    objectiveId: form.objectiveId,
    actionId: form.actionId || null,
    expectedResultId: form.expectedResultId || null,
    name: form.name.trim(),
    unit: orNull(form.unit),
    note: orNull(form.note),
    kind: form.kind,
    status: form.status,
    baselineValue: numberOrNull(form.baselineValue),
    baselineDate: form.baselineDate || null,
    midtermTarget: numberOrNull(form.midtermTarget),
    finalTarget: numberOrNull(form.finalTarget),
    direction: form.direction,
    grain: form.grain,
    dimensions: form.dimensions,
    source,
    instrumentIds: links,
  };
}
