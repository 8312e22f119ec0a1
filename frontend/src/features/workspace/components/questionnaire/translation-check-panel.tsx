import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissingItem, MissingLanguage } from '@/features/workspace/components/questionnaire/translation-check';
import { directionOf, languageName } from '@/features/workspace/components/questionnaire/translations';

/** « Question 2 (« Par quel moyen ? ») — choix 2 : « À pied » »: where the string is, then the string itself. */
function Item({ item, base }: { item: MissingItem; base: string }) {
  const { t } = useTranslation();
  const where = t(`workspace.translationCheck.parts.${item.part}`, { number: item.question, choice: item.choice });
  // The default language's text inside a page in another: isolated, with its own language and direction.
  const quoted = (text: string) => (
    <q>
      <bdi lang={base} dir={directionOf(base)}>
        {text}
      </bdi>
    </q>
  );
  return (
    <li>
      {where}
      {item.part !== 'label' && item.questionText ? <> ({quoted(item.questionText)})</> : null}
      {t('workspace.translationCheck.colon')}
      {quoted(item.text || t('workspace.translationCheck.empty'))}
    </li>
  );
}

interface ListProps {
  entries: MissingLanguage[];
  defaultLanguage: string;
}

/** Per incomplete language, the texts its residents will read in the default language instead. */
export function MissingTranslationsList({ entries, defaultLanguage }: ListProps) {
  const { t, i18n } = useTranslation();
  const ui = i18n.resolvedLanguage ?? 'fr';
  return (
    <>
      {entries.map(({ language, items }) => (
        <div key={language} className="ws-translation-check__language">
          <p>
            <strong>
              {t('workspace.translationCheck.language', { language: languageName(language, ui), code: language, count: items.length })}
            </strong>
          </p>
          <ul className="bullets">
            {items.map((item) => (
              <Item key={item.path} item={item} base={defaultLanguage} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/** The languages, named in the reader's language: « arabe et anglais ». */
export function useLanguageList(): (codes: string[]) => string {
  const { i18n } = useTranslation();
  const ui = i18n.resolvedLanguage ?? 'fr';
  return (codes) => {
    const names = codes.map((code) => `${languageName(code, ui)} (${code})`);
    try {
      return new Intl.ListFormat(ui, { type: 'conjunction' }).format(names);
    } catch {
      return names.join(', ');
    }
  };
}

interface ConfirmProps {
  entries: MissingLanguage[];
  defaultLanguage: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asked before publishing a questionnaire some of whose languages are incomplete: which ones, and what they lack. */
export function PublishConfirmation({ entries, defaultLanguage, pending, onConfirm, onCancel }: ConfirmProps) {
  const { t, i18n } = useTranslation();
  const list = useLanguageList();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const count = entries.reduce((sum, entry) => sum + entry.items.length, 0);
  return (
    <section className="alert alert--archived ws-publish-check" aria-labelledby="qb-publish-check-title">
      <h2 id="qb-publish-check-title" ref={headingRef} tabIndex={-1}>
        {t('workspace.translationCheck.confirmTitle')}
      </h2>
      <p>
        {t('workspace.translationCheck.confirmBody', {
          count,
          languages: list(entries.map((entry) => entry.language)),
          base: languageName(defaultLanguage, i18n.resolvedLanguage ?? 'fr'),
        })}
      </p>
      <MissingTranslationsList entries={entries} defaultLanguage={defaultLanguage} />
      <div className="ws-toolbar">
        <button type="button" className="button button--primary" disabled={pending} onClick={onConfirm}>
          {t('workspace.translationCheck.confirmPublish')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('workspace.translationCheck.cancel')}
        </button>
      </div>
    </section>
  );
}

/** Always in sight in the builder: whether every language is complete, and if not, what is missing where. */
export function TranslationCheck({
  entries,
  defaultLanguage,
  languages,
}: {
  entries: MissingLanguage[];
  defaultLanguage: string;
  languages: string[];
}) {
  const { t, i18n } = useTranslation();
  const list = useLanguageList();
  if (languages.length < 2) return null;
  const count = entries.reduce((sum, entry) => sum + entry.items.length, 0);
  return (
    <details className="ws-details ws-translation-check" open={count > 0 || undefined}>
      <summary>
        {t('workspace.translationCheck.title')}
        {' — '}
        {count === 0
          ? t('workspace.translationCheck.complete')
          : t('workspace.translationCheck.summary', { count, languages: list(entries.map((entry) => entry.language)) })}
      </summary>
      {count > 0 ? (
        <>
          <p className="muted small">
            {t('workspace.translationCheck.intro', { base: languageName(defaultLanguage, i18n.resolvedLanguage ?? 'fr') })}
          </p>
          <MissingTranslationsList entries={entries} defaultLanguage={defaultLanguage} />
        </>
      ) : null}
    </details>
  );
}
