import { adsBlock } from '@backend/questionnaires/ads-block';
import type { Question, Translations } from '@backend/questionnaires/question.types';

// The attendance and satisfaction questionnaire of the « Journée de Bienvenue à Parc-Ex » (orientation 4 of
// the Parc-Extension plan), in French, English and Arabic. Question ids are fixed so that indicators and
// tests can name them.

const t = (fr: string, en: string, ar: string): Translations => ({ fr, en, ar });

export const WELCOME_DAY_SLUG = 'bienvenue-parc-ex';

export const WELCOME_QUESTION_IDS = {
  heardFrom: '6b1f5a0e-0001-4c00-8000-000000000001',
  firstTime: '6b1f5a0e-0001-4c00-8000-000000000002',
  knowsTable: '6b1f5a0e-0001-4c00-8000-000000000003',
  services: '6b1f5a0e-0001-4c00-8000-000000000004',
  satisfaction: '6b1f5a0e-0001-4c00-8000-000000000005',
  improve: '6b1f5a0e-0001-4c00-8000-000000000006',
  gender: '6b1f5a0e-0001-4c00-8000-000000000011',
  gender_self: '6b1f5a0e-0001-4c00-8000-000000000012',
  age_group: '6b1f5a0e-0001-4c00-8000-000000000013',
  immigration: '6b1f5a0e-0001-4c00-8000-000000000014',
  language: '6b1f5a0e-0001-4c00-8000-000000000015',
  disability: '6b1f5a0e-0001-4c00-8000-000000000016',
} as const;

const ids = WELCOME_QUESTION_IDS;

export const WELCOME_DAY_TITLE = t('Journée de Bienvenue à Parc-Ex', 'Parc-Ex Welcome Day', 'يوم الترحيب في بارك-إكس');
export const WELCOME_DAY_DESCRIPTION = t(
  'Quelques questions sur votre participation. Vos réponses sont anonymes.',
  'A few questions about your visit. Your answers are anonymous.',
  'بعض الأسئلة حول مشاركتك. إجاباتك مجهولة الهوية.',
);

export const WELCOME_DAY_QUESTIONS: Question[] = [
  {
    id: ids.heardFrom,
    type: 'single_choice',
    required: true,
    label: t(
      'Comment avez-vous entendu parler de la Journée de Bienvenue ?',
      'How did you hear about the Welcome Day?',
      'كيف سمعت عن يوم الترحيب؟',
    ),
    choices: [
      { code: 'friends', label: t('Par des proches', 'From friends or family', 'من الأصدقاء أو العائلة') },
      { code: 'organization', label: t('Par un organisme du quartier', 'From a neighbourhood organization', 'من منظمة في الحي') },
      { code: 'social_media', label: t('Sur les réseaux sociaux', 'On social media', 'على وسائل التواصل الاجتماعي') },
      { code: 'poster', label: t('Par une affiche', 'From a poster', 'من ملصق') },
      { code: 'other', label: t('Autrement', 'Another way', 'بطريقة أخرى') },
    ],
  },
  {
    id: ids.firstTime,
    type: 'yes_no',
    required: true,
    label: t('Est-ce votre première Journée de Bienvenue ?', 'Is this your first Welcome Day?', 'هل هذا أول يوم ترحيب تحضره؟'),
  },
  {
    id: ids.knowsTable,
    type: 'yes_no',
    required: true,
    label: t(
      'Connaissez-vous la Table de quartier de Parc-Extension ?',
      'Do you know the Parc-Extension neighbourhood round table?',
      'هل تعرف طاولة حي بارك-إكستنشن؟',
    ),
  },
  {
    id: ids.services,
    type: 'multiple_choice',
    required: false,
    label: t(
      'Quels services avez-vous découverts aujourd’hui ?',
      'Which services did you discover today?',
      'ما هي الخدمات التي اكتشفتها اليوم؟',
    ),
    help: t('Plusieurs réponses possibles.', 'Choose all that apply.', 'يمكنك اختيار أكثر من إجابة.'),
    showIf: { questionId: ids.firstTime, anyOf: [true] },
    choices: [
      { code: 'food', label: t('Aide alimentaire', 'Food assistance', 'المساعدة الغذائية') },
      { code: 'housing', label: t('Logement', 'Housing', 'السكن') },
      { code: 'employment', label: t('Emploi', 'Employment', 'العمل') },
      { code: 'french', label: t('Cours de français', 'French classes', 'دروس اللغة الفرنسية') },
      { code: 'health', label: t('Santé', 'Health', 'الصحة') },
      { code: 'children', label: t('Enfance et famille', 'Children and family', 'الطفولة والأسرة') },
    ],
  },
  {
    id: ids.satisfaction,
    type: 'scale',
    required: true,
    min: 1,
    max: 5,
    label: t(
      'Dans l’ensemble, êtes-vous satisfait·e de la journée ?',
      'Overall, how satisfied are you with the day?',
      'بشكل عام، ما مدى رضاك عن هذا اليوم؟',
    ),
    minLabel: t('Pas du tout satisfait·e', 'Not at all satisfied', 'غير راضٍ على الإطلاق'),
    maxLabel: t('Très satisfait·e', 'Very satisfied', 'راضٍ جداً'),
  },
  {
    id: ids.improve,
    type: 'long_text',
    required: false,
    label: t('Comment pourrions-nous améliorer la journée ?', 'How could we improve the day?', 'كيف يمكننا تحسين هذا اليوم؟'),
  },
  ...adsBlock((key) => ids[key as keyof typeof ids]),
];
