import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/components/query-state';
import { updateQuestionnaire, type Questionnaire } from '@/features/workspace/api/questionnaires-api';
import { readPageKeys, workspaceKeys } from '@/features/workspace/hooks/workspace-keys';

/**
 * Kiosk mode (« mode borne »): a setting of the questionnaire, not of its content, so it is saved at once (like the
 * open and close dates) and reaches the residents' page without a new publication.
 */
export function KioskSetting({ questionnaire, canEdit }: { questionnaire: Questionnaire; canEdit: boolean }) {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (kiosk: boolean) => updateQuestionnaire(questionnaire.id, { kiosk }),
    onSuccess: async (stored) => {
      queryClient.setQueryData(workspaceKeys.questionnaire(stored.id), stored);
      setSaved(stored.kiosk ? t('workspace.builder.kioskOn') : t('workspace.builder.kioskOff'));
      void queryClient.invalidateQueries({ queryKey: readPageKeys.questionnaires });
    },
  });
  const checked = save.isPending && save.variables !== undefined ? save.variables : questionnaire.kiosk;
  return (
    <div className="ws-kiosk">
      <label className="ws-check" htmlFor="qb-kiosk">
        <input
          id="qb-kiosk"
          type="checkbox"
          checked={checked}
          disabled={!canEdit || save.isPending}
          aria-describedby="qb-kiosk-hint"
          onChange={(event) => {
            setSaved(null);
            save.mutate(event.target.checked);
          }}
        />
        <span>{t('workspace.builder.kiosk')}</span>
      </label>
      <p id="qb-kiosk-hint" className="muted small">
        {t('workspace.builder.kioskHint')}
      </p>
      <p role="status" className="small">
        {saved}
      </p>
      {save.error ? (
        <p className="field__error" role="alert">
          {messageFor(save.error)}
        </p>
      ) : null}
    </div>
  );
}
