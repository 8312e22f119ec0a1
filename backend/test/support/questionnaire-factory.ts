import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { adsBlock } from '@backend/questionnaires/ads-block';
import type { AnswerValue, Question, Translations } from '@backend/questionnaires/question.types';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { Questionnaire, QuestionnaireStatus } from '@backend/questionnaires/questionnaire.entity';

// Published questionnaires written straight through TypeORM, for tests of what residents do with them.

const t = (fr: string, en: string, ar = en, es = en): Translations => ({ fr, en, ar, es });

/** The questions of SAMPLE_QUESTIONS by role, so tests can name them. */
export interface SampleIds {
  attended: string;
  heardFrom: string;
  services: string;
  satisfaction: string;
  whyUnsatisfied: string;
  people: string;
  comment: string;
  story: string;
  visitDay: string;
  age: string;
}

/** One question of every type, a show-if, and a « prefer not » ADS+ question. */
export function sampleQuestions(): { questions: Question[]; ids: SampleIds } {
  const ids: SampleIds = {
    attended: randomUUID(),
    heardFrom: randomUUID(),
    services: randomUUID(),
    satisfaction: randomUUID(),
    whyUnsatisfied: randomUUID(),
    people: randomUUID(),
    comment: randomUUID(),
    story: randomUUID(),
    visitDay: randomUUID(),
    age: randomUUID(),
  };
  const [, , ageGroup] = adsBlock();
  const questions: Question[] = [
    {
      id: ids.attended,
      type: 'yes_no',
      required: true,
      label: t('Avez-vous participé ?', 'Did you take part?', 'هل شاركت؟', '¿Participó?'),
    },
    {
      id: ids.heardFrom,
      type: 'single_choice',
      required: true,
      label: t('Comment en avez-vous entendu parler ?', 'How did you hear of it?'),
      choices: [
        { code: 'friends', label: t('Amis', 'Friends') },
        { code: 'poster', label: t('Affiche', 'Poster') },
      ],
    },
    {
      id: ids.services,
      type: 'multiple_choice',
      required: false,
      label: t('Services utilisés', 'Services used'),
      choices: [
        { code: 'food', label: t('Alimentation', 'Food') },
        { code: 'housing', label: t('Logement', 'Housing') },
        { code: 'french', label: t('Francisation', 'French') },
      ],
    },
    {
      id: ids.satisfaction,
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      label: t('Satisfaction', 'Satisfaction'),
      minLabel: t('Pas du tout', 'Not at all'),
      maxLabel: t('Très', 'Very'),
    },
    {
      id: ids.whyUnsatisfied,
      type: 'long_text',
      required: true,
      label: t('Pourquoi ?', 'Why?'),
      showIf: { questionId: ids.satisfaction, anyOf: [1, 2] },
    },
    { id: ids.people, type: 'number', required: false, min: 0, max: 20, label: t('Combien de personnes ?', 'How many people?') },
    { id: ids.comment, type: 'short_text', required: false, label: t('Un mot ?', 'A word?') },
    { id: ids.story, type: 'long_text', required: false, label: t('Racontez', 'Tell us') },
    { id: ids.visitDay, type: 'date', required: false, label: t('Date de la visite', 'Date of the visit') },
    { ...ageGroup, id: ids.age },
  ];
  return { questions, ids };
}

/** Answers to SAMPLE_QUESTIONS that are valid: satisfied, so the « why » question stays hidden. */
export function validAnswers(ids: SampleIds, overrides: Partial<Record<keyof SampleIds, AnswerValue | undefined>> = {}) {
  const values: Partial<Record<keyof SampleIds, AnswerValue | undefined>> = {
    attended: true,
    heardFrom: 'friends',
    services: ['food', 'french'],
    satisfaction: 4,
    people: 3,
    comment: 'Merci',
    visitDay: '2024-08-17',
    age: '25_34',
    ...overrides,
  };
  return (Object.keys(values) as (keyof SampleIds)[])
    .filter((k) => values[k] !== undefined)
    .map((k) => ({ questionId: ids[k], value: values[k] as AnswerValue }));
}

export interface QuestionnaireFixture {
  questionnaireId: string;
  slug: string;
  planId: string;
  /** Version ids by number. */
  versionIds: Record<number, string>;
  questions: Question[];
}

export interface QuestionnaireOptions {
  planId?: string;
  slug?: string;
  status?: QuestionnaireStatus;
  defaultLanguage?: string;
  languages?: string[];
  /** The questions of versions 1, 2…; the last one is current. Default: one version of SAMPLE_QUESTIONS. */
  versions?: Question[][];
  closesAt?: Date | null;
}

/** A published questionnaire with its versions, on a plan of the demo data unless told. */
export async function createQuestionnaire(db: DataSource, options: QuestionnaireOptions = {}): Promise<QuestionnaireFixture> {
  const planId = options.planId ?? (await db.query<{ id: string }[]>('SELECT id FROM plans ORDER BY created_at LIMIT 1'))[0]?.id;
  if (!planId) throw new Error('Questionnaire factory: no plan to attach the questionnaire to');
  const versions = options.versions ?? [sampleQuestions().questions];
  const content = {
    title: t('Questionnaire de test', 'Test questionnaire', 'استبيان تجريبي', 'Cuestionario de prueba'),
    description: t('Pour les tests', 'For tests'),
    defaultLanguage: options.defaultLanguage ?? 'fr',
    languages: options.languages ?? ['fr', 'en', 'ar', 'es'],
  };
  return db.transaction(async (em) => {
    const questionnaire = await em.save(
      em.create(Questionnaire, {
        ...content,
        questions: versions[versions.length - 1],
        planId,
        slug: options.slug ?? `test-${randomUUID()}`,
        status: options.status ?? 'published',
        currentVersion: versions.length,
        closesAt: options.closesAt ?? null,
      }),
    );
    const versionIds: Record<number, string> = {};
    for (const [i, questions] of versions.entries()) {
      const v = await em.save(
        em.create(QuestionnaireVersion, { ...content, questions, questionnaireId: questionnaire.id, version: i + 1 }),
      );
      versionIds[i + 1] = v.id;
    }
    return { questionnaireId: questionnaire.id, slug: questionnaire.slug, planId, versionIds, questions: versions[versions.length - 1] };
  });
}

/** Removes a questionnaire with its responses and versions (responses first: they hold their version). */
export async function removeQuestionnaire(db: DataSource, questionnaireId: string): Promise<void> {
  await db.transaction(async (em) => {
    await em.query('DELETE FROM responses WHERE questionnaire_id = $1', [questionnaireId]);
    await em.query('DELETE FROM questionnaires WHERE id = $1', [questionnaireId]);
  });
}
