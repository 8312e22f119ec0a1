import { describe, expect, it } from '@jest/globals';
import { checkIndicator, initialFields, questionTypesFor, takesAnswers, toBody, type IndicatorFields } from './indicator-form-state';

// The indicator form: what it starts from, what it refuses before sending (under the API's field paths), and the
// body it sends, whose source and linked instruments follow from the kind.

type Indicator = NonNullable<Parameters<typeof initialFields>[0]>;
type Questions = NonNullable<Parameters<typeof checkIndicator>[1]>;

const defaults = { objectiveId: 'obj-1', actionId: 'act-1' };

const questions: Questions = [
  { id: 'q-choice', type: 'single_choice', required: true, label: { fr: 'Choix' }, choices: [{ code: 'yes', label: { fr: 'Oui' } }] },
  { id: 'q-scale', type: 'scale', required: true, label: { fr: 'Échelle' }, min: 1, max: 5 },
];

/** An answer share of a questionnaire whose instrument is inst-q, as the API returns it. */
const indicator: Indicator = {
  id: 'ind-1',
  createdAt: '2025-01-10T14:00:00.000Z',
  updatedAt: '2025-01-10T14:00:00.000Z',
  archivedAt: null,
  archivedBy: null,
  planId: 'plan-1',
  objectiveId: 'obj-2',
  actionId: null,
  expectedResultId: 'er-1',
  name: 'Part des résidents satisfaits',
  unit: '%',
  note: null,
  kind: 'answer_share',
  status: 'active',
  baselineValue: 0.4,
  baselineDate: '2025-01-15',
  midtermTarget: 0.5,
  finalTarget: 0.75,
  direction: 'up',
  grain: 'month',
  dimensions: ['gender'],
  source: { questionnaireId: 'qn-1', questionId: 'q-choice', anyOf: ['yes'] },
  instrumentIds: ['inst-q'],
  position: 0,
};

const instrumentOf = (id: string): string | null => ({ 'qn-1': 'inst-q', 'qn-2': 'inst-r' })[id] ?? null;

/** A new indicator's form, named and of the given kind. */
function form(overrides: Partial<IndicatorFields> = {}): IndicatorFields {
  return { ...initialFields(undefined, defaults), name: 'Indicateur', ...overrides };
}

describe(initialFields.name, () => {
  it('starts a new indicator as a draft answer share under the objective and action it was opened from', () => {
    expect(initialFields(undefined, defaults)).toMatchObject({
      name: '',
      objectiveId: 'obj-1',
      actionId: 'act-1',
      kind: 'answer_share',
      status: 'draft',
      direction: 'up',
      grain: 'quarter',
      baselineValue: '',
      anyOf: [],
      numerator: { kind: 'participation_sum' },
      denominator: { kind: 'constant', value: '' },
    });
  });

  it('opens an indicator with its numbers as text, and keeps it off any action when it had none', () => {
    expect(initialFields(indicator, defaults)).toMatchObject({
      objectiveId: 'obj-2',
      actionId: '',
      baselineValue: '0.4',
      midtermTarget: '0.5',
      finalTarget: '0.75',
      questionnaireId: 'qn-1',
      questionId: 'q-choice',
      anyOf: ['yes'],
    });
  });

  it('sends back what was opened when nothing was changed', () => {
    // The server's own fields (identity, dates, archive, order) are not the form's to send.
    const { id: _id, planId: _planId, createdAt: _c, updatedAt: _u, archivedAt: _a, archivedBy: _b, position: _p, ...body } = indicator;
    expect(toBody(initialFields(indicator, defaults), instrumentOf)).toEqual(body);
  });
});

describe('what each kind reads', () => {
  it('counts the answers of choice, yes/no and scale questions, and takes a mean of scales and numbers only', () => {
    expect(questionTypesFor('answer_share')).toEqual(['single_choice', 'multiple_choice', 'yes_no', 'scale']);
    expect(questionTypesFor('scale_mean')).toEqual(['scale', 'number']);
  });

  it('asks which answers count for a share, and for a response count only once a question is chosen', () => {
    expect(takesAnswers('answer_share', '')).toBe(true);
    expect(takesAnswers('response_count', '')).toBe(false);
    expect(takesAnswers('response_count', 'q-choice')).toBe(true);
    expect(takesAnswers('scale_mean', 'q-scale')).toBe(false);
  });
});

describe(checkIndicator.name, () => {
  it('finds nothing wrong with an indicator the API accepted', () => {
    expect(checkIndicator(initialFields(indicator, defaults), questions)).toEqual({});
  });

  it('wants a name and an objective; numbers and the baseline date, when given, must be real ones', () => {
    const problems = checkIndicator(
      form({ name: '  ', objectiveId: '', baselineValue: '1,5', finalTarget: 'abc', baselineDate: '2025-02-30', kind: 'manual' }),
      questions,
    );
    expect(problems).toEqual({
      name: { key: 'required' },
      objectiveId: { key: 'objective' },
      baselineValue: { key: 'number' },
      finalTarget: { key: 'number' },
      baselineDate: { key: 'date' },
    });
    expect(checkIndicator(form({ kind: 'manual', baselineDate: '2024-02-29', baselineValue: '-2.5' }), questions)).toEqual({});
  });

  it('asks for the questionnaire, then its question, then the answers that count', () => {
    expect(checkIndicator(form({ kind: 'answer_share' }), questions)).toEqual({
      'source.questionnaireId': { key: 'questionnaire' },
      'source.anyOf': { key: 'anyOf' },
    });
    expect(checkIndicator(form({ kind: 'answer_share', questionnaireId: 'qn-1', anyOf: ['yes'] }), questions)).toEqual({
      'source.questionId': { key: 'question' },
    });
    expect(
      checkIndicator(form({ kind: 'answer_share', questionnaireId: 'qn-1', questionId: 'q-gone', anyOf: ['yes'] }), questions),
    ).toEqual({ 'source.questionId': { key: 'question' } });
  });

  it("does not refuse a question while the questionnaire's questions are still loading", () => {
    expect(
      checkIndicator(form({ kind: 'answer_share', questionnaireId: 'qn-1', questionId: 'q-gone', anyOf: ['yes'] }), undefined),
    ).toEqual({});
  });

  it('takes a mean of a scale or number question only, and of every answer', () => {
    expect(checkIndicator(form({ kind: 'scale_mean', questionnaireId: 'qn-1', questionId: 'q-scale' }), questions)).toEqual({});
    expect(checkIndicator(form({ kind: 'scale_mean', questionnaireId: 'qn-1', questionId: 'q-choice' }), questions)).toEqual({
      'source.questionId': { key: 'scaleQuestion' },
    });
  });

  it('counts every response of a questionnaire, or those with chosen answers once a question is picked', () => {
    expect(checkIndicator(form({ kind: 'response_count', questionnaireId: 'qn-1' }), questions)).toEqual({});
    expect(checkIndicator(form({ kind: 'response_count', questionnaireId: 'qn-1', questionId: 'q-choice' }), questions)).toEqual({
      'source.anyOf': { key: 'anyOf' },
    });
  });

  it('wants each side of a ratio complete: a positive constant, a questionnaire, or instruments to sum', () => {
    const ratio = (numerator: IndicatorFields['numerator'], denominator: IndicatorFields['denominator']) =>
      checkIndicator(form({ kind: 'ratio', numerator, denominator }), questions);
    const part = (kind: IndicatorFields['numerator']['kind'], value = '') => ({ kind, questionnaireId: '', instrumentIds: [], value });
    expect(ratio(part('participation_sum'), part('constant', '0'))).toEqual({
      'source.numerator.instrumentIds': { key: 'instruments' },
      'source.denominator.value': { key: 'positive' },
    });
    expect(ratio(part('response_count'), part('constant', ''))).toEqual({
      'source.numerator.questionnaireId': { key: 'questionnaire' },
      'source.denominator.value': { key: 'positive' },
    });
    expect(ratio({ ...part('response_count'), questionnaireId: 'qn-1' }, part('constant', '250'))).toEqual({});
  });

  it('takes at most 50 answers and 50 instruments', () => {
    const many = Array.from({ length: 51 }, (_, n) => `c${n}`);
    expect(checkIndicator(form({ kind: 'participation_sum', instrumentIds: many }), questions)).toEqual({
      'source.instrumentIds': { key: 'tooMany', values: { max: 50 } },
    });
    expect(checkIndicator(form({ kind: 'answer_share', questionnaireId: 'qn-1', questionId: 'q-choice', anyOf: many }), questions)).toEqual(
      { 'source.anyOf': { key: 'tooMany', values: { max: 50 } } },
    );
  });
});

describe(toBody.name, () => {
  it('sends a trimmed name, and nothing rather than blanks', () => {
    expect(toBody(form({ name: '  Visites  ', unit: ' ', actionId: '', kind: 'manual' }), instrumentOf)).toMatchObject({
      name: 'Visites',
      unit: null,
      actionId: null,
      expectedResultId: null,
      baselineValue: null,
      baselineDate: null,
      midtermTarget: null,
      finalTarget: null,
    });
    expect(toBody(form({ baselineValue: '12.5', finalTarget: '0', kind: 'manual' }), instrumentOf)).toMatchObject({
      baselineValue: 12.5,
      finalTarget: 0,
    });
  });

  it('sends only the source fields of the chosen kind, whatever was typed under another kind', () => {
    const typed = form({ questionnaireId: 'qn-1', questionId: 'q-scale', anyOf: [4, 5], instrumentIds: ['inst-a'] });
    expect(toBody({ ...typed, kind: 'scale_mean' }, instrumentOf).source).toEqual({ questionnaireId: 'qn-1', questionId: 'q-scale' });
    expect(toBody({ ...typed, kind: 'answer_share' }, instrumentOf).source).toEqual({
      questionnaireId: 'qn-1',
      questionId: 'q-scale',
      anyOf: [4, 5],
    });
    expect(toBody({ ...typed, kind: 'participation_sum' }, instrumentOf).source).toEqual({ instrumentIds: ['inst-a'] });
    expect(toBody({ ...typed, kind: 'manual' }, instrumentOf)).toMatchObject({ source: {}, instrumentIds: [] });
    expect(toBody({ ...typed, kind: 'response_count', questionId: '' }, instrumentOf).source).toEqual({ questionnaireId: 'qn-1' });
    expect(toBody(form({ kind: 'response_count' }), instrumentOf).source).toEqual({});
  });

  it('links the indicator to the instruments its figures come from', () => {
    expect(toBody(form({ kind: 'answer_share', questionnaireId: 'qn-2' }), instrumentOf).instrumentIds).toEqual(['inst-r']);
    expect(toBody(form({ kind: 'answer_share', questionnaireId: 'qn-without-instrument' }), instrumentOf).instrumentIds).toEqual([]);
    expect(toBody(form({ kind: 'participation_sum', instrumentIds: ['inst-a', 'inst-b'] }), instrumentOf).instrumentIds).toEqual([
      'inst-a',
      'inst-b',
    ]);
  });

  it('sends both sides of a ratio, and links the instruments of both once each', () => {
    const body = toBody(
      form({
        kind: 'ratio',
        numerator: { kind: 'participation_sum', questionnaireId: 'qn-1', instrumentIds: ['inst-a', 'inst-q'], value: '3' },
        denominator: { kind: 'response_count', questionnaireId: 'qn-1', instrumentIds: ['inst-z'], value: '' },
      }),
      instrumentOf,
    );
    expect(body.source).toEqual({
      numerator: { kind: 'participation_sum', instrumentIds: ['inst-a', 'inst-q'] },
      denominator: { kind: 'response_count', questionnaireId: 'qn-1' },
    });
    expect(body.instrumentIds).toEqual(['inst-a', 'inst-q']);
    const constant = toBody(
      form({ kind: 'ratio', denominator: { kind: 'constant', questionnaireId: '', instrumentIds: [], value: '250' } }),
      instrumentOf,
    );
    expect(constant.source.denominator).toEqual({ kind: 'constant', value: 250 });
  });

  it("sends a work cell's steps, of one phase or all, once a cell is chosen, and links no instrument", () => {
    expect(checkIndicator(form({ kind: 'work_steps_done', workCellId: '' }), questions)).toEqual({
      'source.workCellId': { key: 'workCell' },
    });
    const all = toBody(form({ kind: 'work_steps_done', workCellId: 'cell-1', questionnaireId: 'qn-1' }), instrumentOf);
    expect([all.source, all.instrumentIds]).toEqual([{ workCellId: 'cell-1' }, []]);
    expect(toBody(form({ kind: 'work_steps_done', workCellId: 'cell-1', phase: 'PHASE 1' }), instrumentOf).source).toEqual({
      workCellId: 'cell-1',
      phase: 'PHASE 1',
    });
  });
});
