import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n as I18n, TFunction } from 'i18next';
import type { Dimension } from '@repere/contract';

/** Categories that are not ADS+ groups but answers about them: always listed last, in this order. */
const TRAILING = ['other', 'prefer_not', 'not_recorded'];

function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

const localeFor = (language: string): string => (language.startsWith('en') ? 'en-CA' : 'fr-CA');

/** A number for the clipboard: the UI language's decimal mark, no grouping, so spreadsheets read it as a number. */
export function formatForCopy(value: number, language: string): string {
  return new Intl.NumberFormat(localeFor(language), { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

/** Labels of ADS+ dimensions and categories, from the shared ones (adsDimension, adsCategory) when they exist. */
export function useAdsLabels() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  // One object per language, so that charts built from it are not rebuilt on every render.
  return useMemo(() => adsLabels(t, i18n, language), [t, i18n, language]);
}

function adsLabels(t: TFunction, i18n: I18n, language: string) {
  const locale = localeFor(language);
  let languageNames: Intl.DisplayNames | undefined;
  try {
    languageNames = new Intl.DisplayNames([locale], { type: 'language' });
  } catch {
    languageNames = undefined;
  }

  // Intl throws on what is not a language tag (not_answered, prefer_not, a code of the questionnaire's own).
  const languageName = (code: string): string | undefined => {
    try {
      return languageNames?.of(code);
    } catch {
      return undefined;
    }
  };

  const dimension = (name: Dimension): string =>
    i18n.exists(`adsDimension.${name}`)
      ? t(`adsDimension.${name}` as 'adsDimension.gender')
      : t(`dashboard.dimension.${name}` as 'dashboard.dimension.language', { defaultValue: name });

  const category = (dim: Dimension, code: string): string => {
    if (i18n.exists(`adsCategory.${dim}.${code}`)) return t(`adsCategory.${dim}.${code}` as 'adsCategory.gender.woman');
    if (i18n.exists(`dashboard.category.${code}`)) return t(`dashboard.category.${code}` as 'dashboard.category.other');
    if (dim === 'language') {
      const name = languageName(code);
      if (name && name !== code) return capitalise(name, locale);
    }
    return code;
  };

  /** Known categories in the order of the shared list, the others by name, then « other » and the non-answers. */
  const sortCategories = (dim: Dimension, codes: Iterable<string>): string[] => {
    const known = Object.keys((i18n.getResource(language, 'translation', `adsCategory.${dim}`) as object | undefined) ?? {});
    const rank = (code: string): number => {
      const trailing = TRAILING.indexOf(code);
      if (trailing >= 0) return 1000 + trailing;
      const index = known.indexOf(code);
      return index >= 0 ? index : 500;
    };
    return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || category(dim, a).localeCompare(category(dim, b), locale));
  };

  return { dimension, category, sortCategories };
}
