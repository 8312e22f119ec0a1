import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isRealDate, PLAN_TEXT_MAX, POLICY_VALUES, RRULE, SCHEDULE_KINDS, type PolicyValue, type ScheduleKind } from '@repere/contract';
import type { ActionBody, ActionNode } from '@/features/workspace/api/plan-api';
import { CheckboxGroup, FormStatus, SelectField, TextField } from '@/features/workspace/components/form-fields';
import { fieldId, focusFirst, useFormErrors, type Problems } from '@/features/workspace/components/form-errors';
import { Checker, orNull, text } from '@/features/workspace/components/form-rules';
import { usePlanWrite, type PlanWrite } from '@/features/workspace/hooks/use-plan-editor';

interface FormShellProps {
  prefix: string;
  onSubmit: () => void;
  onCancel?: () => void;
  pending: boolean;
  submitLabel: string;
  general: string | null;
  label: string;
  children: ReactNode;
}

/** The frame of every small form of the tree: its fields, save and cancel, and what went wrong elsewhere. */
function FormShell({ prefix, onSubmit, onCancel, pending, submitLabel, general, label, children }: FormShellProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="form ws-inline-form" onSubmit={submit} noValidate aria-label={label} id={`${prefix}-form`}>
      {children}
      <div className="ws-actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('workspace.common.saving') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('workspace.common.cancel')}
          </button>
        ) : null}
      </div>
      <FormStatus saved={null} error={general} />
    </form>
  );
}

/**
 * The life of one small form: checked on submit and again as the user corrects, sent once clean, the API's
 * complaint dropped as soon as the user edits what it was about.
 */
function usePartForm<F>(planId: string, initial: F, validate: (form: F) => Problems, slots: readonly string[]) {
  const write = usePlanWrite(planId);
  const [form, setForm] = useState<F>(initial);
  const [attempted, setAttempted] = useState(false);
  const problems = attempted ? validate(form) : {};
  const slotSet = useMemo(() => new Set(slots), [slots]);
  const errors = useFormErrors(problems, write.error, slotSet);
  const update = (patch: Partial<F>): void => {
    setForm((previous) => ({ ...previous, ...patch }));
    if (write.isError) write.reset();
  };
  const submit = (prefix: string, toWrite: (form: F) => PlanWrite, onDone: () => void): void => {
    const found = validate(form);
    setAttempted(true);
    if (Object.keys(found).length > 0) {
      focusFirst(prefix, found);
      return;
    }
    write.mutate(toWrite(form), {
      onSuccess: () => {
        setAttempted(false);
        onDone();
      },
    });
  };
  return { form, setForm, update, errors, submit, write };
}

// Orientation ---------------------------------------------------------------------------------------------------

interface OrientationFields {
  number: string;
  title: string;
}

function checkOrientation(form: OrientationFields): Problems {
  const check = new Checker();
  check.integer('number', form.number, 0, 999);
  check.required('title', form.title, PLAN_TEXT_MAX.orientationTitle);
  return check.problems;
}
const ORIENTATION_SLOTS = ['number', 'title'] as const;

interface OrientationFormProps {
  planId: string;
  /** Editing this orientation; creating one when absent. */
  orientation?: { id: string; number: number; title: string };
  nextPosition?: number;
  nextNumber?: number;
  onDone: () => void;
  onCancel?: () => void;
}

export function OrientationForm({ planId, orientation, nextPosition = 0, nextNumber = 1, onDone, onCancel }: OrientationFormProps) {
  const { t } = useTranslation();
  const prefix = `orientation-${useId()}`;
  const { form, update, errors, submit, write } = usePartForm<OrientationFields>(
    planId,
    { number: text(orientation?.number ?? nextNumber), title: orientation?.title ?? '' },
    checkOrientation,
    ORIENTATION_SLOTS,
  );
  const onSubmit = (): void =>
    submit(
      prefix,
      (f) => {
        const body = { number: Number(f.number), title: f.title.trim() };
        return orientation
          ? { kind: 'update', part: 'orientations', id: orientation.id, body }
          : { kind: 'create', part: 'orientations', body: { ...body, planId, position: nextPosition } };
      },
      onDone,
    );
  return (
    <FormShell
      prefix={prefix}
      onSubmit={onSubmit}
      onCancel={onCancel}
      pending={write.isPending}
      general={errors.general}
      label={orientation ? t('workspace.plan.editOrientation') : t('workspace.plan.newOrientation')}
      submitLabel={orientation ? t('workspace.common.save') : t('workspace.plan.addOrientation')}
    >
      <div className="ws-row ws-row--narrow-first">
        <TextField
          id={fieldId(prefix, 'number')}
          field="number"
          type="number"
          step="1"
          label={t('workspace.plan.orientationNumber')}
          value={form.number}
          onChange={(number) => update({ number })}
          error={errors.errorFor('number')}
        />
        <TextField
          id={fieldId(prefix, 'title')}
          field="title"
          label={t('workspace.plan.orientationTitle')}
          value={form.title}
          maxLength={PLAN_TEXT_MAX.orientationTitle}
          onChange={(title) => update({ title })}
          error={errors.errorFor('title')}
        />
      </div>
    </FormShell>
  );
}

// Objective -----------------------------------------------------------------------------------------------------

interface ObjectiveFields {
  code: string;
  title: string;
}

function checkObjective(form: ObjectiveFields): Problems {
  const check = new Checker();
  check.required('code', form.code, PLAN_TEXT_MAX.objectiveCode);
  check.required('title', form.title, PLAN_TEXT_MAX.objectiveTitle);
  return check.problems;
}
const OBJECTIVE_SLOTS = ['code', 'title', 'parentId', 'orientationId'] as const;

interface ObjectiveFormProps {
  planId: string;
  objective?: { id: string; code: string; title: string };
  orientationId: string;
  parentId?: string | null;
  nextPosition?: number;
  onDone: () => void;
  onCancel?: () => void;
}

export function ObjectiveForm({
  planId,
  objective,
  orientationId,
  parentId = null,
  nextPosition = 0,
  onDone,
  onCancel,
}: ObjectiveFormProps) {
  const { t } = useTranslation();
  const prefix = `objective-${useId()}`;
  const { form, update, errors, submit, write } = usePartForm<ObjectiveFields>(
    planId,
    { code: objective?.code ?? '', title: objective?.title ?? '' },
    checkObjective,
    OBJECTIVE_SLOTS,
  );
  const onSubmit = (): void =>
    submit(
      prefix,
      (f) => {
        const body = { code: f.code.trim(), title: f.title.trim() };
        return objective
          ? { kind: 'update', part: 'objectives', id: objective.id, body }
          : { kind: 'create', part: 'objectives', body: { ...body, orientationId, parentId, position: nextPosition } };
      },
      onDone,
    );
  const label = objective
    ? t('workspace.plan.editObjective')
    : parentId
      ? t('workspace.plan.newSubObjective')
      : t('workspace.plan.newObjective');
  return (
    <FormShell
      prefix={prefix}
      onSubmit={onSubmit}
      onCancel={onCancel}
      pending={write.isPending}
      general={errors.general}
      label={label}
      submitLabel={objective ? t('workspace.common.save') : label}
    >
      <div className="ws-row ws-row--narrow-first">
        <TextField
          id={fieldId(prefix, 'code')}
          field="code"
          label={t('workspace.plan.objectiveCode')}
          hint={t('workspace.plan.objectiveCodeHint')}
          value={form.code}
          maxLength={PLAN_TEXT_MAX.objectiveCode}
          onChange={(code) => update({ code })}
          error={errors.errorFor('code')}
        />
        <TextField
          id={fieldId(prefix, 'title')}
          field="title"
          label={t('workspace.plan.objectiveTitle')}
          value={form.title}
          maxLength={PLAN_TEXT_MAX.objectiveTitle}
          onChange={(title) => update({ title })}
          error={errors.errorFor('title')}
        />
      </div>
    </FormShell>
  );
}

// Action --------------------------------------------------------------------------------------------------------

interface ActionFields {
  description: string;
  /** '' lets the API read the kind from the text as written (« Annuel – août »). */
  scheduleKind: ScheduleKind | '';
  scheduleDate: string;
  scheduleRecurrence: string;
  scheduleText: string;
  resources: string;
  values: PolicyValue[];
}

function checkAction(form: ActionFields): Problems {
  const check = new Checker();
  check.required('description', form.description, PLAN_TEXT_MAX.actionDescription);
  check.maxLength('schedule.text', form.scheduleText, PLAN_TEXT_MAX.actionScheduleText);
  if (form.scheduleKind === 'date') {
    if (form.scheduleDate === '') check.add('schedule.date', 'scheduleDate');
    else if (!isRealDate(form.scheduleDate)) check.add('schedule.date', 'date');
  }
  if (form.scheduleKind === 'recurrence') {
    if (form.scheduleRecurrence.trim() === '') check.add('schedule.recurrence', 'scheduleRecurrence');
    else if (!RRULE.test(form.scheduleRecurrence.trim())) check.add('schedule.recurrence', 'rrule');
  }
  if (form.scheduleKind === '' && form.scheduleText.trim() === '') check.add('schedule.text', 'scheduleText');
  check.maxLength('resources', form.resources, PLAN_TEXT_MAX.actionResources);
  return check.problems;
}
const ACTION_SLOTS = [
  'description',
  'schedule',
  'schedule.kind',
  'schedule.date',
  'schedule.recurrence',
  'schedule.text',
  'resources',
  'values',
  'objectiveId',
] as const;

function actionBody(form: ActionFields): ActionBody {
  const kind = form.scheduleKind;
  return {
    description: form.description.trim(),
    schedule:
      kind === ''
        ? ({ text: form.scheduleText.trim() } as ActionBody['schedule'])
        : {
            kind,
            date: kind === 'date' ? form.scheduleDate : null,
            recurrence: kind === 'recurrence' ? form.scheduleRecurrence.trim() : null,
            text: form.scheduleText.trim(),
          },
    resources: orNull(form.resources),
    values: form.values,
  };
}

interface ActionFormProps {
  planId: string;
  objectiveId: string;
  action?: ActionNode;
  nextPosition?: number;
  onDone: () => void;
  onCancel?: () => void;
}

export function ActionForm({ planId, objectiveId, action, nextPosition = 0, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const prefix = `action-${useId()}`;
  const { form, update, errors, submit, write } = usePartForm<ActionFields>(
    planId,
    {
      description: action?.description ?? '',
      scheduleKind: action?.schedule.kind ?? '',
      scheduleDate: action?.schedule.date ?? '',
      scheduleRecurrence: action?.schedule.recurrence ?? '',
      scheduleText: action?.schedule.text ?? '',
      resources: action?.resources ?? '',
      values: action?.values ?? [],
    },
    checkAction,
    ACTION_SLOTS,
  );
  const onSubmit = (): void =>
    submit(
      prefix,
      (f) =>
        action
          ? { kind: 'update', part: 'actions', id: action.id, body: actionBody(f) }
          : { kind: 'create', part: 'actions', body: { ...actionBody(f), objectiveId, position: nextPosition } },
      onDone,
    );
  const valueOptions = POLICY_VALUES.map((value) => ({ value, label: t(`policyValue.${value}`) }));

  return (
    <FormShell
      prefix={prefix}
      onSubmit={onSubmit}
      onCancel={onCancel}
      pending={write.isPending}
      general={errors.general}
      label={action ? t('workspace.plan.editAction') : t('workspace.plan.newAction')}
      submitLabel={action ? t('workspace.common.save') : t('workspace.plan.addAction')}
    >
      <TextField
        id={fieldId(prefix, 'description')}
        field="description"
        multiline
        rows={3}
        label={t('workspace.plan.actionDescription')}
        value={form.description}
        maxLength={PLAN_TEXT_MAX.actionDescription}
        onChange={(description) => update({ description })}
        error={errors.errorFor('description')}
      />
      <fieldset className="ws-fieldset">
        <legend>{t('workspace.plan.schedule')}</legend>
        <div className="ws-row">
          <SelectField
            id={fieldId(prefix, 'schedule.kind')}
            field="schedule.kind"
            label={t('workspace.plan.scheduleKind')}
            value={form.scheduleKind}
            onChange={(value) => update({ scheduleKind: value as ActionFields['scheduleKind'] })}
            error={errors.errorFor('schedule.kind') ?? errors.errorFor('schedule')}
          >
            <option value="">{t('workspace.plan.scheduleFromText')}</option>
            {SCHEDULE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`scheduleKind.${kind}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={fieldId(prefix, 'schedule.text')}
            field="schedule.text"
            label={t('workspace.plan.scheduleText')}
            hint={t('workspace.plan.scheduleTextHint')}
            value={form.scheduleText}
            maxLength={PLAN_TEXT_MAX.actionScheduleText}
            onChange={(scheduleText) => update({ scheduleText })}
            error={errors.errorFor('schedule.text')}
          />
        </div>
        {form.scheduleKind === 'date' ? (
          <TextField
            id={fieldId(prefix, 'schedule.date')}
            field="schedule.date"
            type="date"
            label={t('workspace.plan.scheduleDate')}
            value={form.scheduleDate}
            onChange={(scheduleDate) => update({ scheduleDate })}
            error={errors.errorFor('schedule.date')}
          />
        ) : null}
        {form.scheduleKind === 'recurrence' ? (
          <TextField
            id={fieldId(prefix, 'schedule.recurrence')}
            field="schedule.recurrence"
            label={t('workspace.plan.scheduleRecurrence')}
            hint={t('workspace.plan.scheduleRecurrenceHint')}
            value={form.scheduleRecurrence}
            onChange={(scheduleRecurrence) => update({ scheduleRecurrence })}
            error={errors.errorFor('schedule.recurrence')}
          />
        ) : null}
      </fieldset>
      <TextField
        id={fieldId(prefix, 'resources')}
        field="resources"
        multiline
        rows={2}
        label={t('workspace.plan.resources')}
        hint={t('workspace.plan.resourcesHint')}
        value={form.resources}
        maxLength={PLAN_TEXT_MAX.actionResources}
        onChange={(resources) => update({ resources })}
        error={errors.errorFor('resources')}
      />
      <CheckboxGroup
        id={fieldId(prefix, 'values')}
        field="values"
        legend={t('workspace.plan.values')}
        options={valueOptions}
        selected={form.values}
        onChange={(values) => update({ values })}
        error={errors.errorFor('values')}
      />
    </FormShell>
  );
}

// Expected result -----------------------------------------------------------------------------------------------

interface ResultFields {
  text: string;
}

function checkResult(form: ResultFields): Problems {
  const check = new Checker();
  check.required('text', form.text, PLAN_TEXT_MAX.expectedResultText);
  return check.problems;
}
const RESULT_SLOTS = ['text', 'actionId', 'objectiveId'] as const;

interface ResultFormProps {
  planId: string;
  objectiveId: string;
  actionId: string | null;
  result?: { id: string; text: string };
  nextPosition?: number;
  onDone: () => void;
  onCancel?: () => void;
}

export function ResultForm({ planId, objectiveId, actionId, result, nextPosition = 0, onDone, onCancel }: ResultFormProps) {
  const { t } = useTranslation();
  const prefix = `result-${useId()}`;
  const { form, update, errors, submit, write } = usePartForm<ResultFields>(
    planId,
    { text: result?.text ?? '' },
    checkResult,
    RESULT_SLOTS,
  );
  const onSubmit = (): void =>
    submit(
      prefix,
      (f) =>
        result
          ? { kind: 'update', part: 'expected-results', id: result.id, body: { text: f.text.trim() } }
          : { kind: 'create', part: 'expected-results', body: { text: f.text.trim(), objectiveId, actionId, position: nextPosition } },
      onDone,
    );
  return (
    <FormShell
      prefix={prefix}
      onSubmit={onSubmit}
      onCancel={onCancel}
      pending={write.isPending}
      general={errors.general}
      label={result ? t('workspace.plan.editResult') : t('workspace.plan.newResult')}
      submitLabel={result ? t('workspace.common.save') : t('workspace.plan.addResult')}
    >
      <TextField
        id={fieldId(prefix, 'text')}
        field="text"
        multiline
        rows={2}
        label={t('workspace.plan.resultText')}
        value={form.text}
        maxLength={PLAN_TEXT_MAX.expectedResultText}
        onChange={(value) => update({ text: value })}
        error={errors.errorFor('text')}
      />
    </FormShell>
  );
}
