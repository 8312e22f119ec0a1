import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '@/i18n/i18n';

/** One button naming the other language in that language: « English » in French, "Français" in English. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const code = t('language.otherCode');
  const target: Language = LANGUAGES.find((language) => language === code) ?? 'fr';
  return (
    <button
      type="button"
      className="button button--ghost"
      lang={target}
      title={t('language.switchHint')}
      onClick={() => void changeLanguage(target)}
    >
      {t('language.other')}
    </button>
  );
}
