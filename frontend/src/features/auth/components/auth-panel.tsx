import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/language-switch';

/** The centred panel of the pages met before the app itself: sign-in, an invitation, a forced password change. */
export function AuthPanel({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="login" tabIndex={-1}>
      <div className="login__panel">
        <div className="login__lang">
          <LanguageSwitch />
        </div>
        <p className="login__brand" aria-hidden="true">
          {t('app.name')}
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
