import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordChangeForm } from '@/features/account/components/password-change-form';
import { AuthPanel } from '@/features/auth/components/auth-panel';
import { useCurrentUser, useSignOut } from '@/features/auth/hooks/use-session';
import { useDocumentTitle } from '@/lib/use-document-title';

/**
 * Shown instead of every staff page while the account holds a temporary password (the API refuses everything else
 * with password_change_required): the person chooses their own, then goes on to the page they asked for.
 */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.forced.title'));
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const signOut = useSignOut();

  return (
    <AuthPanel title={t('account.forced.title')}>
      <p className="muted">{t('account.forced.intro', { email: user.data?.email ?? '' })}</p>
      <PasswordChangeForm
        currentLabel={t('account.forced.current')}
        submitLabel={t('account.forced.submit')}
        // Whatever the pages asked for before was refused: asked again now that the account may.
        onChanged={() => void queryClient.invalidateQueries()}
      />
      <p>
        <button type="button" className="button button--ghost" onClick={signOut}>
          {t('session.signOut')}
        </button>
      </p>
    </AuthPanel>
  );
}
