// Each language is offered under its own name, so a newcomer finds theirs without reading French.
const NATIVE_NAMES: Record<string, string> = {
  fr: 'Français',
  en: 'English',
  ar: 'العربية',
  es: 'Español',
  pa: 'ਪੰਜਾਬੀ',
  bn: 'বাংলা',
  ur: 'اردو',
  el: 'Ελληνικά',
  ta: 'தமிழ்',
  pt: 'Português',
  it: 'Italiano',
  ht: 'Kreyòl ayisyen',
  fa: 'فارسی',
  ru: 'Русский',
  uk: 'Українська',
  zh: '中文',
  vi: 'Tiếng Việt',
  tl: 'Tagalog',
  hi: 'हिन्दी',
  tr: 'Türkçe',
  ro: 'Română',
  de: 'Deutsch',
};

/** Written right to left, as the API's `direction` says; used only before the questionnaire has loaded. */
const RTL_LANGUAGES = ['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'ckb', 'dv'];

export function nativeName(code: string): string {
  const known = NATIVE_NAMES[code];
  if (known) return known;
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    if (name && name !== code) return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    // An unknown tag: show the code itself.
  }
  return code;
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

/** `fr-CA` → `fr`, as the API matches languages by their primary tag. */
export function primaryTag(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The phone's languages, most preferred first, by primary tag. */
export function deviceLanguages(): string[] {
  const list = navigator.languages?.length ? navigator.languages : [navigator.language];
  return [...new Set(list.filter(Boolean).map(primaryTag))];
}
