import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import type { Response as HttpResponse } from 'supertest';
import { Instrument } from '@backend/indicators/instrument.entity';
import type { Question } from '@backend/questionnaires/question.types';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { Fixtures, fixtures, PlanFixture, uniqueText } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { insertResponses } from './support/response-rows';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; message: string }[];
}
interface Detail {
  id: string;
  slug: string;
  planId: string;
  instrumentId: string | null;
  status: string;
  currentVersion: number;
  title: Record<string, string>;
  languages: string[];
  defaultLanguage: string;
  questions: Question[];
  opensAt: string | null;
  closesAt: string | null;
  publicUrl: string;
  hasUnpublishedChanges: boolean;
  versions: { version: number; createdAt: string; responseCount: number | null }[];
  missingTranslations: Record<string, string[]>;
}

const yesNo = (fr: string, extra: Partial<Question> = {}) => ({
  type: 'yes_no',
  required: true,
  label: { fr, en: `${fr} (en)` },
  ...extra,
});
const fields = (res: HttpResponse) => ((res.body as ErrorBody).errors ?? []).map((e) => e.field);

describe('Questionnaire authoring (evaluators)', () => {
  let t: TestApp;
  let fx: Fixtures;
  let plan: PlanFixture;
  const answered: string[] = [];

  const as = () => bearer(t.tokens.evaluator);
  const post = (path: string, body: object = {}) => t.http().post(path).set(as()).send(body);
  const patch = (path: string, body: object) => t.http().patch(path).set(as()).send(body);
  const get = (path: string) => t.http().get(path).set(as());

  /** A questionnaire of the fixture plan, in French and English, removed at the end. */
  async function create(body: object = {}): Promise<Detail> {
    const res = await post('/api/questionnaires', {
      planId: plan.planId,
      title: { fr: uniqueText('Questionnaire'), en: 'Survey' },
      defaultLanguage: 'fr',
      languages: ['fr', 'en'],
      questions: [yesNo('Connaissez-vous la Table ?')],
      ...body,
    });
    if (res.status !== 201) throw new Error(`create answered ${res.status} ${JSON.stringify(res.body)}`);
    const created = res.body as Detail;
    fx.track(`/api/questionnaires/${created.id}`);
    return created;
  }

  async function publish(id: string, body: object = {}): Promise<Detail> {
    return (await post(`/api/questionnaires/${id}/publish`, body).expect(200)).body as Detail;
  }

  /** A resident's response to a version, written as the public endpoint would. */
  async function answer(questionnaireId: string, version: number): Promise<void> {
    await insertResponses(t.db, { questionnaireId, version, language: 'fr', idempotencyKey: randomUUID(), answers: {} });
    answered.push(questionnaireId);
  }

  const versionRows = (questionnaireId: string) =>
    t.db.getRepository(QuestionnaireVersion).find({ where: { questionnaireId }, order: { version: 'ASC' } });

  beforeAll(async () => {
    t = await startTestApp();
    fx = fixtures(t);
    plan = await fx.plan();
  });
  afterAll(async () => {
    // Responses make a questionnaire undeletable through the API, on purpose: the test's own go first.
    await t.db.query('DELETE FROM responses WHERE questionnaire_id = ANY($1::uuid[])', [answered]);
    await fx.cleanup();
    await t.close();
  });

  describe('creating', () => {
    it('makes a draft with a slug from the title, ids for its questions and an instrument of its own', async () => {
      // Arrange
      const title = `Journée de Bienvenue à Parc-Ex ${randomUUID().slice(0, 8)}`;
      // Act
      const q = await create({ title: { fr: title, en: 'Welcome Day' } });
      // Assert
      expect(q).toMatchObject({ status: 'draft', currentVersion: 0, versions: [], hasUnpublishedChanges: true, planId: plan.planId });
      expect(q.slug).toBe(`journee-de-bienvenue-a-parc-ex-${title.slice(-8)}`);
      expect(q.questions[0].id).toMatch(/^[0-9a-f-]{36}$/);
      expect(q.publicUrl).toMatch(new RegExp(`^https?://[^/]+/q/${q.slug}$`));
      const instrument = await t.db.getRepository(Instrument).findOneByOrFail({ id: q.instrumentId as string });
      expect(instrument).toMatchObject({ planId: plan.planId, kind: 'questionnaire', name: title });
    });

    it('uses an instrument of the plan given to it', async () => {
      // Arrange
      const instrument = await post('/api/instruments', {
        planId: plan.planId,
        kind: 'questionnaire',
        name: 'Questionnaire sur la fréquentation',
      }).expect(201);
      fx.track(`/api/instruments/${instrument.body.id}`);
      // Act
      const q = await create({ instrumentId: instrument.body.id });
      // Assert
      expect(q.instrumentId).toBe(instrument.body.id);
    });

    it('refuses an instrument of another plan, and one that is not a questionnaire', async () => {
      // Arrange
      const other = await fx.plan();
      const foreign = await post('/api/instruments', { planId: other.planId, kind: 'questionnaire', name: 'Ailleurs' }).expect(201);
      fx.track(`/api/instruments/${foreign.body.id}`);
      const base = { planId: plan.planId, title: { fr: 'Refusé' }, defaultLanguage: 'fr', languages: ['fr'] };
      // Act
      const acrossPlans = await post('/api/questionnaires', { ...base, instrumentId: foreign.body.id });
      const countInstrument = await post('/api/questionnaires', { ...base, instrumentId: plan.instrumentId });
      // Assert
      expect(acrossPlans.status).toBe(400);
      expect(acrossPlans.body).toMatchObject({
        code: 'invalid_reference',
        errors: [{ field: 'instrumentId', message: 'belongs to another plan' }],
      });
      expect(countInstrument.status).toBe(400);
      expect(fields(countInstrument)).toEqual(['instrumentId']);
      expect(countInstrument.body.message).toMatch(/participation_count instrument, not a questionnaire/);
    });

    it('refuses a slug already taken (409 naming slug) and numbers a generated one', async () => {
      // Arrange
      const slug = uniqueText('fete');
      const first = await create({ slug, title: { fr: slug } });
      // Act
      const taken = await post('/api/questionnaires', {
        planId: plan.planId,
        slug,
        title: { fr: 'Autre' },
        defaultLanguage: 'fr',
        languages: ['fr'],
      });
      const generated = await create({ title: { fr: slug } });
      // Assert
      expect(first.slug).toBe(slug);
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ code: 'already_exists', errors: [{ field: 'slug' }] });
      expect(generated.slug).toBe(`${slug}-2`);
    });

    it('refuses a plan that does not exist', async () => {
      // Act
      const res = await post('/api/questionnaires', {
        planId: randomUUID(),
        title: { fr: 'Orphelin' },
        defaultLanguage: 'fr',
        languages: ['fr'],
      });
      // Assert
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['planId']);
    });
  });

  describe('validation: a 400 naming the path of what is wrong, and nothing written', () => {
    const earlier = '11111111-1111-4111-8111-111111111111';
    const choice = (extra: object = {}) => ({
      type: 'single_choice',
      required: false,
      label: { fr: 'Venu ?' },
      choices: [
        { code: 'yes', label: { fr: 'Oui' } },
        { code: 'no', label: { fr: 'Non' } },
      ],
      ...extra,
    });
    const text = (extra: object = {}) => ({ type: 'short_text', required: false, label: { fr: 'Nom ?' }, ...extra });

    it.each<[string, object, string]>([
      ['a slug with capitals', { slug: 'Fete-2024' }, 'slug'],
      ['a slug too short', { slug: 'ab' }, 'slug'],
      ['a default language not among the languages', { defaultLanguage: 'ar' }, 'defaultLanguage'],
      ['a language code that is not a primary tag', { languages: ['fr', 'en-CA'] }, 'languages.1'],
      ['a title without the default language', { title: { en: 'Survey' } }, 'title'],
      ['a title in a language the questionnaire lacks', { title: { fr: 'Enquête', es: 'Encuesta' } }, 'title.es'],
      ['a question id that is not a UUID', { questions: [text({ id: 'q1' })] }, 'questions.0.id'],
      ['a question id used twice', { questions: [text({ id: earlier }), text({ id: earlier })] }, 'questions.1.id'],
      ['an unknown question type', { questions: [text({ type: 'ranking' })] }, 'questions.0.type'],
      ['required that is not a boolean', { questions: [text({ required: 'yes' })] }, 'questions.0.required'],
      ['a label without the default language', { questions: [text({ label: { en: 'Name?' } })] }, 'questions.0.label'],
      [
        'a translation over 2000 characters',
        { questions: [text({ label: { fr: 'Nom ?', en: 'x'.repeat(2001) } })] },
        'questions.0.label.en',
      ],
      ['a choice question without choices', { questions: [choice({ choices: [] })] }, 'questions.0.choices'],
      [
        'a choice code that is not lower-case',
        { questions: [choice({ choices: [{ code: 'Oui', label: { fr: 'Oui' } }] })] },
        'questions.0.choices.0.code',
      ],
      [
        'a choice code used twice',
        {
          questions: [
            choice({
              choices: [
                { code: 'a', label: { fr: 'A' } },
                { code: 'a', label: { fr: 'B' } },
              ],
            }),
          ],
        },
        'questions.0.choices.1.code',
      ],
      ['choices on a text question', { questions: [text({ choices: [{ code: 'a', label: { fr: 'A' } }] })] }, 'questions.0.choices'],
      ['a scale whose min is not below its max', { questions: [text({ type: 'scale', min: 5, max: 1 })] }, 'questions.0.max'],
      ['a scale with a decimal bound', { questions: [text({ type: 'scale', min: 0.5, max: 5 })] }, 'questions.0.min'],
      ['a number whose min is above its max', { questions: [text({ type: 'number', min: 10, max: 0 })] }, 'questions.0.max'],
      [
        'a show-if on a later question',
        { questions: [text({ showIf: { questionId: earlier, anyOf: ['yes'] } }), choice({ id: earlier })] },
        'questions.0.showIf.questionId',
      ],
      [
        'a show-if on a choice code the question lacks',
        { questions: [choice({ id: earlier }), text({ showIf: { questionId: earlier, anyOf: ['maybe'] } })] },
        'questions.1.showIf.anyOf.0',
      ],
      [
        'a show-if on yes/no with a string',
        { questions: [text({ id: earlier, type: 'yes_no' }), text({ showIf: { questionId: earlier, anyOf: ['yes'] } })] },
        'questions.1.showIf.anyOf.0',
      ],
      ['an unknown ADS+ dimension', { questions: [choice({ dimension: 'income' })] }, 'questions.0.dimension'],
      ['an unknown property of a question', { questions: [text({ points: 3 })] }, 'questions.0.points'],
      ['more than 200 questions', { questions: Array.from({ length: 201 }, () => text()) }, 'questions'],
    ])('POST with %s is refused', async (_case, overrides, field) => {
      // Arrange
      const title = uniqueText('Invalide');
      const body = { planId: plan.planId, title: { fr: title }, defaultLanguage: 'fr', languages: ['fr', 'en'], ...overrides };
      // Act
      const res = await post('/api/questionnaires', body);
      // Assert
      expect({ status: res.status, fields: fields(res) }).toEqual({ status: 400, fields: expect.arrayContaining([field]) });
      expect((res.body as ErrorBody).message).toContain(field);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM questionnaires WHERE title->>'fr' = $1`, [title]);
      expect(n).toBe(0);
    });

    it('checks a PATCH against the questionnaire as it would become, and leaves it as it was', async () => {
      // Arrange
      const q = await create();
      // Act
      const res = await patch(`/api/questionnaires/${q.id}`, { defaultLanguage: 'en', title: { fr: 'Seulement en français' } });
      // Assert
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['title']);
      const after = await get(`/api/questionnaires/${q.id}`).expect(200);
      expect(after.body).toMatchObject({ defaultLanguage: 'fr', title: q.title });
    });

    it('refuses fields PATCH does not change', async () => {
      // Arrange
      const q = await create();
      // Act
      const res = await patch(`/api/questionnaires/${q.id}`, { slug: 'nouveau-lien', planId: randomUUID() });
      // Assert
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(expect.arrayContaining(['slug', 'planId']));
    });
  });

  describe('publishing and versions', () => {
    it('publishes the working copy as version 1', async () => {
      // Arrange
      const q = await create();
      // Act
      const published = await publish(q.id);
      // Assert
      expect(published).toMatchObject({
        status: 'published',
        currentVersion: 1,
        hasUnpublishedChanges: false,
        versions: [{ version: 1, responseCount: 0 }],
      });
      const [v1] = await versionRows(q.id);
      expect(v1).toMatchObject({ version: 1, title: q.title, languages: ['fr', 'en'], defaultLanguage: 'fr', questions: q.questions });
    });

    it('rewrites version 1 in place while nobody has answered it', async () => {
      // Arrange
      const q = await create();
      await publish(q.id);
      const edited = [{ ...q.questions[0], label: { fr: 'Connaissez-vous la Table de quartier ?', en: 'Do you know the round table?' } }];
      const afterEdit = await patch(`/api/questionnaires/${q.id}`, { questions: edited }).expect(200);
      // Act
      const published = await publish(q.id);
      // Assert
      expect(afterEdit.body.hasUnpublishedChanges).toBe(true);
      expect(published).toMatchObject({ currentVersion: 1, versions: [{ version: 1 }], hasUnpublishedChanges: false });
      const rows = await versionRows(q.id);
      expect(rows).toHaveLength(1);
      expect(rows[0].questions[0].label.fr).toBe('Connaissez-vous la Table de quartier ?');
    });

    it('creates version 2 once version 1 has a response, and leaves version 1 as it was answered', async () => {
      // Arrange
      const q = await create();
      await publish(q.id);
      const [v1Before] = await versionRows(q.id);
      await answer(q.id, 1);
      await patch(`/api/questionnaires/${q.id}`, { questions: [...q.questions, yesNo('Reviendrez-vous ?')] }).expect(200);
      // Act
      const published = await publish(q.id);
      // Assert
      expect(published).toMatchObject({
        currentVersion: 2,
        hasUnpublishedChanges: false,
        versions: [
          { version: 1, responseCount: 1 },
          { version: 2, responseCount: 0 },
        ],
      });
      const [v1, v2] = await versionRows(q.id);
      expect(v1).toEqual(v1Before);
      expect(v2.questions).toHaveLength(2);
      expect(v2.questions[0].id).toBe(v1.questions[0].id);
    });

    it('makes no version when nothing changed, also after responses', async () => {
      // Arrange
      const q = await create();
      await publish(q.id);
      await answer(q.id, 1);
      // Act
      const again = await publish(q.id);
      // Assert
      expect(again).toMatchObject({ currentVersion: 1, versions: [{ version: 1, responseCount: 1 }] });
      expect(await versionRows(q.id)).toHaveLength(1);
    });

    it('shows the committee and partners response counts as published: one response is hidden, as on the dashboard', async () => {
      // Arrange
      const q = await create();
      await publish(q.id);
      await answer(q.id, 1);
      // Act / Assert: the evaluator reads the true count, the others what the disclosure layer publishes
      expect((await t.http().get(`/api/questionnaires/${q.id}`).set(as()).expect(200)).body.versions).toMatchObject([
        { version: 1, responseCount: 1 },
      ]);
      for (const role of ['committee', 'partner'] as const) {
        const res = await t.http().get(`/api/questionnaires/${q.id}`).set(bearer(t.tokens[role])).expect(200);
        expect(res.body.versions).toMatchObject([{ version: 1, responseCount: null }]);
      }
    });

    it('sets the open and close dates, and refuses a close before the opening (400 naming closesAt)', async () => {
      // Arrange
      const q = await create();
      // Act
      const wrong = await post(`/api/questionnaires/${q.id}/publish`, {
        opensAt: '2099-06-02T09:00:00Z',
        closesAt: '2099-06-01T09:00:00Z',
      });
      const right = await publish(q.id, { opensAt: '2099-06-01T09:00:00Z', closesAt: '2099-06-02T09:00:00Z' });
      // Assert
      expect(wrong.status).toBe(400);
      expect(fields(wrong)).toEqual(['closesAt']);
      expect(right).toMatchObject({ status: 'published', opensAt: '2099-06-01T09:00:00.000Z', closesAt: '2099-06-02T09:00:00.000Z' });
    });

    it('refuses to publish a questionnaire without questions', async () => {
      // Arrange
      const q = await create({ questions: [] });
      // Act
      const res = await post(`/api/questionnaires/${q.id}/publish`);
      // Assert
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['questions']);
    });

    it('closes, shows it closed, and reopens on publishing again', async () => {
      // Arrange
      const q = await create();
      await publish(q.id);
      // Act
      await post(`/api/questionnaires/${q.id}/close`).expect(200);
      const closed = await get(`/api/questionnaires/${q.id}`).expect(200);
      const reopened = await publish(q.id);
      // Assert
      expect(closed.body).toMatchObject({ status: 'closed', currentVersion: 1 });
      expect(reopened).toMatchObject({ status: 'published', currentVersion: 1 });
    });

    it('refuses to close a draft', async () => {
      // Arrange
      const q = await create();
      // Act
      const res = await post(`/api/questionnaires/${q.id}/close`);
      // Assert
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('not_published');
    });
  });

  describe('translations', () => {
    it('reports, per language but the default, the strings it lacks', async () => {
      // Arrange
      const q = await create({
        title: { fr: uniqueText('Sondage'), en: 'Poll', ar: '' },
        languages: ['fr', 'en', 'ar'],
        questions: [
          {
            type: 'single_choice',
            required: true,
            label: { fr: 'Venu ?', en: 'Came?', ar: 'جئت؟' },
            choices: [
              { code: 'yes', label: { fr: 'Oui', en: 'Yes', ar: 'نعم' } },
              { code: 'no', label: { fr: 'Non', en: 'No' } },
            ],
          },
          {
            type: 'scale',
            required: false,
            min: 1,
            max: 5,
            label: { fr: 'Note', en: 'Score', ar: 'تقييم' },
            minLabel: { fr: 'Peu', ar: 'قليل' },
            maxLabel: { fr: 'Beaucoup', en: 'A lot', ar: 'كثير' },
          },
        ],
      });
      // Act
      const res = await get(`/api/questionnaires/${q.id}`).expect(200);
      // Assert
      expect(res.body.missingTranslations).toEqual({ en: ['questions.1.minLabel'], ar: ['title', 'questions.0.choices.1.label'] });
    });

    it('drops the strings of a language taken out', async () => {
      // Arrange
      const q = await create({
        title: { fr: uniqueText('Sondage'), en: 'Poll', ar: 'استطلاع' },
        languages: ['fr', 'en', 'ar'],
        questions: [{ type: 'yes_no', required: true, label: { fr: 'Venu ?', ar: 'جئت؟' } }],
      });
      // Act
      const res = await patch(`/api/questionnaires/${q.id}`, { languages: ['fr', 'en'] }).expect(200);
      // Assert
      expect(res.body.title).toEqual({ fr: q.title.fr, en: 'Poll' });
      expect(res.body.questions[0].label).toEqual({ fr: 'Venu ?' });
      expect(res.body.missingTranslations).toEqual({ en: ['questions.0.label'] });
    });
  });

  describe('the ADS+ block', () => {
    it('appends the standard questions in the questionnaire languages, once', async () => {
      // Arrange
      const q = await create({ languages: ['fr', 'en', 'pa'] });
      // Act
      const res = await post(`/api/questionnaires/${q.id}/ads-block`).expect(200);
      const again = await post(`/api/questionnaires/${q.id}/ads-block`);
      // Assert
      const questions = res.body.questions as Question[];
      expect(questions.map((x) => x.dimension ?? null)).toEqual([
        null,
        'gender',
        null,
        'age_group',
        'immigration',
        'language',
        'disability',
      ]);
      expect(questions.slice(1).every((x) => x.allowPreferNot === true)).toBe(true);
      expect(Object.keys(questions[1].label).sort()).toEqual(['en', 'fr']);
      expect(questions[2].showIf).toEqual({ questionId: questions[1].id, anyOf: ['self_described'] });
      expect(res.body.missingTranslations.pa).toEqual(expect.arrayContaining(['questions.1.label', 'questions.1.choices.0.label']));
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/gender/);
      expect(again.body.errors).toEqual([{ field: 'questions.1.dimension', message: expect.stringContaining('gender') }]);
    });
  });

  describe('the list', () => {
    it("lists a plan's questionnaires with their title in the default language", async () => {
      // Arrange
      const q = await create();
      // Act
      const res = await get(`/api/questionnaires?planId=${plan.planId}&limit=200`).expect(200);
      // Assert
      expect(res.body).toMatchObject({ page: 1, limit: 200, total: expect.any(Number) });
      const item = (res.body.items as { id: string }[]).find((i) => i.id === q.id);
      expect(item).toEqual({
        id: q.id,
        slug: q.slug,
        title: q.title.fr,
        status: 'draft',
        languages: ['fr', 'en'],
        defaultLanguage: 'fr',
        planId: plan.planId,
        instrumentId: q.instrumentId,
        currentVersion: 0,
        opensAt: null,
        closesAt: null,
        archivedAt: null,
      });
      expect((res.body.items as { planId: string }[]).every((i) => i.planId === plan.planId)).toBe(true);
    });
  });

  describe('QR codes', () => {
    it('draws the public link as SVG, with ?lang when asked', async () => {
      // Arrange
      const q = await create();
      const url = `${q.publicUrl}?lang=en`;
      // Act
      const res = await get(`/api/questionnaires/${q.id}/qr.svg?lang=en`)
        .buffer(true)
        .parse((r, done) => {
          let s = '';
          r.on('data', (c: Buffer) => {
            s += c.toString('utf8');
          });
          r.on('end', () => done(null, s));
        });
      // Assert
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(res.headers['content-disposition']).toBe(`inline; filename="${q.slug}-en.svg"`);
      const svg = res.body as string;
      expect(svg).toMatch(/^(<\?xml|<svg)/);
      // The same text drawn by the library itself: the code holds exactly this URL.
      expect(svg).toBe(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }));
    });

    it('draws it as PNG', async () => {
      // Arrange
      const q = await create();
      // Act
      const res = await get(`/api/questionnaires/${q.id}/qr.png`).buffer(true);
      // Assert
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toBe(`inline; filename="${q.slug}.png"`);
      expect((res.body as Buffer).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    });

    it('refuses a language the questionnaire does not have', async () => {
      // Arrange
      const q = await create();
      // Act
      const res = await get(`/api/questionnaires/${q.id}/qr.svg?lang=de`);
      // Assert
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['lang']);
    });
  });

  describe('deleting', () => {
    it('archives a questionnaire nobody answered: read by id, versions kept (README, « Nothing is erased »)', async () => {
      // Arrange
      const q = await create();
      await publish(q.id);
      // Act
      await t.http().delete(`/api/questionnaires/${q.id}`).set(as()).expect(204);
      // Assert
      const read = await get(`/api/questionnaires/${q.id}`).expect(200);
      expect(read.body.archivedAt).toEqual(expect.any(String));
      expect(await versionRows(q.id)).toHaveLength(1);
    });

    it('archives one that has responses too, keeping them', async () => {
      // Arrange
      const q = await create();
      await publish(q.id);
      await answer(q.id, 1);
      // Act
      await t.http().delete(`/api/questionnaires/${q.id}`).set(as()).expect(204);
      // Assert
      expect(await versionRows(q.id)).toHaveLength(1);
      expect((await t.db.query('SELECT id FROM responses WHERE questionnaire_id = $1', [q.id])).length).toBe(1);
    });
  });

  it('answers 404 for a questionnaire that does not exist', async () => {
    // Act
    const res = await get(`/api/questionnaires/${randomUUID()}`);
    // Assert
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});
