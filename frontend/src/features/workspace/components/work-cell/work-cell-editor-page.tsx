import '@/features/workspace/components/workspace.css';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorState, LoadingState, useErrorMessage } from '@/components/query-state';
import type { EditableWorkCell } from '@/features/workspace/api/work-cells-api';
import { ConfirmDelete, FormStatus, SelectField, TextField } from '@/features/workspace/components/form-fields';
import { fieldId, focusFirst, useFormErrors, type Problems } from '@/features/workspace/components/form-errors';
import { Checker, orNull } from '@/features/workspace/components/form-rules';
import { ReadOnlyNotice } from '@/features/workspace/components/read-only-notice';
import { PartnersEditor, StepsEditor } from '@/features/workspace/components/work-cell/work-cell-parts';
import { useCanEdit } from '@/features/workspace/hooks/use-can-edit';
import { usePlanOptions } from '@/features/workspace/hooks/use-plan-editor';
import {
  useDeleteWorkCell,
  useEditableWorkCell,
  useObjectiveOptions,
  useSaveWorkCell,
} from '@/features/workspace/hooks/use-work-cell-editor';
import { useDocumentTitle } from '@/lib/use-document-title';

const PREFIX = 'cell';

interface CellFields {
  name: string;
  objectiveId: string;
  objectiveText: string;
  startDate: string;
  startDateText: string;
  mandate: string;
  contact: string;
  partnersNote: string;
}

/** CreateWorkCellDto's rules. */
function checkCell(form: CellFields): Problems {
  const check = new Checker();
  check.required('name', form.name, 300);
  check.maxLength('objectiveText', form.objectiveText, 2000);
  check.date('startDate', form.startDate);
  check.maxLength('startDateText', form.startDateText, 100);
  check.maxLength('mandate', form.mandate, 10_000);
  check.maxLength('contact', form.contact, 500);
  check.maxLength('partnersNote', form.partnersNote, 2000);
  return check.problems;
}
const CELL_SLOTS = new Set(['name', 'objectiveId', 'objectiveText', 'startDate', 'startDateText', 'mandate', 'contact', 'partnersNote']);

function fieldsOf(cell: EditableWorkCell | undefined): CellFields {
  return {
    name: cell?.name ?? '',
    objectiveId: cell?.objectiveId ?? '',
    objectiveText: cell?.objectiveText ?? '',
    startDate: cell?.startDate ?? '',
    startDateText: cell?.startDateText ?? '',
    mandate: cell?.mandate ?? '',
    contact: cell?.contact ?? '',
    partnersNote: cell?.partnersNote ?? '',
  };
}

function WorkCellForm({ cell }: { cell?: EditableWorkCell }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveWorkCell(cell?.id ?? null);
  const objectives = useObjectiveOptions();
  const plans = usePlanOptions();
  const [form, setForm] = useState<CellFields>(() => fieldsOf(cell));
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors(attempted ? checkCell(form) : {}, save.error, CELL_SLOTS);

  // Objectives grouped under their plan, in the plans' order.
  const groups = useMemo(
    () =>
      (plans.data?.items ?? [])
        .map((plan) => ({
          plan,
          objectives: (objectives.data?.items ?? []).filter((objective) => objective.planId === plan.id),
        }))
        .filter((group) => group.objectives.length > 0),
    [plans.data, objectives.data],
  );

  const update = (patch: Partial<CellFields>): void => {
    setForm((previous) => ({ ...previous, ...patch }));
    setSaved(null);
    if (save.isError) save.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = checkCell(form);
    setAttempted(true);
    if (Object.keys(found).length > 0) {
      focusFirst(PREFIX, found);
      return;
    }
    save.mutate(
      {
        name: form.name.trim(),
        objectiveId: form.objectiveId || null,
        objectiveText: orNull(form.objectiveText),
        startDate: form.startDate || null,
        startDateText: orNull(form.startDateText),
        mandate: form.mandate.trim(),
        contact: orNull(form.contact),
        partnersNote: orNull(form.partnersNote),
      },
      {
        onSuccess: (result) => {
          setAttempted(false);
          setSaved(t('workspace.workCell.saved'));
          if (!cell) navigate(`/workspace/work-cells/${result.id}`, { replace: true });
        },
      },
    );
  };

  const text = (
    field: keyof CellFields,
    label: string,
    options: { multiline?: boolean; max?: number; hint?: string; type?: 'date' } = {},
  ) => (
    <TextField
      id={fieldId(PREFIX, field)}
      field={field}
      label={label}
      hint={options.hint}
      type={options.type}
      multiline={options.multiline}
      rows={options.multiline ? 5 : undefined}
      maxLength={options.max}
      value={form[field]}
      onChange={(value) => update({ [field]: value })}
      error={errors.errorFor(field)}
    />
  );

  return (
    <form
      className="form ws-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={cell ? t('workspace.workCell.editTitle') : t('workspace.workCell.newTitle')}
    >
      {text('name', t('workspace.workCell.name'), { max: 300 })}
      <SelectField
        id={fieldId(PREFIX, 'objectiveId')}
        field="objectiveId"
        label={t('workspace.workCell.objective')}
        value={form.objectiveId}
        onChange={(objectiveId) => update({ objectiveId })}
        error={errors.errorFor('objectiveId')}
      >
        <option value="">{t('workspace.workCell.noObjective')}</option>
        {groups.map((group) => (
          <optgroup key={group.plan.id} label={group.plan.title}>
            {group.objectives.map((objective) => (
              <option key={objective.id} value={objective.id}>
                {objective.code} {objective.title.slice(0, 90)}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      {text('objectiveText', t('workspace.workCell.objectiveText'), {
        multiline: true,
        max: 2000,
        hint: t('workspace.workCell.objectiveTextHint'),
      })}
      <div className="ws-row">
        {text('startDate', t('workspace.workCell.startDate'), { type: 'date' })}
        {text('startDateText', t('workspace.workCell.startDateText'), { max: 100, hint: t('workspace.workCell.startDateTextHint') })}
      </div>
      {text('mandate', t('workspace.workCell.mandate'), { multiline: true, max: 10_000 })}
      <div className="ws-row">
        {text('contact', t('workspace.workCell.contact'), { max: 500 })}
        {text('partnersNote', t('workspace.workCell.partnersNote'), { max: 2000 })}
      </div>
      <div className="ws-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('workspace.common.saving') : cell ? t('workspace.common.save') : t('workspace.workCell.create')}
        </button>
      </div>
      <FormStatus saved={saved} error={errors.general} />
    </form>
  );
}

/** /workspace/work-cells/new */
export function NewWorkCellPage() {
  const { t } = useTranslation();
  const { canEdit, pending } = useCanEdit();
  useDocumentTitle(t('workspace.workCell.newTitle'));
  if (pending) return <LoadingState />;
  return (
    <article className="ws-page">
      <p className="breadcrumb">
        <Link to="/workspace">
          <span aria-hidden="true">← </span>
          {t('workspace.backToWorkspace')}
        </Link>
      </p>
      <header className="page-header">
        <h1>{t('workspace.workCell.newTitle')}</h1>
      </header>
      {canEdit ? <WorkCellForm /> : <ReadOnlyNotice />}
    </article>
  );
}

/** /workspace/work-cells/:id: the cell's own fields, its steps and its partners. */
export function WorkCellEditorPage() {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const cell = useEditableWorkCell(id);
  const { canEdit, pending } = useCanEdit();
  const remove = useDeleteWorkCell();
  const [armed, setArmed] = useState(false);
  useDocumentTitle(cell.data ? t('workspace.workCell.pageTitle', { name: cell.data.name }) : t('workspace.workCell.editTitle'));

  if (cell.isPending || pending) return <LoadingState />;
  if (cell.isError) return <ErrorState error={cell.error} onRetry={() => void cell.refetch()} />;
  const data = cell.data;

  return (
    <article className="ws-page">
      <p className="breadcrumb">
        <Link to="/workspace">
          <span aria-hidden="true">← </span>
          {t('workspace.backToWorkspace')}
        </Link>
        {' · '}
        <Link to={`/work-cells/${data.id}`}>{t('workspace.workCell.readView')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('workspace.workCell.pageTitle', { name: data.name })}</h1>
      </header>
      {!canEdit ? (
        <ReadOnlyNotice />
      ) : (
        <>
          <WorkCellForm key={data.id} cell={data} />
          <StepsEditor cellId={data.id} steps={data.steps} />
          <PartnersEditor cellId={data.id} partnerships={data.partnerships} />
          <div className="ws-danger-zone">
            <ConfirmDelete
              name={data.name}
              label={t('workspace.workCell.deleteCell')}
              pending={remove.isPending}
              armed={armed}
              onArm={setArmed}
              onConfirm={() => remove.mutate(data.id, { onSuccess: () => navigate('/workspace', { replace: true }) })}
            />
            {remove.error ? (
              <p className="field__error" role="alert">
                {messageFor(remove.error)}
              </p>
            ) : null}
          </div>
        </>
      )}
    </article>
  );
}
