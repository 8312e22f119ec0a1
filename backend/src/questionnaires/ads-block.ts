import { randomUUID } from 'node:crypto';
import type { Dimension } from '@backend/indicators/indicator-kind';
import type { Choice, Question, Translations } from './question.types';

// The standard ADS+ block (analyse différenciée selon les sexes et intersectionnelle). Codes are stable:
// indicators break down by them. Every question may be left as « Je préfère ne pas répondre ».

const t = (fr: string, en: string, ar: string, es: string): Translations => ({ fr, en, ar, es });
const choice = (code: string, label: Translations): Choice => ({ code, label });

export const ADS_CATEGORIES: Record<Exclude<Dimension, 'disability'> | 'disability', Choice[]> = {
  gender: [
    choice('woman', t('Femme', 'Woman', 'امرأة', 'Mujer')),
    choice('man', t('Homme', 'Man', 'رجل', 'Hombre')),
    choice('non_binary', t('Personne non binaire', 'Non-binary person', 'شخص غير ثنائي', 'Persona no binaria')),
    choice(
      'self_described',
      t('Je me décris autrement', 'I describe myself otherwise', 'أصف نفسي بطريقة أخرى', 'Me describo de otra manera'),
    ),
  ],
  age_group: [
    choice('under_18', t('Moins de 18 ans', 'Under 18', 'أقل من 18 سنة', 'Menos de 18 años')),
    choice('18_24', t('18 à 24 ans', '18 to 24', 'من 18 إلى 24 سنة', '18 a 24 años')),
    choice('25_34', t('25 à 34 ans', '25 to 34', 'من 25 إلى 34 سنة', '25 a 34 años')),
    choice('35_44', t('35 à 44 ans', '35 to 44', 'من 35 إلى 44 سنة', '35 a 44 años')),
    choice('45_54', t('45 à 54 ans', '45 to 54', 'من 45 إلى 54 سنة', '45 a 54 años')),
    choice('55_64', t('55 à 64 ans', '55 to 64', 'من 55 إلى 64 سنة', '55 a 64 años')),
    choice('65_plus', t('65 ans et plus', '65 and over', '65 سنة فأكثر', '65 años o más')),
  ],
  immigration: [
    choice('born_canada', t('Je suis né·e au Canada', 'I was born in Canada', 'ولدت في كندا', 'Nací en Canadá')),
    choice(
      'arrived_lt5',
      t('Arrivé·e il y a moins de 5 ans', 'Arrived less than 5 years ago', 'وصلت منذ أقل من 5 سنوات', 'Llegué hace menos de 5 años'),
    ),
    choice(
      'arrived_5plus',
      t('Arrivé·e il y a 5 ans ou plus', 'Arrived 5 or more years ago', 'وصلت منذ 5 سنوات أو أكثر', 'Llegué hace 5 años o más'),
    ),
  ],
  language: [
    choice('fr', t('Français', 'French', 'الفرنسية', 'Francés')),
    choice('en', t('Anglais', 'English', 'الإنجليزية', 'Inglés')),
    choice('ar', t('Arabe', 'Arabic', 'العربية', 'Árabe')),
    choice('es', t('Espagnol', 'Spanish', 'الإسبانية', 'Español')),
    choice('pa', t('Pendjabi', 'Punjabi', 'البنجابية', 'Panyabí')),
    choice('bn', t('Bengali', 'Bengali', 'البنغالية', 'Bengalí')),
    choice('ur', t('Ourdou', 'Urdu', 'الأردية', 'Urdu')),
    choice('el', t('Grec', 'Greek', 'اليونانية', 'Griego')),
    choice('ta', t('Tamoul', 'Tamil', 'التاميلية', 'Tamil')),
    choice('other', t('Une autre langue', 'Another language', 'لغة أخرى', 'Otro idioma')),
  ],
  disability: [],
};

/**
 * A fresh copy of the block, with new question ids (or the caller's, for fixed demo data), ready to append. The gender
 * self-description is a short text shown only to those who chose it.
 */
export function adsBlock(idFor: (key: string) => string = () => randomUUID()): Question[] {
  const genderId = idFor('gender');
  return [
    {
      id: genderId,
      type: 'single_choice',
      required: false,
      allowPreferNot: true,
      dimension: 'gender',
      label: t(
        'Quelle est votre identité de genre ?',
        'What is your gender identity?',
        'ما هي هويتك الجندرية؟',
        '¿Cuál es su identidad de género?',
      ),
      choices: ADS_CATEGORIES.gender,
    },
    {
      id: idFor('gender_self'),
      type: 'short_text',
      required: false,
      allowPreferNot: true,
      label: t('Comment vous décrivez-vous ?', 'How do you describe yourself?', 'كيف تصف نفسك؟', '¿Cómo se describe?'),
      showIf: { questionId: genderId, anyOf: ['self_described'] },
    },
    {
      id: idFor('age_group'),
      type: 'single_choice',
      required: false,
      allowPreferNot: true,
      dimension: 'age_group',
      label: t('Quel est votre groupe d’âge ?', 'What is your age group?', 'ما هي فئتك العمرية؟', '¿Cuál es su grupo de edad?'),
      choices: ADS_CATEGORIES.age_group,
    },
    {
      id: idFor('immigration'),
      type: 'single_choice',
      required: false,
      allowPreferNot: true,
      dimension: 'immigration',
      label: t('Votre parcours migratoire', 'Your immigration background', 'خلفيتك في الهجرة', 'Su trayectoria migratoria'),
      choices: ADS_CATEGORIES.immigration,
    },
    {
      id: idFor('language'),
      type: 'multiple_choice',
      required: false,
      allowPreferNot: true,
      dimension: 'language',
      label: t(
        'Quelle(s) langue(s) parlez-vous à la maison ?',
        'Which language(s) do you speak at home?',
        'ما اللغة (اللغات) التي تتحدثها في المنزل؟',
        '¿Qué idioma(s) habla en casa?',
      ),
      choices: ADS_CATEGORIES.language,
    },
    {
      id: idFor('disability'),
      type: 'yes_no',
      required: false,
      allowPreferNot: true,
      dimension: 'disability',
      label: t('Vivez-vous avec un handicap ?', 'Do you live with a disability?', 'هل تعيش مع إعاقة؟', '¿Vive con una discapacidad?'),
    },
  ];
}
