import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDelete } from '@/features/workspace/components/form-fields';
import type { PlanPart } from '@/features/workspace/api/plan-api';
import { moveChanges, usePlanWrite, useReorder } from '@/features/workspace/hooks/use-plan-editor';
import { useErrorMessage } from '@/components/query-state';

interface PartToolbarProps<T extends { id: string; position: number }> {
  planId: string;
  part: PlanPart;
  /** The item's siblings, in the order shown. */
  siblings: readonly T[];
  index: number;
  /** Names the item in the buttons' accessible names: « Monter l'objectif 4.1 ». */
  name: string;
  editLabel?: string;
  onEdit?: () => void;
}

/** Edit, move up, move down and delete: the same four buttons on every part of the tree. */
export function PartToolbar<T extends { id: string; position: number }>({
  planId,
  part,
  siblings,
  index,
  name,
  editLabel,
  onEdit,
}: PartToolbarProps<T>) {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const reorder = useReorder(planId);
  const remove = usePlanWrite(planId);
  const [armed, setArmed] = useState(false);
  const item = siblings[index];
  if (!item) return null;

  const move = (delta: -1 | 1): void => reorder.mutate(moveChanges(part, siblings, index, delta));
  const error = reorder.error ?? remove.error;

  return (
    <div className="ws-toolbar">
      {onEdit ? (
        <button
          type="button"
          className="button button--ghost"
          aria-label={`${editLabel ?? t('workspace.common.edit')} — ${name}`}
          onClick={onEdit}
        >
          {editLabel ?? t('workspace.common.edit')}
        </button>
      ) : null}
      <button
        type="button"
        className="button button--ghost"
        aria-label={t('workspace.common.moveUp', { name })}
        disabled={index === 0 || reorder.isPending}
        onClick={() => move(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="button button--ghost"
        aria-label={t('workspace.common.moveDown', { name })}
        disabled={index === siblings.length - 1 || reorder.isPending}
        onClick={() => move(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <ConfirmDelete
        name={name}
        pending={remove.isPending}
        armed={armed}
        onArm={setArmed}
        onConfirm={() => remove.mutate({ kind: 'delete', part, id: item.id })}
      />
      {error ? (
        <p className="field__error" role="alert">
          {messageFor(error)}
        </p>
      ) : null}
    </div>
  );
}
