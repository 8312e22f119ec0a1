import { useTranslation } from 'react-i18next';
import {
  CHOICE_TYPES,
  CONDITION_TYPES,
  DIMENSION_TYPES,
  DIMENSIONS,
  QUESTION_TYPES,
  type AnswerCode,
  type Question,
  type QuestionType,
} from '@repere/contract';
import { CheckboxGroup, FieldError, SelectField, TextField } from '@/features/workspace/components/form-fields';
import { fieldId } from '@/features/workspace/components/form-errors';
import { newId, type ChoiceDraft, type QuestionDraft } from '@/features/workspace/components/questionnaire/builder-state';
import { TranslationsFields } from '@/features/workspace/components/questionnaire/translations-fields';
import { answerOptions, pick } from '@/features/workspace/components/questionnaire/translations';

interface QuestionEditorProps {
  prefix: string;
  question: QuestionDraft;
  index: number;
  /** The questions before this one: those a condition may point to. */
  earlier: QuestionDraft[];
  count: number;
  languages: string[];
  defaultLanguage: string;
  onChange: (question: QuestionDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  errorFor: (field: string) => string | null;
}

/** A condition's source question, as the answer options need it. */
function asQuestion(draft: QuestionDraft): Question {
  return {
    id: draft.id,
    type: draft.type,
    required: draft.required,
    label: draft.label,
    choices: draft.choices.map((choice) => ({ code: choice.code.trim(), label: choice.label })),
    min: draft.min === '' ? null : Number(draft.min),
    max: draft.max === '' ? null : Number(draft.max),
  };
}

export function QuestionEditor({
  prefix,
  question,
  index,
  earlier,
  count,
  languages,
  defaultLanguage,
  onChange,
  onMove,
  onRemove,
  errorFor,
}: QuestionEditorProps) {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.resolvedLanguage ?? 'fr';
  const path = `questions.${index}`;
  const number = index + 1;
  const set = (patch: Partial<QuestionDraft>): void => onChange({ ...question, ...patch });
  const texts = { prefix, languages, defaultLanguage, errorFor };

  const changeType = (type: QuestionType): void => {
    const patch: Partial<QuestionDraft> = { type };
    if (CHOICE_TYPES.includes(type) && question.choices.length === 0) patch.choices = [{ key: newId(), code: '', label: {} }];
    if (type === 'scale' && question.min === '' && question.max === '') Object.assign(patch, { min: '1', max: '5' });
    if (!DIMENSION_TYPES.includes(type)) patch.dimension = '';
    set(patch);
  };

  const setChoice = (m: number, patch: Partial<ChoiceDraft>): void =>
    set({ choices: question.choices.map((choice, n) => (n === m ? { ...choice, ...patch } : choice)) });
  const moveChoice = (m: number, delta: -1 | 1): void => {
    const choices = [...question.choices];
    const [moved] = choices.splice(m, 1);
    if (!moved) return;
    choices.splice(m + delta, 0, moved);
    set({ choices });
  };

  const conditionSources = earlier.filter((candidate) => CONDITION_TYPES.includes(candidate.type));
  const conditionSource = question.showIf ? earlier.find((candidate) => candidate.id === question.showIf?.questionId) : undefined;
  const conditionAnswers = conditionSource
    ? answerOptions(asQuestion(conditionSource), uiLanguage, defaultLanguage, {
        yes: t('workspace.preview.yes'),
        no: t('workspace.preview.no'),
      })
    : [];

  return (
    <fieldset
      className="ws-question card"
      data-field={path}
      aria-describedby={errorFor(path) ? `${fieldId(prefix, path)}-error` : undefined}
    >
      <legend className="ws-question__legend">{t('workspace.builder.questionNumber', { number })}</legend>
      <div className="ws-toolbar">
        <button
          type="button"
          className="button button--ghost"
          aria-label={t('workspace.common.moveUp', { name: t('workspace.builder.questionNumber', { number }) })}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-label={t('workspace.common.moveDown', { name: t('workspace.builder.questionNumber', { number }) })}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          <span aria-hidden="true">↓</span>
        </button>
        <button
          type="button"
          className="button button--ghost ws-danger"
          aria-label={t('workspace.builder.removeQuestion', { number })}
          onClick={onRemove}
        >
          {t('workspace.builder.remove')}
        </button>
      </div>
      <FieldError id={`${fieldId(prefix, path)}-error`} message={errorFor(path)} />

      <div className="ws-row">
        <SelectField
          id={fieldId(prefix, `${path}.type`)}
          field={`${path}.type`}
          label={t('workspace.builder.type')}
          value={question.type}
          onChange={(type) => changeType(type as QuestionType)}
          error={errorFor(`${path}.type`)}
        >
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`workspace.questionTypes.${type}`)}
            </option>
          ))}
        </SelectField>
        <div className="ws-checks-inline">
          <label className="ws-check" htmlFor={fieldId(prefix, `${path}.required`)}>
            <input
              id={fieldId(prefix, `${path}.required`)}
              type="checkbox"
              checked={question.required}
              onChange={(event) => set({ required: event.target.checked })}
            />
            <span>{t('workspace.builder.required')}</span>
          </label>
          <label className="ws-check" htmlFor={fieldId(prefix, `${path}.allowPreferNot`)}>
            <input
              id={fieldId(prefix, `${path}.allowPreferNot`)}
              type="checkbox"
              checked={question.allowPreferNot}
              onChange={(event) => set({ allowPreferNot: event.target.checked })}
            />
            <span>{t('workspace.builder.allowPreferNot')}</span>
          </label>
        </div>
      </div>

      <TranslationsFields
        {...texts}
        field={`${path}.label`}
        legend={t('workspace.builder.label')}
        texts={question.label}
        onChange={(label) => set({ label })}
      />
      <details className="ws-details" open={Object.values(question.help).some((value) => value.trim() !== '') || undefined}>
        <summary>{t('workspace.builder.help')}</summary>
        <TranslationsFields
          {...texts}
          field={`${path}.help`}
          legend={t('workspace.builder.help')}
          texts={question.help}
          onChange={(help) => set({ help })}
        />
      </details>

      {CHOICE_TYPES.includes(question.type) ? (
        <fieldset className="ws-fieldset ws-fieldset--inner" data-field={`${path}.choices`}>
          <legend>{t('workspace.builder.choices')}</legend>
          <p className="muted small">{t('workspace.builder.choicesHint')}</p>
          <ol className="ws-choices">
            {question.choices.map((choice, m) => {
              const at = `${path}.choices.${m}`;
              const choiceName = t('workspace.builder.choiceNumber', { number: m + 1 });
              return (
                <li key={choice.key} className="ws-choice">
                  <fieldset className="ws-fieldset ws-fieldset--inner">
                    <legend>{choiceName}</legend>
                    <TextField
                      id={fieldId(prefix, `${at}.code`)}
                      field={`${at}.code`}
                      label={t('workspace.builder.choiceCode')}
                      value={choice.code}
                      maxLength={40}
                      onChange={(code) => setChoice(m, { code })}
                      error={errorFor(`${at}.code`) ?? errorFor(at)}
                    />
                    <TranslationsFields
                      {...texts}
                      field={`${at}.label`}
                      legend={t('workspace.builder.choiceLabel')}
                      texts={choice.label}
                      onChange={(label) => setChoice(m, { label })}
                    />
                    <div className="ws-toolbar">
                      <button
                        type="button"
                        className="button button--ghost"
                        disabled={m === 0}
                        aria-label={t('workspace.common.moveUp', { name: choiceName })}
                        onClick={() => moveChoice(m, -1)}
                      >
                        <span aria-hidden="true">↑</span>
                      </button>
                      <button
                        type="button"
                        className="button button--ghost"
                        disabled={m === question.choices.length - 1}
                        aria-label={t('workspace.common.moveDown', { name: choiceName })}
                        onClick={() => moveChoice(m, 1)}
                      >
                        <span aria-hidden="true">↓</span>
                      </button>
                      <button
                        type="button"
                        className="button button--ghost ws-danger"
                        aria-label={t('workspace.builder.removeChoice', { name: choiceName, question: number })}
                        onClick={() => set({ choices: question.choices.filter((_, n) => n !== m) })}
                      >
                        {t('workspace.builder.remove')}
                      </button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <FieldError id={`${fieldId(prefix, `${path}.choices`)}-error`} message={errorFor(`${path}.choices`)} />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => set({ choices: [...question.choices, { key: newId(), code: '', label: {} }] })}
          >
            <span aria-hidden="true">+{'\u00a0'}</span>
            {t('workspace.builder.addChoice', { number })}
          </button>
        </fieldset>
      ) : null}

      {question.type === 'scale' || question.type === 'number' ? (
        <div className="ws-row">
          <TextField
            id={fieldId(prefix, `${path}.min`)}
            field={`${path}.min`}
            type="number"
            step={question.type === 'scale' ? '1' : 'any'}
            label={t('workspace.builder.min')}
            value={question.min}
            onChange={(min) => set({ min })}
            error={errorFor(`${path}.min`)}
          />
          <TextField
            id={fieldId(prefix, `${path}.max`)}
            field={`${path}.max`}
            type="number"
            step={question.type === 'scale' ? '1' : 'any'}
            label={t('workspace.builder.max')}
            value={question.max}
            onChange={(max) => set({ max })}
            error={errorFor(`${path}.max`)}
          />
        </div>
      ) : null}
      {question.type === 'scale' ? (
        <div className="ws-row">
          <TranslationsFields
            {...texts}
            field={`${path}.minLabel`}
            legend={t('workspace.builder.minLabel')}
            texts={question.minLabel}
            onChange={(minLabel) => set({ minLabel })}
          />
          <TranslationsFields
            {...texts}
            field={`${path}.maxLabel`}
            legend={t('workspace.builder.maxLabel')}
            texts={question.maxLabel}
            onChange={(maxLabel) => set({ maxLabel })}
          />
        </div>
      ) : null}

      <div className="ws-row">
        <SelectField
          id={fieldId(prefix, `${path}.showIf.questionId`)}
          field={`${path}.showIf.questionId`}
          label={t('workspace.builder.showIf')}
          hint={conditionSources.length === 0 ? t('workspace.builder.showIfNone') : undefined}
          value={question.showIf?.questionId ?? ''}
          disabled={conditionSources.length === 0 && !question.showIf}
          onChange={(questionId) => set({ showIf: questionId ? { questionId, anyOf: [] } : null })}
          error={errorFor(`${path}.showIf.questionId`) ?? errorFor(`${path}.showIf`)}
        >
          <option value="">{t('workspace.builder.always')}</option>
          {conditionSources.map((source) => (
            <option key={source.id} value={source.id}>
              {t('workspace.builder.questionNumber', { number: earlier.indexOf(source) + 1 })} —{' '}
              {pick(source.label, uiLanguage, defaultLanguage)}
            </option>
          ))}
        </SelectField>
        {DIMENSION_TYPES.includes(question.type) ? (
          <SelectField
            id={fieldId(prefix, `${path}.dimension`)}
            field={`${path}.dimension`}
            label={t('workspace.builder.dimension')}
            hint={t('workspace.builder.dimensionHint')}
            value={question.dimension}
            onChange={(dimension) => set({ dimension })}
            error={errorFor(`${path}.dimension`)}
          >
            <option value="">{t('workspace.builder.noDimension')}</option>
            {DIMENSIONS.map((dimension) => (
              <option key={dimension} value={dimension}>
                {t(`workspace.dimensions.${dimension}`)}
              </option>
            ))}
          </SelectField>
        ) : (
          <FieldError id={`${fieldId(prefix, `${path}.dimension`)}-error`} message={errorFor(`${path}.dimension`)} />
        )}
      </div>
      {question.showIf && conditionSource ? (
        conditionAnswers.length > 0 ? (
          <CheckboxGroup<AnswerCode>
            id={fieldId(prefix, `${path}.showIf.anyOf`)}
            field={`${path}.showIf.anyOf`}
            legend={t('workspace.builder.showIfAnyOf')}
            options={conditionAnswers}
            selected={question.showIf.anyOf}
            onChange={(anyOf) => set({ showIf: { questionId: question.showIf?.questionId ?? '', anyOf } })}
            error={errorFor(`${path}.showIf.anyOf`)}
          />
        ) : (
          <TextField
            id={fieldId(prefix, `${path}.showIf.anyOf`)}
            field={`${path}.showIf.anyOf`}
            label={t('workspace.builder.showIfNumbers')}
            hint={t('workspace.builder.showIfNumbersHint')}
            value={question.showIf.anyOf.join(' ; ')}
            onChange={(value) =>
              set({
                showIf: {
                  questionId: question.showIf?.questionId ?? '',
                  anyOf: value
                    .split(';')
                    .map((part) => part.trim())
                    .filter(Boolean)
                    .map(Number),
                },
              })
            }
            error={errorFor(`${path}.showIf.anyOf`)}
          />
        )
      ) : null}
    </fieldset>
  );
}
