import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useErrorMessage, useFieldErrorMessage } from '@/components/query-state';
import type { LoginRedirectState } from '@/features/auth/components/require-auth';
import { useLogin, useSessionToken } from '@/features/auth/hooks/use-session';
import { ApiError } from '@/lib/api-client';
import { useDocumentTitle } from '@/lib/use-document-title';
import { AuthPanel } from './auth-panel';
import { DemoNotice } from './demo-notice';

// The same rule the API applies to the email (class-validator's IsEmail, loosely): something@something.tld.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type FieldErrors = Partial<Record<'email' | 'password', string>>;

function safeRedirect(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  // Only same-app paths: never an absolute URL handed in through history state.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/plans';
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.title'));
  const location = useLocation();
  const token = useSessionToken();
  const loginMutation = useLogin();
  const messageFor = useErrorMessage();
  const fieldMessageFor = useFieldErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  if (token) return <Navigate to={safeRedirect(location.state)} replace />;

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    const trimmed = email.trim();
    if (!trimmed) errors.email = t('auth.emailRequired');
    else if (!EMAIL_PATTERN.test(trimmed)) errors.email = t('auth.emailInvalid');
    if (!password) errors.password = t('auth.passwordRequired');
    return errors;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      const firstInvalid = errors.email ? 'login-email' : 'login-password';
      document.getElementById(firstInvalid)?.focus();
      return;
    }
    loginMutation.mutate({ email: email.trim(), password });
  };

  const apiError = loginMutation.error;
  const apiFieldErrors = apiError instanceof ApiError ? apiError.errors : [];
  const errorFor = (field: 'email' | 'password'): string | undefined =>
    fieldErrors[field] ?? apiFieldErrors.filter((error) => error.field === field).map((error) => fieldMessageFor(error, apiError))[0];
  const emailError = errorFor('email');
  const passwordError = errorFor('password');

  return (
    <AuthPanel title={t('auth.title')}>
      <p className="muted">{t('auth.intro')}</p>
      <DemoNotice />
      {apiError ? (
        <div className="alert alert--error" role="alert">
          <p>{messageFor(apiError)}</p>
        </div>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="login-email">{t('auth.email')}</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? 'login-email-error' : undefined}
          />
          {emailError ? (
            <p id="login-email-error" className="field__error">
              {emailError}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('auth.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? 'login-password-error' : undefined}
          />
          {passwordError ? (
            <p id="login-password-error" className="field__error">
              {passwordError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--primary" disabled={loginMutation.isPending} aria-busy={loginMutation.isPending}>
          {t('auth.submit')}
        </button>
      </form>
    </AuthPanel>
  );
}
