import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NETWORKS, type Network } from '@repere/contract';
import { useErrorMessage } from '@/components/query-state';
import type { EditablePartnership, EditableStep } from '@/features/workspace/api/work-cells-api';
import { ConfirmDelete, FormStatus, SelectField, TextField } from '@/features/workspace/components/form-fields';
import { fieldId, focusFirst, useFormErrors, type Problems } from '@/features/workspace/components/form-errors';
import { Checker, orNull } from '@/features/workspace/components/form-rules';
import { useOrganizationSearch, usePartnershipWrite, useStepOrder, useStepWrite } from '@/features/workspace/hooks/use-work-cell-editor';
import { formatDate } from '@/lib/format';

// Steps -----------------------------------------------------------------------------------------------------------

interface StepFields {
  text: string;
  done: boolean;
  phase: string;
  date: string;
}

/** WorkStepFieldsDto: a text, an optional phase of 100 characters at most, an optional real date. */
function checkStep(form: StepFields): Problems {
  const check = new Checker();
  check.required('text', form.text, 2000);
  check.maxLength('phase', form.phase, 100);
  check.date('date', form.date);
  return check.problems;
}
const STEP_SLOTS = new Set(['text', 'done', 'phase', 'date', 'position', 'workCellId']);

interface StepFormProps {
  cellId: string;
  step?: EditableStep;
  nextPosition?: number;
  onDone: () => void;
  onCancel?: () => void;
  /** Phases already used in the cell, offered as suggestions. */
  phases: string[];
}

function StepForm({ cellId, step, nextPosition, onDone, onCancel, phases }: StepFormProps) {
  const { t } = useTranslation();
  const prefix = `step-${useId()}`;
  const write = useStepWrite(cellId);
  const [form, setForm] = useState<StepFields>({
    text: step?.text ?? '',
    done: step?.done ?? false,
    phase: step?.phase ?? '',
    date: step?.date ?? '',
  });
  const [attempted, setAttempted] = useState(false);
  const errors = useFormErrors(attempted ? checkStep(form) : {}, write.error, STEP_SLOTS);
  const update = (patch: Partial<StepFields>): void => {
    setForm((previous) => ({ ...previous, ...patch }));
    if (write.isError) write.reset();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = checkStep(form);
    setAttempted(true);
    if (Object.keys(found).length > 0) {
      focusFirst(prefix, found);
      return;
    }
    const body = { text: form.text.trim(), done: form.done, phase: orNull(form.phase), date: form.date || null };
    write.mutate(step ? { kind: 'update', id: step.id, body } : { kind: 'create', body: { ...body, position: nextPosition } }, {
      onSuccess: () => {
        setAttempted(false);
        onDone();
      },
    });
  };
  return (
    <form
      className="form ws-inline-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={step ? t('workspace.workCell.editStep') : t('workspace.workCell.newStep')}
    >
      <TextField
        id={fieldId(prefix, 'text')}
        field="text"
        multiline
        rows={2}
        maxLength={2000}
        label={t('workspace.workCell.stepText')}
        value={form.text}
        onChange={(text) => update({ text })}
        error={errors.errorFor('text')}
      />
      <div className="ws-row">
        <TextField
          id={fieldId(prefix, 'phase')}
          field="phase"
          maxLength={100}
          label={t('workspace.workCell.phase')}
          hint={t('workspace.workCell.phaseHint')}
          value={form.phase}
          list={`${prefix}-phases`}
          onChange={(phase) => update({ phase })}
          error={errors.errorFor('phase')}
        />
        <TextField
          id={fieldId(prefix, 'date')}
          field="date"
          type="date"
          label={t('workspace.workCell.stepDate')}
          value={form.date}
          onChange={(date) => update({ date })}
          error={errors.errorFor('date')}
        />
      </div>
      <datalist id={`${prefix}-phases`}>
        {phases.map((phase) => (
          <option key={phase} value={phase} />
        ))}
      </datalist>
      <label className="ws-check" htmlFor={fieldId(prefix, 'done')}>
        <input
          id={fieldId(prefix, 'done')}
          type="checkbox"
          checked={form.done}
          onChange={(event) => update({ done: event.target.checked })}
        />
        <span>{t('workspace.workCell.done')}</span>
      </label>
      <div className="ws-actions">
        <button type="submit" className="button button--primary" disabled={write.isPending}>
          {write.isPending ? t('workspace.common.saving') : step ? t('workspace.common.save') : t('workspace.workCell.addStep')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('workspace.common.cancel')}
          </button>
        ) : null}
      </div>
      <FormStatus saved={null} error={errors.general} />
    </form>
  );
}

export function StepsEditor({ cellId, steps }: { cellId: string; steps: EditableStep[] }) {
  const { t, i18n } = useTranslation();
  const messageFor = useErrorMessage();
  const ordered = useMemo(() => [...steps].sort((a, b) => a.position - b.position), [steps]);
  const phases = useMemo(
    () => [...new Set(ordered.map((step) => step.phase).filter((phase): phase is string => Boolean(phase)))],
    [ordered],
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [armed, setArmed] = useState<string | null>(null);
  const write = useStepWrite(cellId);
  const order = useStepOrder(cellId);
  // A ticked box shows ticked at once (one that springs back until the server answers reads as a refusal); the
  // server's answer replaces it when the cell is read again.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const toggleDone = (step: EditableStep, done: boolean): void => {
    setTicked((previous) => ({ ...previous, [step.id]: done }));
    write.mutate(
      { kind: 'update', id: step.id, body: { done } },
      // Only the latest call's callbacks run: once it is settled and the cell read again, the server's state rules.
      { onSettled: () => setTicked({}) },
    );
  };

  const move = (index: number, delta: -1 | 1): void => {
    const next = [...ordered];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + delta, 0, moved);
    order.mutate(next.flatMap((step, position) => (step.position === position ? [] : [{ id: step.id, position }])));
  };

  return (
    <section className="ws-section" aria-labelledby="ws-steps-title">
      <h2 id="ws-steps-title">{t('workspace.workCell.steps')}</h2>
      {ordered.length === 0 ? <p className="empty">{t('workspace.workCell.noSteps')}</p> : null}
      <ol className="ws-list">
        {ordered.map((step, index) => {
          const name = t('workspace.workCell.stepName', { number: index + 1 });
          return (
            <li key={step.id} className="ws-list__item ws-list__item--block">
              {editing === step.id ? (
                <StepForm cellId={cellId} step={step} phases={phases} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
              ) : (
                <>
                  <label className="ws-check" htmlFor={`ws-step-done-${step.id}`}>
                    <input
                      id={`ws-step-done-${step.id}`}
                      type="checkbox"
                      checked={ticked[step.id] ?? step.done}
                      onChange={(event) => toggleDone(step, event.target.checked)}
                    />
                    <span className="visually-hidden">{t('workspace.workCell.markDone', { name })}</span>
                  </label>
                  <span className="ws-list__text">
                    {step.phase ? <span className="badge badge--outline">{step.phase}</span> : null} {step.text}
                    {step.date ? <span className="muted small"> — {formatDate(step.date, i18n.resolvedLanguage ?? 'fr')}</span> : null}
                  </span>
                  <div className="ws-toolbar">
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-label={`${t('workspace.common.edit')} — ${name}`}
                      onClick={() => setEditing(step.id)}
                    >
                      {t('workspace.common.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-label={t('workspace.common.moveUp', { name })}
                      disabled={index === 0 || order.isPending}
                      onClick={() => move(index, -1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-label={t('workspace.common.moveDown', { name })}
                      disabled={index === ordered.length - 1 || order.isPending}
                      onClick={() => move(index, 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <ConfirmDelete
                      name={name}
                      pending={write.isPending}
                      armed={armed === step.id}
                      onArm={(on) => setArmed(on ? step.id : null)}
                      onConfirm={() => write.mutate({ kind: 'delete', id: step.id })}
                    />
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ol>
      {write.error || order.error ? (
        <p className="field__error" role="alert">
          {messageFor(write.error ?? order.error)}
        </p>
      ) : null}
      {adding ? (
        <StepForm
          cellId={cellId}
          phases={phases}
          nextPosition={ordered.reduce((max, step) => Math.max(max, step.position + 1), 0)}
          onDone={() => setAdding(false)}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="button button--secondary ws-add-button" onClick={() => setAdding(true)}>
          <span aria-hidden="true">+{'\u00a0'}</span>
          {t('workspace.workCell.addStep')}
        </button>
      )}
    </section>
  );
}

// Partners --------------------------------------------------------------------------------------------------------

interface PartnerFields {
  organizationId: string;
  network: Network | '';
  sector: string;
}

/** PartnershipFieldsDto: an organization (when added), a known network or none, a sector of 200 characters at most. */
function checkPartner(form: PartnerFields, creating: boolean): Problems {
  const check = new Checker();
  if (creating && !form.organizationId) check.add('organizationId', 'organization');
  check.maxLength('sector', form.sector, 200);
  return check.problems;
}
const PARTNER_SLOTS = new Set(['organizationId', 'network', 'sector', 'position', 'workCellId']);

function PartnerForm({
  cellId,
  partnership,
  onDone,
  onCancel,
}: {
  cellId: string;
  partnership?: EditablePartnership;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const prefix = `partner-${useId()}`;
  const write = usePartnershipWrite(cellId);
  const [search, setSearch] = useState('');
  const organizations = useOrganizationSearch(search.trim());
  const [form, setForm] = useState<PartnerFields>({
    organizationId: partnership?.organizationId ?? '',
    network: partnership?.network ?? '',
    sector: partnership?.sector ?? '',
  });
  const [attempted, setAttempted] = useState(false);
  const errors = useFormErrors(attempted ? checkPartner(form, !partnership) : {}, write.error, PARTNER_SLOTS);
  const update = (patch: Partial<PartnerFields>): void => {
    setForm((previous) => ({ ...previous, ...patch }));
    if (write.isError) write.reset();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = checkPartner(form, !partnership);
    setAttempted(true);
    if (Object.keys(found).length > 0) {
      focusFirst(prefix, found);
      return;
    }
    const body = { network: form.network || null, sector: orNull(form.sector) };
    write.mutate(
      partnership ? { kind: 'update', id: partnership.id, body } : { kind: 'create', organizationId: form.organizationId, body },
      { onSuccess: onDone },
    );
  };

  return (
    <form
      className="form ws-inline-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={partnership ? t('workspace.workCell.editPartner') : t('workspace.workCell.newPartner')}
    >
      {partnership ? (
        <p>
          <strong>{partnership.organization?.name ?? partnership.organizationId}</strong>
        </p>
      ) : (
        <div className="ws-row">
          <div className="field">
            <label htmlFor={`${prefix}-search`}>{t('workspace.workCell.searchOrganization')}</label>
            <input
              id={`${prefix}-search`}
              type="search"
              value={search}
              autoComplete="off"
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <SelectField
            id={fieldId(prefix, 'organizationId')}
            field="organizationId"
            label={t('workspace.workCell.organization')}
            value={form.organizationId}
            onChange={(organizationId) => update({ organizationId })}
            error={errors.errorFor('organizationId')}
          >
            <option value="">{t('workspace.workCell.chooseOrganization', { count: organizations.data?.total ?? 0 })}</option>
            {(organizations.data?.items ?? []).map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
                {organization.acronym ? ` (${organization.acronym})` : ''}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <div className="ws-row">
        <SelectField
          id={fieldId(prefix, 'network')}
          field="network"
          label={t('workspace.workCell.network')}
          value={form.network}
          onChange={(network) => update({ network: network as PartnerFields['network'] })}
          error={errors.errorFor('network')}
        >
          <option value="">{t('workspace.workCell.noNetwork')}</option>
          {NETWORKS.map((network) => (
            <option key={network} value={network}>
              {t(`network.${network}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={fieldId(prefix, 'sector')}
          field="sector"
          maxLength={200}
          label={t('workspace.workCell.sector')}
          value={form.sector}
          onChange={(sector) => update({ sector })}
          error={errors.errorFor('sector')}
        />
      </div>
      <div className="ws-actions">
        <button type="submit" className="button button--primary" disabled={write.isPending}>
          {write.isPending ? t('workspace.common.saving') : partnership ? t('workspace.common.save') : t('workspace.workCell.addPartner')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('workspace.common.cancel')}
        </button>
      </div>
      <FormStatus saved={null} error={errors.general} />
    </form>
  );
}

export function PartnersEditor({ cellId, partnerships }: { cellId: string; partnerships: EditablePartnership[] }) {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [armed, setArmed] = useState<string | null>(null);
  const write = usePartnershipWrite(cellId);

  return (
    <section className="ws-section" aria-labelledby="ws-partners-title">
      <h2 id="ws-partners-title">{t('workspace.workCell.partners')}</h2>
      {partnerships.length === 0 ? <p className="empty">{t('workspace.workCell.noPartners')}</p> : null}
      <ul className="ws-list">
        {partnerships.map((partnership) => {
          const name = partnership.organization?.name ?? partnership.organizationId;
          return (
            <li key={partnership.id} className="ws-list__item ws-list__item--block">
              {editing === partnership.id ? (
                <PartnerForm cellId={cellId} partnership={partnership} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
              ) : (
                <>
                  <span className="ws-list__text">
                    <strong>{name}</strong>
                    {partnership.organization?.acronym ? ` (${partnership.organization.acronym})` : ''}
                    {' — '}
                    {partnership.network ? t(`network.${partnership.network}`) : t('common.none')}
                    {' · '}
                    {partnership.sector ?? t('common.none')}
                  </span>
                  <div className="ws-toolbar">
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-label={`${t('workspace.common.edit')} — ${name}`}
                      onClick={() => setEditing(partnership.id)}
                    >
                      {t('workspace.common.edit')}
                    </button>
                    <ConfirmDelete
                      name={name}
                      pending={write.isPending}
                      armed={armed === partnership.id}
                      onArm={(on) => setArmed(on ? partnership.id : null)}
                      onConfirm={() => write.mutate({ kind: 'delete', id: partnership.id })}
                    />
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {write.error ? (
        <p className="field__error" role="alert">
          {messageFor(write.error)}
        </p>
      ) : null}
      {adding ? (
        <PartnerForm cellId={cellId} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button--secondary ws-add-button" onClick={() => setAdding(true)}>
          <span aria-hidden="true">+{'\u00a0'}</span>
          {t('workspace.workCell.addPartner')}
        </button>
      )}
    </section>
  );
}
