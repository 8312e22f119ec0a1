// The page's own words (buttons, statuses, validation). The questionnaire's text comes translated from the
// API; these few strings are bundled for the languages written here, and any other language falls back to
// English.

const fr = {
  language: 'Langue',
  loading: 'Chargement du questionnaire…',
  loadFailed: 'Le questionnaire n’a pas pu être chargé. Vérifiez votre connexion.',
  notFound: 'Ce questionnaire n’existe pas ou n’est pas encore ouvert.',
  closed: 'Ce questionnaire est fermé. Merci de votre intérêt !',
  empty: 'Ce questionnaire ne contient aucune question.',
  retry: 'Réessayer',
  start: 'Commencer',
  resume: 'Reprendre',
  anonymous: 'Vos réponses sont anonymes et restent sur ce téléphone jusqu’à leur envoi.',
  questionCount: '{count} questions',
  progress: 'Question {current} / {total}',
  previous: 'Précédent',
  next: 'Suivant',
  submit: 'Envoyer',
  required: '(obligatoire)',
  optional: '(facultatif)',
  preferNot: 'Je préfère ne pas répondre',
  yes: 'Oui',
  no: 'Non',
  scaleEnds: '{min} : {minLabel} — {max} : {maxLabel}',
  errorRequired: 'Veuillez répondre à cette question.',
  errorChoice: 'Choisissez une des réponses proposées.',
  errorNumber: 'Entrez un nombre.',
  errorInteger: 'Entrez un nombre entier.',
  errorBetween: 'Entrez un nombre entre {min} et {max}.',
  errorMin: 'Entrez un nombre égal ou supérieur à {min}.',
  errorMax: 'Entrez un nombre égal ou inférieur à {max}.',
  errorDate: 'Entrez une date valide.',
  errorTooLong: 'Votre réponse est trop longue ({max} caractères au plus).',
  sendingTitle: 'Envoi de votre réponse…',
  sending: 'Un instant, nous envoyons votre réponse.',
  offlineTitle: 'Votre réponse est gardée',
  offline:
    'Pas de connexion pour le moment. Votre réponse est gardée sur ce téléphone et sera envoyée dès le retour de la connexion. Vous pouvez laisser cette page ouverte.',
  serverWait: 'Le serveur ne répond pas pour le moment. Votre réponse est gardée sur ce téléphone et sera envoyée automatiquement.',
  sendNow: 'Réessayer maintenant',
  thanks: 'Merci ! Votre réponse a bien été reçue.',
  thanksBody: 'Vous pouvez fermer cette page.',
  rejectedTitle: 'Votre réponse n’a pas pu être enregistrée',
  fixAnswers: 'Certaines réponses sont à corriger.',
  backToAnswers: 'Revenir à mes réponses',
  newResponse: 'Nouvelle réponse',
  kioskThanksBody: 'La tablette est prête pour la personne suivante.',
  kioskOffline:
    'Pas de connexion pour le moment. Votre réponse est gardée sur cette tablette et partira dès le retour de la connexion : vous pouvez passer la tablette à la personne suivante.',
};

export type MessageKey = keyof typeof fr;
type Catalog = Record<MessageKey, string>;

const en: Catalog = {
  language: 'Language',
  loading: 'Loading the questionnaire…',
  loadFailed: 'The questionnaire could not be loaded. Check your connection.',
  notFound: 'This questionnaire does not exist or is not open yet.',
  closed: 'This questionnaire is closed. Thank you for your interest!',
  empty: 'This questionnaire has no questions.',
  retry: 'Try again',
  start: 'Start',
  resume: 'Continue',
  anonymous: 'Your answers are anonymous and stay on this phone until they are sent.',
  questionCount: '{count} questions',
  progress: 'Question {current} / {total}',
  previous: 'Previous',
  next: 'Next',
  submit: 'Send',
  required: '(required)',
  optional: '(optional)',
  preferNot: 'I prefer not to answer',
  yes: 'Yes',
  no: 'No',
  scaleEnds: '{min}: {minLabel} — {max}: {maxLabel}',
  errorRequired: 'Please answer this question.',
  errorChoice: 'Choose one of the answers offered.',
  errorNumber: 'Enter a number.',
  errorInteger: 'Enter a whole number.',
  errorBetween: 'Enter a number between {min} and {max}.',
  errorMin: 'Enter a number of at least {min}.',
  errorMax: 'Enter a number of at most {max}.',
  errorDate: 'Enter a valid date.',
  errorTooLong: 'Your answer is too long ({max} characters at most).',
  sendingTitle: 'Sending your answers…',
  sending: 'One moment, we are sending your answers.',
  offlineTitle: 'Your answers are kept safe',
  offline:
    'No connection right now. Your answers are kept on this phone and will be sent as soon as the connection returns. You can leave this page open.',
  serverWait: 'The server is not answering right now. Your answers are kept on this phone and will be sent automatically.',
  sendNow: 'Try again now',
  thanks: 'Thank you! Your answers were received.',
  thanksBody: 'You can close this page.',
  rejectedTitle: 'Your answers could not be recorded',
  fixAnswers: 'Some answers need to be corrected.',
  backToAnswers: 'Back to my answers',
  newResponse: 'New response',
  kioskThanksBody: 'The tablet is ready for the next person.',
  kioskOffline:
    'No connection right now. Your answers are kept on this tablet and will be sent as soon as the connection returns: you can hand the tablet to the next person.',
};

const ar: Catalog = {
  language: 'اللغة',
  loading: 'جارٍ تحميل الاستبيان…',
  loadFailed: 'تعذّر تحميل الاستبيان. تحقّق من اتصالك.',
  notFound: 'هذا الاستبيان غير موجود أو لم يُفتح بعد.',
  closed: 'هذا الاستبيان مغلق. شكرًا لاهتمامك!',
  empty: 'لا يحتوي هذا الاستبيان على أي سؤال.',
  retry: 'إعادة المحاولة',
  start: 'ابدأ',
  resume: 'متابعة',
  anonymous: 'إجاباتك مجهولة الهوية وتبقى على هذا الهاتف حتى يتم إرسالها.',
  questionCount: '{count} أسئلة',
  progress: 'السؤال {current} / {total}',
  previous: 'السابق',
  next: 'التالي',
  submit: 'إرسال',
  required: '(إلزامي)',
  optional: '(اختياري)',
  preferNot: 'أفضّل عدم الإجابة',
  yes: 'نعم',
  no: 'لا',
  scaleEnds: '{min}: {minLabel} — {max}: {maxLabel}',
  errorRequired: 'يرجى الإجابة عن هذا السؤال.',
  errorChoice: 'اختر إحدى الإجابات المقترحة.',
  errorNumber: 'أدخل رقمًا.',
  errorInteger: 'أدخل عددًا صحيحًا.',
  errorBetween: 'أدخل رقمًا بين {min} و{max}.',
  errorMin: 'أدخل رقمًا لا يقل عن {min}.',
  errorMax: 'أدخل رقمًا لا يزيد عن {max}.',
  errorDate: 'أدخل تاريخًا صحيحًا.',
  errorTooLong: 'إجابتك طويلة جدًا ({max} حرفًا كحد أقصى).',
  sendingTitle: 'جارٍ إرسال إجاباتك…',
  sending: 'لحظة من فضلك، نحن نرسل إجاباتك.',
  offlineTitle: 'إجاباتك محفوظة',
  offline: 'لا يوجد اتصال حاليًا. إجاباتك محفوظة على هذا الهاتف وسيتم إرسالها فور عودة الاتصال. يمكنك ترك هذه الصفحة مفتوحة.',
  serverWait: 'الخادم لا يستجيب حاليًا. إجاباتك محفوظة على هذا الهاتف وسيتم إرسالها تلقائيًا.',
  sendNow: 'أعد المحاولة الآن',
  thanks: 'شكرًا! لقد تم استلام إجاباتك.',
  thanksBody: 'يمكنك إغلاق هذه الصفحة.',
  rejectedTitle: 'تعذّر تسجيل إجاباتك',
  fixAnswers: 'بعض الإجابات بحاجة إلى تصحيح.',
  backToAnswers: 'العودة إلى إجاباتي',
  newResponse: 'إجابة جديدة',
  kioskThanksBody: 'الجهاز اللوحي جاهز للشخص التالي.',
  kioskOffline:
    'لا يوجد اتصال حاليًا. إجاباتك محفوظة على هذا الجهاز اللوحي وسيتم إرسالها فور عودة الاتصال: يمكنك تسليم الجهاز للشخص التالي.',
};

const es: Catalog = {
  language: 'Idioma',
  loading: 'Cargando el cuestionario…',
  loadFailed: 'No se pudo cargar el cuestionario. Verifique su conexión.',
  notFound: 'Este cuestionario no existe o todavía no está abierto.',
  closed: 'Este cuestionario está cerrado. ¡Gracias por su interés!',
  empty: 'Este cuestionario no tiene preguntas.',
  retry: 'Reintentar',
  start: 'Comenzar',
  resume: 'Continuar',
  anonymous: 'Sus respuestas son anónimas y permanecen en este teléfono hasta que se envían.',
  questionCount: '{count} preguntas',
  progress: 'Pregunta {current} / {total}',
  previous: 'Anterior',
  next: 'Siguiente',
  submit: 'Enviar',
  required: '(obligatoria)',
  optional: '(opcional)',
  preferNot: 'Prefiero no responder',
  yes: 'Sí',
  no: 'No',
  scaleEnds: '{min}: {minLabel} — {max}: {maxLabel}',
  errorRequired: 'Por favor, responda a esta pregunta.',
  errorChoice: 'Elija una de las respuestas propuestas.',
  errorNumber: 'Escriba un número.',
  errorInteger: 'Escriba un número entero.',
  errorBetween: 'Escriba un número entre {min} y {max}.',
  errorMin: 'Escriba un número igual o mayor que {min}.',
  errorMax: 'Escriba un número igual o menor que {max}.',
  errorDate: 'Escriba una fecha válida.',
  errorTooLong: 'Su respuesta es demasiado larga ({max} caracteres como máximo).',
  sendingTitle: 'Enviando sus respuestas…',
  sending: 'Un momento, estamos enviando sus respuestas.',
  offlineTitle: 'Sus respuestas están guardadas',
  offline:
    'No hay conexión por ahora. Sus respuestas se guardan en este teléfono y se enviarán en cuanto vuelva la conexión. Puede dejar esta página abierta.',
  serverWait: 'El servidor no responde por ahora. Sus respuestas se guardan en este teléfono y se enviarán automáticamente.',
  sendNow: 'Reintentar ahora',
  thanks: '¡Gracias! Hemos recibido sus respuestas.',
  thanksBody: 'Puede cerrar esta página.',
  rejectedTitle: 'No se pudieron registrar sus respuestas',
  fixAnswers: 'Hay respuestas que corregir.',
  backToAnswers: 'Volver a mis respuestas',
  newResponse: 'Nueva respuesta',
  kioskThanksBody: 'La tableta está lista para la siguiente persona.',
  kioskOffline:
    'No hay conexión por ahora. Sus respuestas se guardan en esta tableta y se enviarán en cuanto vuelva la conexión: puede pasar la tableta a la siguiente persona.',
};

const CATALOGS: Record<string, Catalog> = { fr, en, ar, es };
export const FALLBACK_UI_LANGUAGE = 'en';

/** The language the page's own words are shown in: the asked one when bundled, else English. */
export function uiLanguageFor(language: string | null | undefined): string {
  return language && language in CATALOGS ? language : FALLBACK_UI_LANGUAGE;
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: string): Translate {
  const catalog = CATALOGS[uiLanguageFor(language)] ?? en;
  return (key, values) => {
    const template = catalog[key] || en[key];
    if (!values) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
  };
}
