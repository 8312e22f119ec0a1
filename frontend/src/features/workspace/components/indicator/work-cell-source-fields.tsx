import { useTranslation } from 'react-i18next';
import { useWorkCell, useWorkCells } from '@/features/dashboard/hooks/use-dashboard';
import { SelectField } from '@/features/workspace/components/form-fields';
import { fieldId } from '@/features/workspace/components/form-errors';
import type { IndicatorFields } from '@/features/workspace/components/indicator/indicator-form-state';

interface WorkCellSourceFieldsProps {
  prefix: string;
  planId: string;
  form: IndicatorFields;
  update: (patch: Partial<IndicatorFields>) => void;
  errorFor: (field: string) => string | null;
}

/** The phases of a cell's steps, in the order they first appear. */
function PhaseSelect({ prefix, workCellId, form, update, errorFor }: Omit<WorkCellSourceFieldsProps, 'planId'> & { workCellId: string }) {
  const { t } = useTranslation();
  const cell = useWorkCell(workCellId);
  const phases = [...new Set((cell.data?.steps ?? []).map((step) => step.phase).filter((phase): phase is string => Boolean(phase)))];
  if (phases.length === 0 && !form.phase) return null;
  return (
    <SelectField
      id={fieldId(prefix, 'source.phase')}
      field="source.phase"
      label={t('workStepsIndicator.phase')}
      value={form.phase}
      onChange={(phase) => update({ phase })}
      error={errorFor('source.phase')}
    >
      <option value="">{t('workStepsIndicator.allPhases')}</option>
      {[...new Set([...phases, ...(form.phase ? [form.phase] : [])])].map((phase) => (
        <option key={phase} value={phase}>
          {phase}
        </option>
      ))}
    </SelectField>
  );
}

/** The work cell whose steps a « work_steps_done » indicator counts (one serving the plan's objectives), and its phase. */
export function WorkCellSourceFields({ prefix, planId, form, update, errorFor }: WorkCellSourceFieldsProps) {
  const { t } = useTranslation();
  const cells = useWorkCells();
  const ofPlan = (cells.data?.items ?? []).filter((cell) => cell.planId === planId);
  return (
    <div className="ws-row">
      <SelectField
        id={fieldId(prefix, 'source.workCellId')}
        field="source.workCellId"
        label={t('workStepsIndicator.workCell')}
        hint={cells.data && ofPlan.length === 0 ? t('workStepsIndicator.noWorkCell') : undefined}
        value={form.workCellId}
        onChange={(workCellId) => update({ workCellId, phase: '' })}
        error={errorFor('source.workCellId') ?? errorFor('source')}
      >
        <option value="">{t('workStepsIndicator.chooseWorkCell')}</option>
        {ofPlan.map((cell) => (
          <option key={cell.id} value={cell.id}>
            {cell.objective ? `${cell.objective.code} — ${cell.name}` : cell.name}
          </option>
        ))}
      </SelectField>
      {form.workCellId ? (
        <PhaseSelect prefix={prefix} workCellId={form.workCellId} form={form} update={update} errorFor={errorFor} />
      ) : null}
    </div>
  );
}
