import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/components/query-state';
import { useChangePassword } from '@/features/auth/hooks/use-session';
import { ApiError } from '@/lib/api-client';
import { PasswordField } from './password-field';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';
type FieldErrors = Partial<Record<Field, string>>;

/** The API's codes for a refused change, each said in the user's language (the API's own message is English). */
type ErrorKey = `account.errors.${'currentWrong' | 'tooShort' | 'common' | 'repeated' | 'email' | 'unchanged'}`;
const ERROR_KEYS: Record<string, { field: Field; key: ErrorKey }> = {
  current_password_wrong: { field: 'currentPassword', key: 'account.errors.currentWrong' },
  password_too_short: { field: 'newPassword', key: 'account.errors.tooShort' },
  password_common: { field: 'newPassword', key: 'account.errors.common' },
  password_repeated: { field: 'newPassword', key: 'account.errors.repeated' },
  password_email: { field: 'newPassword', key: 'account.errors.email' },
  password_unchanged: { field: 'newPassword', key: 'account.errors.unchanged' },
};

interface PasswordChangeFormProps {
  /** The label of the current password: « Mot de passe actuel », or the temporary one. */
  currentLabel?: string;
  submitLabel?: string;
  onChanged?: () => void;
}

/** One's own password change: the current password, the new one twice; the session goes on with the new token. */
export function PasswordChangeForm({ currentLabel, submitLabel, onChanged }: PasswordChangeFormProps) {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const messageFor = useErrorMessage();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!currentPassword) errors.currentPassword = t('account.errors.currentRequired');
    if ([...newPassword].length < 10) errors.newPassword = t('account.errors.tooShort');
    if (confirmPassword !== newPassword) errors.confirmPassword = t('account.errors.mismatch');
    return errors;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    const first = (['currentPassword', 'newPassword', 'confirmPassword'] as const).find((field) => errors[field]);
    if (first) {
      document.getElementById(`account-${first}`)?.focus();
      return;
    }
    mutation.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setConfirmPassword('');
          onChanged?.();
        },
      },
    );
  };

  const apiError = mutation.error instanceof ApiError ? mutation.error : null;
  const known = apiError ? ERROR_KEYS[apiError.code] : undefined;
  const errorFor = (field: Field): string | undefined => fieldErrors[field] ?? (known?.field === field ? t(known.key) : undefined);
  const generalError =
    mutation.error && !known ? (apiError?.code === 'too_many_requests' ? t('account.errors.throttled') : messageFor(mutation.error)) : null;

  return (
    <>
      {mutation.isSuccess && !onChanged ? (
        <div className="alert" role="status">
          <p>{t('account.changed')}</p>
        </div>
      ) : null}
      {generalError ? (
        <div className="alert alert--error" role="alert">
          <p>{generalError}</p>
        </div>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <PasswordField
          id="account-currentPassword"
          name="currentPassword"
          label={currentLabel ?? t('account.currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={errorFor('currentPassword')}
        />
        <PasswordField
          id="account-newPassword"
          name="newPassword"
          label={t('account.newPassword')}
          autoComplete="new-password"
          value={newPassword}
          onChange={setNewPassword}
          hint={t('account.rules')}
          error={errorFor('newPassword')}
        />
        <PasswordField
          id="account-confirmPassword"
          name="confirmPassword"
          label={t('account.confirmPassword')}
          autoComplete="new-password"
          value={confirmPassword}
          onChange={setConfirmPassword}
          error={errorFor('confirmPassword')}
        />
        <button type="submit" className="button button--primary" disabled={mutation.isPending} aria-busy={mutation.isPending}>
          {submitLabel ?? t('account.submit')}
        </button>
      </form>
    </>
  );
}
