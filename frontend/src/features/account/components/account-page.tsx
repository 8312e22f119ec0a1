import { useTranslation } from 'react-i18next';
import { PasswordChangeForm } from '@/features/account/components/password-change-form';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useDocumentTitle } from '@/lib/use-document-title';

/** « Mon compte »: who is signed in, and one's own password change. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const user = useCurrentUser();

  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      {user.data ? <p className="muted">{t('account.signedInAs', { email: user.data.email, role: t(`role.${user.data.role}`) })}</p> : null}
      <h2>{t('account.passwordHeading')}</h2>
      <p className="muted">{t('account.passwordIntro')}</p>
      <PasswordChangeForm />
    </section>
  );
}
