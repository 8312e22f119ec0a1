import { useTranslation } from 'react-i18next';
import type { ImportDto, OptionsInputByKind } from '@/features/imports/api/imports-api';

/** What every kind's preview gets from the import's page: the import, and how to send new options. */
export interface OptionsFormProps<T extends ImportDto> {
  dto: T;
  /** False once the import is confirmed (or while it is analysed): the options are shown, not edited. */
  editable: boolean;
  applying: boolean;
  onApply: (options: OptionsInputByKind[T['kind']]) => void;
  /** The page keeps « Confirmer » off while options are changed but not applied. */
  onDirtyChange: (dirty: boolean) => void;
}

/** Applying new options sends the file back to the workers for a new analysis; nothing is imported yet. */
export function OptionsActions({ dirty, applying, onReset }: { dirty: boolean; applying: boolean; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="import-actions">
      <button type="submit" className="button button--secondary" disabled={!dirty || applying}>
        {applying ? t('imports.options.applying') : t('imports.options.apply')}
      </button>
      {dirty ? (
        <button type="button" className="button button--ghost" onClick={onReset} disabled={applying}>
          {t('imports.options.reset')}
        </button>
      ) : null}
      {dirty ? <p className="muted small import-actions__note">{t('imports.options.dirtyNote')}</p> : null}
    </div>
  );
}
