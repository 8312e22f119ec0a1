import { useTranslation } from 'react-i18next';
import { RATIO_PART_KINDS, type AnswerCode, type RatioPartKind } from '@repere/contract';
import type { PlanTree } from '@/features/workspace/api/plan-api';
import type { Questionnaire, QuestionnaireListItem } from '@/features/workspace/api/questionnaires-api';
import { CheckboxGroup, SelectField, TextField } from '@/features/workspace/components/form-fields';
import { fieldId } from '@/features/workspace/components/form-errors';
import {
  QUESTIONNAIRE_KINDS,
  questionTypesFor,
  takesAnswers,
  type IndicatorFields,
  type RatioFields,
} from '@/features/workspace/components/indicator/indicator-form-state';
import { WorkCellSourceFields } from '@/features/workspace/components/indicator/work-cell-source-fields';
import { answerOptions, pick } from '@/features/workspace/components/questionnaire/translations';

interface SourceFieldsProps {
  prefix: string;
  form: IndicatorFields;
  tree: PlanTree;
  questionnaires: QuestionnaireListItem[];
  questionnaire: Questionnaire | undefined;
  questionnairePending: boolean;
  update: (patch: Partial<IndicatorFields>) => void;
  errorFor: (field: string) => string | null;
}

/** Where the value comes from, by kind: a questionnaire and its question and answers, counts, a ratio, a work cell, or nothing. */
export function SourceFields({
  prefix,
  form,
  tree,
  questionnaires,
  questionnaire,
  questionnairePending,
  update,
  errorFor,
}: SourceFieldsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const counted = tree.instruments.filter((instrument) => instrument.kind === 'participation_count' || instrument.kind === 'tally');
  const instrumentOptions = counted.map((instrument) => ({
    value: instrument.id,
    label: `${instrument.name} (${t(`instrumentKind.${instrument.kind}`)})`,
  }));

  const questionnaireSelect = (field: string, value: string, onChange: (id: string) => void) => (
    <SelectField
      id={fieldId(prefix, field)}
      field={field}
      label={t('workspace.indicator.questionnaire')}
      value={value}
      onChange={onChange}
      error={errorFor(field)}
    >
      <option value="">{t('workspace.indicator.chooseQuestionnaire')}</option>
      {questionnaires.map((item) => (
        <option key={item.id} value={item.id}>
          {item.title} ({t(`questionnaires.statuses.${item.status}`)})
        </option>
      ))}
    </SelectField>
  );

  if (form.kind === 'manual') return <p className="muted">{t('workspace.indicator.manualHint')}</p>;

  if (form.kind === 'work_steps_done')
    return <WorkCellSourceFields prefix={prefix} planId={tree.id} form={form} update={update} errorFor={errorFor} />;

  if (form.kind === 'participation_sum') {
    return (
      <CheckboxGroup
        id={fieldId(prefix, 'source.instrumentIds')}
        field="source.instrumentIds"
        legend={t('workspace.indicator.instruments')}
        hint={counted.length === 0 ? t('workspace.indicator.noCountedInstrument') : undefined}
        options={instrumentOptions}
        selected={form.instrumentIds}
        onChange={(instrumentIds) => update({ instrumentIds })}
        error={errorFor('source.instrumentIds')}
      />
    );
  }

  if (form.kind === 'ratio') {
    const part = (name: 'numerator' | 'denominator') => {
      const fields = form[name];
      const field = `source.${name}`;
      const set = (patch: Partial<RatioFields>): void => update({ [name]: { ...fields, ...patch } });
      return (
        <fieldset className="ws-fieldset ws-fieldset--inner" key={name}>
          <legend>{t(`workspace.indicator.${name}`)}</legend>
          <SelectField
            id={fieldId(prefix, `${field}.kind`)}
            field={`${field}.kind`}
            label={t('workspace.indicator.ratioPartKind')}
            value={fields.kind}
            onChange={(kind) => set({ kind: kind as RatioPartKind })}
            error={errorFor(`${field}.kind`) ?? errorFor(field)}
          >
            {RATIO_PART_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`workspace.indicator.ratioParts.${kind}`)}
              </option>
            ))}
          </SelectField>
          {fields.kind === 'constant' ? (
            <TextField
              id={fieldId(prefix, `${field}.value`)}
              field={`${field}.value`}
              type="number"
              step="any"
              label={t('workspace.indicator.constant')}
              hint={t('workspace.indicator.constantHint')}
              value={fields.value}
              onChange={(value) => set({ value })}
              error={errorFor(`${field}.value`)}
            />
          ) : null}
          {fields.kind === 'response_count'
            ? questionnaireSelect(`${field}.questionnaireId`, fields.questionnaireId, (questionnaireId) => set({ questionnaireId }))
            : null}
          {fields.kind === 'participation_sum' ? (
            <CheckboxGroup
              id={fieldId(prefix, `${field}.instrumentIds`)}
              field={`${field}.instrumentIds`}
              legend={t('workspace.indicator.instruments')}
              options={instrumentOptions}
              selected={fields.instrumentIds}
              onChange={(instrumentIds) => set({ instrumentIds })}
              error={errorFor(`${field}.instrumentIds`)}
            />
          ) : null}
        </fieldset>
      );
    };
    return (
      <div className="ws-row">
        {part('numerator')}
        {part('denominator')}
      </div>
    );
  }

  if (!QUESTIONNAIRE_KINDS.includes(form.kind)) return null;

  const fallback = questionnaire?.defaultLanguage ?? 'fr';
  const allowed = questionTypesFor(form.kind);
  const questions = (questionnaire?.questions ?? [])
    .map((question, index) => ({ question, index }))
    .filter(({ question }) => allowed.includes(question.type));
  const question = questionnaire?.questions.find((candidate) => candidate.id === form.questionId);
  const answers = question
    ? answerOptions(question, language, fallback, { yes: t('workspace.preview.yes'), no: t('workspace.preview.no') })
    : [];

  return (
    <>
      {questionnaireSelect('source.questionnaireId', form.questionnaireId, (questionnaireId) =>
        update({ questionnaireId, questionId: '', anyOf: [] }),
      )}
      {questionnaires.length === 0 ? <p className="muted small">{t('workspace.indicator.noQuestionnaire')}</p> : null}
      {form.questionnaireId ? (
        <SelectField
          id={fieldId(prefix, 'source.questionId')}
          field="source.questionId"
          label={form.kind === 'response_count' ? t('workspace.indicator.questionFilter') : t('workspace.indicator.question')}
          hint={form.kind === 'response_count' ? t('workspace.indicator.questionFilterHint') : undefined}
          value={form.questionId}
          disabled={questionnairePending}
          onChange={(questionId) => update({ questionId, anyOf: [] })}
          error={errorFor('source.questionId')}
        >
          <option value="">
            {form.kind === 'response_count' ? t('workspace.indicator.everyResponse') : t('workspace.indicator.chooseQuestion')}
          </option>
          {questions.map(({ question: option, index }) => (
            <option key={option.id} value={option.id}>
              {t('workspace.indicator.questionOption', { number: index + 1, label: pick(option.label, language, fallback) })}
            </option>
          ))}
        </SelectField>
      ) : null}
      {question && takesAnswers(form.kind, form.questionId) ? (
        <CheckboxGroup<AnswerCode>
          id={fieldId(prefix, 'source.anyOf')}
          field="source.anyOf"
          legend={t('workspace.indicator.anyOf')}
          hint={t('workspace.indicator.anyOfHint')}
          options={answers}
          selected={form.anyOf}
          onChange={(anyOf) => update({ anyOf })}
          error={errorFor('source.anyOf')}
        />
      ) : null}
    </>
  );
}
