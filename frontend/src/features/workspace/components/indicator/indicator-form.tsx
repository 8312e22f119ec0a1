import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { DIMENSIONS, DIRECTIONS, GRAINS, INDICATOR_KINDS, INDICATOR_STATUSES, type IndicatorKind } from '@repere/contract';
import type { IndicatorDefinition } from '@/features/workspace/api/indicators-api';
import type { ObjectiveNode, PlanTree } from '@/features/workspace/api/plan-api';
import { CheckboxGroup, FieldError, FormStatus, SelectField, TextField } from '@/features/workspace/components/form-fields';
import { fieldId, focusFirst, useFormErrors } from '@/features/workspace/components/form-errors';
import {
  checkIndicator,
  INDICATOR_NOTE_MAX,
  INDICATOR_SLOTS,
  initialFields,
  questionTypesFor,
  toBody,
  type IndicatorFields,
} from '@/features/workspace/components/indicator/indicator-form-state';
import { SourceFields } from '@/features/workspace/components/indicator/source-fields';
import { SourcePreview } from '@/features/workspace/components/indicator/source-preview';
import { usePlanQuestionnaires, useQuestionnaireDetail, useSaveIndicator } from '@/features/workspace/hooks/use-indicator-editor';

const PREFIX = 'indicator';

interface ObjectiveOption {
  objective: ObjectiveNode;
  depth: number;
}

function flattenObjectives(tree: PlanTree): ObjectiveOption[] {
  const out: ObjectiveOption[] = [];
  const walk = (objectives: ObjectiveNode[], depth: number): void => {
    for (const objective of objectives) {
      out.push({ objective, depth });
      walk(objective.objectives, depth + 1);
    }
  };
  for (const orientation of tree.orientations) walk(orientation.objectives, 0);
  return out;
}

interface IndicatorFormProps {
  tree: PlanTree;
  indicator?: IndicatorDefinition;
  defaults: { objectiveId: string; actionId: string };
  /** Called with the saved indicator and when it was saved, for the live value to start polling. */
  onSaved: (saved: IndicatorDefinition, savedAt: number) => void;
}

export function IndicatorForm({ tree, indicator, defaults, onSaved }: IndicatorFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<IndicatorFields>(() => initialFields(indicator, defaults));
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSaveIndicator(indicator?.id ?? null);
  const questionnaires = usePlanQuestionnaires(tree.id);
  const questionnaire = useQuestionnaireDetail(form.questionnaireId);
  const questions = questionnaire.data?.id === form.questionnaireId ? questionnaire.data.questions : undefined;

  const problems = attempted ? checkIndicator(form, questions) : {};
  const slots = useMemo(() => new Set(INDICATOR_SLOTS), []);
  const errors = useFormErrors(problems, save.error, slots);

  const objectives = useMemo(() => flattenObjectives(tree), [tree]);
  const objective = objectives.find((option) => option.objective.id === form.objectiveId)?.objective;
  const results = objective ? [...objective.expectedResults, ...objective.actions.flatMap((action) => action.expectedResults)] : [];

  const update = (patch: Partial<IndicatorFields>): void => {
    setForm((previous) => {
      const next = { ...previous, ...patch };
      // A question that does not fit the new kind is dropped, with the answers picked from it.
      if (patch.kind && next.questionId && questions) {
        const question = questions.find((candidate) => candidate.id === next.questionId);
        if (question && !questionTypesFor(patch.kind).includes(question.type)) {
          next.questionId = '';
          next.anyOf = [];
        }
      }
      return next;
    });
    setSaved(null);
    if (save.isError) save.reset();
  };

  const instrumentOfQuestionnaire = (id: string): string | null =>
    questionnaires.data?.items.find((item) => item.id === id)?.instrumentId ?? null;

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = checkIndicator(form, questions);
    setAttempted(true);
    if (Object.keys(found).length > 0) {
      focusFirst(PREFIX, found);
      return;
    }
    save.mutate(toBody(form, instrumentOfQuestionnaire), {
      onSuccess: (indicatorSaved) => {
        setAttempted(false);
        setSaved(t('workspace.indicator.saved'));
        onSaved(indicatorSaved, Date.now());
        if (!indicator) navigate(`/workspace/indicators/${indicatorSaved.id}`, { replace: true, state: { savedAt: Date.now() } });
      },
    });
  };

  const number = (field: 'baselineValue' | 'midtermTarget' | 'finalTarget', label: string) => (
    <TextField
      id={fieldId(PREFIX, field)}
      field={field}
      type="number"
      step="any"
      label={label}
      value={form[field]}
      onChange={(value) => update({ [field]: value })}
      error={errors.errorFor(field)}
    />
  );

  return (
    <form className="form ws-form" onSubmit={onSubmit} noValidate aria-labelledby="indicator-form-title">
      <h2 id="indicator-form-title" className="visually-hidden">
        {t('workspace.indicator.formTitle')}
      </h2>
      <fieldset className="ws-fieldset">
        <legend>{t('workspace.indicator.definition')}</legend>
        <TextField
          id={fieldId(PREFIX, 'name')}
          field="name"
          label={t('workspace.indicator.name')}
          value={form.name}
          maxLength={1000}
          onChange={(name) => update({ name })}
          error={errors.errorFor('name')}
        />
        <div className="ws-row">
          <TextField
            id={fieldId(PREFIX, 'unit')}
            field="unit"
            label={t('workspace.indicator.unit')}
            hint={t('workspace.indicator.unitHint')}
            value={form.unit}
            maxLength={60}
            onChange={(unit) => update({ unit })}
            error={errors.errorFor('unit')}
          />
          <SelectField
            id={fieldId(PREFIX, 'status')}
            field="status"
            label={t('workspace.indicator.status')}
            value={form.status}
            onChange={(status) => update({ status: status as IndicatorFields['status'] })}
            error={errors.errorFor('status')}
          >
            {INDICATOR_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`indicatorStatus.${status}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField
          id={fieldId(PREFIX, 'note')}
          field="note"
          label={t('indicatorNote.field')}
          hint={t('indicatorNote.fieldHint')}
          value={form.note}
          multiline
          rows={3}
          maxLength={INDICATOR_NOTE_MAX}
          onChange={(note) => update({ note })}
          error={errors.errorFor('note')}
        />
        <SelectField
          id={fieldId(PREFIX, 'objectiveId')}
          field="objectiveId"
          label={t('workspace.indicator.objective')}
          value={form.objectiveId}
          onChange={(objectiveId) => update({ objectiveId, actionId: '', expectedResultId: '' })}
          error={errors.errorFor('objectiveId')}
        >
          <option value="">{t('workspace.indicator.chooseObjective')}</option>
          {objectives.map(({ objective: option, depth }) => (
            <option key={option.id} value={option.id}>
              {'\u00a0\u00a0'.repeat(depth)}
              {option.code} {option.title.length > 90 ? `${option.title.slice(0, 90)}…` : option.title}
            </option>
          ))}
        </SelectField>
        <div className="ws-row">
          <SelectField
            id={fieldId(PREFIX, 'actionId')}
            field="actionId"
            label={t('workspace.indicator.action')}
            value={form.actionId}
            disabled={!objective}
            onChange={(actionId) => update({ actionId })}
            error={errors.errorFor('actionId')}
          >
            <option value="">{t('workspace.indicator.noAction')}</option>
            {(objective?.actions ?? []).map((action, index) => (
              <option key={action.id} value={action.id}>
                {t('workspace.plan.actionName', { number: index + 1 })} — {action.description.slice(0, 70)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={fieldId(PREFIX, 'expectedResultId')}
            field="expectedResultId"
            label={t('workspace.indicator.expectedResult')}
            value={form.expectedResultId}
            disabled={!objective}
            onChange={(expectedResultId) => update({ expectedResultId })}
            error={errors.errorFor('expectedResultId')}
          >
            <option value="">{t('workspace.indicator.noResult')}</option>
            {results.map((result) => (
              <option key={result.id} value={result.id}>
                {result.text.slice(0, 90)}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="ws-fieldset">
        <legend>{t('workspace.indicator.computation')}</legend>
        <SelectField
          id={fieldId(PREFIX, 'kind')}
          field="kind"
          label={t('workspace.indicator.kind')}
          value={form.kind}
          onChange={(kind) => update({ kind: kind as IndicatorKind })}
          error={errors.errorFor('kind')}
          hint={t(`workspace.indicator.kindHint.${form.kind}`)}
        >
          {INDICATOR_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`indicatorKind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SourceFields
          prefix={PREFIX}
          form={form}
          tree={tree}
          questionnaires={questionnaires.data?.items ?? []}
          questionnaire={questionnaire.data?.id === form.questionnaireId ? questionnaire.data : undefined}
          questionnairePending={form.questionnaireId !== '' && questionnaire.isPending}
          update={update}
          errorFor={errors.errorFor}
        />
        <FieldError id="indicator-source-error" message={errors.errorFor('source') ?? errors.errorFor('instrumentIds')} />
        <SourcePreview
          form={form}
          tree={tree}
          questionnaires={questionnaires.data?.items ?? []}
          questionnaire={questionnaire.data?.id === form.questionnaireId ? questionnaire.data : undefined}
        />
      </fieldset>

      <fieldset className="ws-fieldset">
        <legend>{t('workspace.indicator.targets')}</legend>
        <div className="ws-row">
          {number('baselineValue', t('workspace.indicator.baselineValue'))}
          <TextField
            id={fieldId(PREFIX, 'baselineDate')}
            field="baselineDate"
            type="date"
            label={t('workspace.indicator.baselineDate')}
            hint={t('workspace.indicator.baselineDateHint')}
            value={form.baselineDate}
            onChange={(baselineDate) => update({ baselineDate })}
            error={errors.errorFor('baselineDate')}
          />
        </div>
        <div className="ws-row">
          {number('midtermTarget', t('workspace.indicator.midtermTarget'))}
          {number('finalTarget', t('workspace.indicator.finalTarget'))}
        </div>
        <div className="ws-row">
          <SelectField
            id={fieldId(PREFIX, 'direction')}
            field="direction"
            label={t('workspace.indicator.direction')}
            value={form.direction}
            onChange={(direction) => update({ direction: direction as IndicatorFields['direction'] })}
            error={errors.errorFor('direction')}
          >
            {DIRECTIONS.map((direction) => (
              <option key={direction} value={direction}>
                {t(`plans.direction.${direction}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={fieldId(PREFIX, 'grain')}
            field="grain"
            label={t('workspace.indicator.grain')}
            value={form.grain}
            onChange={(grain) => update({ grain: grain as IndicatorFields['grain'] })}
            error={errors.errorFor('grain')}
          >
            {GRAINS.map((grain) => (
              <option key={grain} value={grain}>
                {t(`workspace.indicator.grains.${grain}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <CheckboxGroup
        id={fieldId(PREFIX, 'dimensions')}
        field="dimensions"
        legend={t('workspace.indicator.dimensions')}
        hint={t('workspace.indicator.dimensionsHint')}
        options={DIMENSIONS.map((dimension) => ({ value: dimension, label: t(`workspace.dimensions.${dimension}`) }))}
        selected={form.dimensions}
        onChange={(dimensions) => update({ dimensions })}
        error={errors.errorFor('dimensions')}
      />

      <div className="ws-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('workspace.common.saving') : indicator ? t('workspace.common.save') : t('workspace.indicator.create')}
        </button>
      </div>
      <FormStatus saved={saved} error={errors.general} />
    </form>
  );
}
