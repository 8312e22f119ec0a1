import { ANSWER_PROBLEM_KEYS } from '@repere/contract';

/**
 * What a resident reads when an answer is refused, in the languages the catalogs cover. A questionnaire in
 * another language (Punjabi, Tamil…) falls back to its default language's catalog, then to English.
 */
export const MESSAGE_KEYS = ['summary', 'body', 'unknown_field', 'language', 'version', 'answers', ...ANSWER_PROBLEM_KEYS] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];
export type MessageParams = Record<string, string | number>;

type Catalog = Record<MessageKey, string>;

const en: Catalog = {
  summary: 'Some answers need attention.',
  body: 'The body must be a JSON object with language, version and answers.',
  unknown_field: 'This field is not accepted.',
  language: 'Choose one of the languages of this questionnaire: {languages}.',
  version: 'This is not a published version of this questionnaire (1 to {current}).',
  answers: 'answers must be a list of { questionId, value }.',
  entry: 'Each answer needs a questionId and a value, and nothing else.',
  required: 'This question needs an answer.',
  unknown_question: 'This question is not part of this version of the questionnaire.',
  duplicate_question: 'This question was answered more than once.',
  hidden: 'This question does not apply given the earlier answers.',
  prefer_not: '« Prefer not to answer » is not offered for this question.',
  choice: 'Choose one of the options offered.',
  choices: 'Choose among the options offered, each at most once.',
  yes_no: 'Answer yes or no.',
  scale: 'Choose a whole number from {min} to {max}.',
  scale_any: 'Choose a whole number.',
  number: 'Enter a number.',
  number_min: 'Enter a number of at least {min}.',
  number_max: 'Enter a number of at most {max}.',
  number_range: 'Enter a number from {min} to {max}.',
  text: 'Write at most {max} characters.',
  date: 'Enter a real date (YYYY-MM-DD).',
};

const fr: Catalog = {
  summary: 'Certaines réponses sont à revoir.',
  body: 'Le corps doit être un objet JSON avec language, version et answers.',
  unknown_field: 'Ce champ n’est pas accepté.',
  language: 'Choisissez une des langues de ce questionnaire : {languages}.',
  version: 'Ce n’est pas une version publiée de ce questionnaire (1 à {current}).',
  answers: 'answers doit être une liste de { questionId, value }.',
  entry: 'Chaque réponse doit avoir un questionId et une valeur (value), et rien d’autre.',
  required: 'Cette question demande une réponse.',
  unknown_question: 'Cette question ne fait pas partie de cette version du questionnaire.',
  duplicate_question: 'Cette question a reçu plus d’une réponse.',
  hidden: 'Cette question ne s’applique pas, compte tenu des réponses précédentes.',
  prefer_not: '« Je préfère ne pas répondre » n’est pas proposé pour cette question.',
  choice: 'Choisissez une des options proposées.',
  choices: 'Choisissez parmi les options proposées, chacune une seule fois.',
  yes_no: 'Répondez par oui ou par non.',
  scale: 'Choisissez un nombre entier de {min} à {max}.',
  scale_any: 'Choisissez un nombre entier.',
  number: 'Saisissez un nombre.',
  number_min: 'Saisissez un nombre d’au moins {min}.',
  number_max: 'Saisissez un nombre d’au plus {max}.',
  number_range: 'Saisissez un nombre de {min} à {max}.',
  text: 'Écrivez au plus {max} caractères.',
  date: 'Saisissez une date réelle (AAAA-MM-JJ).',
};

const ar: Catalog = {
  summary: 'بعض الإجابات تحتاج إلى مراجعة.',
  body: 'يجب أن يكون المحتوى كائن JSON يحتوي على language وversion وanswers.',
  unknown_field: 'هذا الحقل غير مقبول.',
  language: 'اختر إحدى لغات هذا الاستبيان: {languages}.',
  version: 'هذه ليست نسخة منشورة من هذا الاستبيان (من 1 إلى {current}).',
  answers: 'يجب أن تكون answers قائمة من { questionId, value }.',
  entry: 'كل إجابة تحتاج إلى questionId وقيمة (value) فقط.',
  required: 'هذا السؤال يتطلب إجابة.',
  unknown_question: 'هذا السؤال ليس جزءاً من هذه النسخة من الاستبيان.',
  duplicate_question: 'تمت الإجابة عن هذا السؤال أكثر من مرة.',
  hidden: 'هذا السؤال لا ينطبق بناءً على إجاباتك السابقة.',
  prefer_not: 'خيار «أفضّل عدم الإجابة» غير متاح لهذا السؤال.',
  choice: 'اختر أحد الخيارات المعروضة.',
  choices: 'اختر من بين الخيارات المعروضة، كل خيار مرة واحدة فقط.',
  yes_no: 'أجب بنعم أو لا.',
  scale: 'اختر عدداً صحيحاً من {min} إلى {max}.',
  scale_any: 'اختر عدداً صحيحاً.',
  number: 'أدخل رقماً.',
  number_min: 'أدخل رقماً لا يقل عن {min}.',
  number_max: 'أدخل رقماً لا يزيد عن {max}.',
  number_range: 'أدخل رقماً من {min} إلى {max}.',
  text: 'اكتب {max} حرفاً على الأكثر.',
  date: 'أدخل تاريخاً صحيحاً (YYYY-MM-DD).',
};

const es: Catalog = {
  summary: 'Algunas respuestas necesitan revisión.',
  body: 'El cuerpo debe ser un objeto JSON con language, version y answers.',
  unknown_field: 'Este campo no se acepta.',
  language: 'Elija uno de los idiomas de este cuestionario: {languages}.',
  version: 'No es una versión publicada de este cuestionario (1 a {current}).',
  answers: 'answers debe ser una lista de { questionId, value }.',
  entry: 'Cada respuesta necesita un questionId y un valor (value), y nada más.',
  required: 'Esta pregunta necesita una respuesta.',
  unknown_question: 'Esta pregunta no forma parte de esta versión del cuestionario.',
  duplicate_question: 'Esta pregunta se respondió más de una vez.',
  hidden: 'Esta pregunta no corresponde según las respuestas anteriores.',
  prefer_not: '«Prefiero no responder» no se ofrece para esta pregunta.',
  choice: 'Elija una de las opciones ofrecidas.',
  choices: 'Elija entre las opciones ofrecidas, cada una una sola vez.',
  yes_no: 'Responda sí o no.',
  scale: 'Elija un número entero de {min} a {max}.',
  scale_any: 'Elija un número entero.',
  number: 'Escriba un número.',
  number_min: 'Escriba un número de al menos {min}.',
  number_max: 'Escriba un número de como máximo {max}.',
  number_range: 'Escriba un número de {min} a {max}.',
  text: 'Escriba {max} caracteres como máximo.',
  date: 'Escriba una fecha real (AAAA-MM-DD).',
};

export const CATALOGS: Record<string, Catalog> = { en, fr, ar, es };

/** The catalog language for a resident: theirs when covered, else the questionnaire's default, else English. */
export function messageLanguage(asked: string | undefined, defaultLanguage: string): string {
  if (asked && CATALOGS[asked]) return asked;
  return CATALOGS[defaultLanguage] ? defaultLanguage : 'en';
}

export function message(language: string, key: MessageKey, params: MessageParams = {}): string {
  const text = (CATALOGS[language] ?? en)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
