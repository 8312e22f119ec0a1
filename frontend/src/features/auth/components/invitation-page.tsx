import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { LoadingState, useErrorMessage, useFieldErrorMessage } from '@/components/query-state';
import { PasswordField } from '@/features/account/components/password-field';
import { fetchInvitation } from '@/features/auth/api/auth-api';
import { useAcceptInvitation, useSessionToken } from '@/features/auth/hooks/use-session';
import { ApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { AuthPanel } from './auth-panel';

type Field = 'password' | 'confirmPassword';
type FieldErrors = Partial<Record<Field, string>>;

/**
 * `/invitation/:token`, the link an admin handed over: the person sees which account it opens, chooses its password
 * (once: the link is then used up) and is signed in.
 */
export function InvitationPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const sessionToken = useSessionToken();
  const invitation = useQuery({
    queryKey: ['invitation', token] as const,
    queryFn: ({ signal }) => fetchInvitation(token, signal),
    retry: false,
    // Once accepted the link answers 410: the page must not ask again and replace the form by that error.
    staleTime: Infinity,
    enabled: !sessionToken,
  });
  const accept = useAcceptInvitation(token);
  const messageFor = useErrorMessage();
  const fieldMessage = useFieldErrorMessage();
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  // Signed in (just now through this page, or already): on to the app.
  if (sessionToken) return <Navigate to="/plans" replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if ([...password].length < 10) errors.password = t('account.errors.tooShort');
    if (confirmPassword !== password) errors.confirmPassword = t('account.errors.mismatch');
    setFieldErrors(errors);
    const first = (['password', 'confirmPassword'] as const).find((field) => errors[field]);
    if (first) {
      document.getElementById(`invitation-${first}`)?.focus();
      return;
    }
    accept.mutate(password);
  };

  const apiError = accept.error instanceof ApiError ? accept.error : null;
  const apiPasswordError = apiError?.errors.find((fieldError) => fieldError.field === 'password');
  const errorFor = (field: Field): string | undefined =>
    fieldErrors[field] ?? (field === 'password' && apiPasswordError ? fieldMessage(apiPasswordError, apiError) : undefined);
  const generalError = accept.error && !apiPasswordError ? messageFor(accept.error) : null;

  return (
    <AuthPanel title={t('invitation.title')}>
      {invitation.isPending ? <LoadingState /> : null}
      {invitation.isError ? (
        <>
          <div className="alert alert--error" role="alert">
            <p>{messageFor(invitation.error)}</p>
          </div>
          <p>
            <Link to="/login">{t('invitation.toLogin')}</Link>
          </p>
        </>
      ) : null}
      {invitation.data ? (
        <>
          <p>
            {t('invitation.intro', {
              email: invitation.data.email,
              role: t(`role.${invitation.data.role}`, { defaultValue: invitation.data.role }),
            })}
          </p>
          <p className="muted">{t('invitation.expires', { date: formatDate(invitation.data.expiresAt, i18n.resolvedLanguage ?? 'fr') })}</p>
          {generalError ? (
            <div className="alert alert--error" role="alert">
              <p>{generalError}</p>
            </div>
          ) : null}
          <form className="form" onSubmit={onSubmit} noValidate>
            {/* The account's email, for password managers to file the new password under. */}
            <input type="hidden" name="username" autoComplete="username" value={invitation.data.email} />
            <PasswordField
              id="invitation-password"
              name="password"
              label={t('invitation.password')}
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              hint={t('account.rules')}
              error={errorFor('password')}
            />
            <PasswordField
              id="invitation-confirmPassword"
              name="confirmPassword"
              label={t('invitation.confirmPassword')}
              autoComplete="new-password"
              value={confirmPassword}
              onChange={setConfirmPassword}
              error={errorFor('confirmPassword')}
            />
            <button type="submit" className="button button--primary" disabled={accept.isPending} aria-busy={accept.isPending}>
              {t('invitation.submit')}
            </button>
          </form>
        </>
      ) : null}
    </AuthPanel>
  );
}
