import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invitationLink, type UserWithCredentials } from '@/features/users/api/users-api';
import { formatDate } from '@/lib/format';

/**
 * What the admin hands over after creating or resetting an account: the invitation link or the temporary password,
 * shown this once (the API keeps neither in clear), with a copy button.
 */
export function IssuedCredentials({ issued, onDismiss }: { issued: UserWithCredentials; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const secret = issued.invitationToken ? invitationLink(issued.invitationToken) : (issued.temporaryPassword ?? '');
  const isLink = Boolean(issued.invitationToken);

  useEffect(() => {
    setCopied(false);
    headingRef.current?.focus();
  }, [secret]);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, a refusal): the text is selected, for Ctrl+C.
      inputRef.current?.select();
    }
  };

  return (
    <section className="alert issued-credentials" aria-labelledby="issued-title">
      <h2 id="issued-title" ref={headingRef} tabIndex={-1}>
        {isLink ? t('users.issued.linkTitle', { email: issued.email }) : t('users.issued.passwordTitle', { email: issued.email })}
      </h2>
      <p>
        {isLink
          ? t('users.issued.linkIntro', { date: formatDate(issued.invitationExpiresAt, i18n.resolvedLanguage ?? 'fr') })
          : t('users.issued.passwordIntro')}
      </p>
      <div className="field">
        <label htmlFor="issued-secret">{isLink ? t('users.issued.link') : t('users.issued.password')}</label>
        <div className="issued-credentials__row">
          <input
            id="issued-secret"
            ref={inputRef}
            type="text"
            readOnly
            value={secret}
            spellCheck={false}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button button--primary" onClick={() => void copy()}>
            {t('users.issued.copy')}
          </button>
        </div>
      </div>
      <p role="status">{copied ? t('users.issued.copied') : ''}</p>
      <p className="muted">{t('users.issued.once')}</p>
      <button type="button" className="button button--secondary" onClick={onDismiss}>
        {t('users.issued.dismiss')}
      </button>
    </section>
  );
}
