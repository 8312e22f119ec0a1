import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Role } from '@backend/users/role';
import { Fixtures, fixtures, uniqueText } from './support/fixtures';
import { createQuestionnaire, removeQuestionnaire, sampleQuestions, SampleIds } from './support/questionnaire-factory';
import { insertResponses } from './support/response-rows';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface Page {
  items: { id: string; version: number; language: string; answers: Record<string, unknown> }[];
  total: number;
}
interface ErrorBody {
  code: string;
  errors?: { field: string; message: string }[];
}

const NOTICE_FR = 'Réponses brutes : confidentielles, ne pas publier';
const NOTICE_EN = 'Raw responses: confidential; do not publish';

describe('Evaluators browse and export the raw responses of a questionnaire', () => {
  let t: TestApp;
  let f: Fixtures;
  let questionnaireId: string;
  let ids: SampleIds;
  /** Response ids by name: `early` on 2024-03-09 in Montréal (03:00 UTC the 10th), `mid` in English on version 2, `late`. */
  const r = { early: randomUUID(), mid: randomUUID(), late: randomUUID() };
  const as = (role: Role) => bearer(t.tokens[role]);

  beforeAll(async () => {
    t = await startTestApp();
    f = fixtures(t);
    const plan = await t
      .http()
      .post('/api/plans')
      .set(as('admin'))
      .send({ title: uniqueText('Plan réponses'), startDate: '2024-01-01', endDate: '2025-12-31', timeZone: 'America/Toronto' })
      .expect(201);
    f.track(`/api/plans/${(plan.body as { id: string }).id}`);
    const sample = sampleQuestions();
    ids = sample.ids;
    const q = await createQuestionnaire(t.db, { planId: (plan.body as { id: string }).id, versions: [sample.questions, sample.questions] });
    questionnaireId = q.questionnaireId;
    const row = (id: string, version: number, language: string, answeredAt: string, answers: Record<string, unknown>) => ({
      id,
      questionnaireId,
      version,
      language,
      answeredAt: new Date(answeredAt),
      idempotencyKey: randomUUID(),
      answers: answers as Record<string, never>,
    });
    await insertResponses(t.db, [
      row(r.early, 1, 'fr', '2024-03-10T03:00:00Z', {
        [ids.attended]: true,
        [ids.heardFrom]: 'friends',
        [ids.people]: 2.5,
        [ids.comment]: 'Bien; merci',
      }),
      row(r.mid, 2, 'en', '2024-05-01T15:00:00Z', {
        [ids.attended]: false,
        [ids.heardFrom]: 'poster',
        [ids.services]: ['food', 'housing'],
      }),
      row(r.late, 2, 'fr', '2024-07-01T15:00:00Z', { [ids.attended]: true, [ids.heardFrom]: 'poster', [ids.comment]: '=1+1' }),
    ]);
  });
  afterAll(async () => {
    await removeQuestionnaire(t.db, questionnaireId);
    await f.cleanup();
    await t.close();
  });

  const list = (query = '', role: Role = 'evaluator') =>
    t.http().get(`/api/questionnaires/${questionnaireId}/responses${query}`).set(as(role));
  const idsOf = (res: { body: unknown }) => (res.body as Page).items.map((item) => item.id);
  const exportOf = (query: string, role: Role = 'evaluator') =>
    t
      .http()
      .get(`/api/questionnaires/${questionnaireId}/responses/export${query}`)
      .set(as(role))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('lists every response, newest answered first, with the total', async () => {
    const res = await list().expect(200);
    expect(idsOf(res)).toEqual([r.late, r.mid, r.early]);
    expect((res.body as Page).total).toBe(3);
  });

  it.each([
    ['days answered, in the plan’s time zone', '?from=2024-03-10', ['late', 'mid']],
    ['a last day', '?to=2024-03-09', ['early']],
    ['a version', '?version=1', ['early']],
    ['a language', '?language=en', ['mid']],
    ['a choice', `?questionId=QID_heardFrom&answer=poster`, ['late', 'mid']],
    ['one of several choices', `?questionId=QID_services&answer=housing`, ['mid']],
    ['a yes', `?questionId=QID_attended&answer=true`, ['late', 'early']],
    ['having answered a question', `?questionId=QID_services`, ['mid']],
    ['several filters at once', `?language=fr&questionId=QID_heardFrom&answer=poster`, ['late']],
  ])('filters by %s', async (_, query, expected) => {
    const res = await list(query.replace(/QID_(\w+)/, (_m, key: keyof SampleIds) => ids[key])).expect(200);
    expect(idsOf(res)).toEqual(expected.map((name) => r[name as keyof typeof r]));
    expect((res.body as Page).total).toBe(expected.length);
  });

  it('pages the filtered responses', async () => {
    const res = await list('?limit=1&page=2').expect(200);
    expect(idsOf(res)).toEqual([r.mid]);
    expect(res.body).toMatchObject({ total: 3, page: 2, limit: 1 });
  });

  it.each([
    ['to before from', '?from=2024-05-01&to=2024-04-01', 'to'],
    ['a date that does not exist', '?from=2024-02-30', 'from'],
    ['a version that is not a number', '?version=deux', 'version'],
    ['a language that is not a code', '?language=Français', 'language'],
    ['an answer without its question', '?answer=yes', 'answer'],
    ['a question that is not an id', '?questionId=12', 'questionId'],
    ['a question of another questionnaire', `?questionId=${randomUUID()}`, 'questionId'],
    ['an unknown filter', '?colour=blue', 'colour'],
  ])('answers 400 naming the field for %s', async (_, query, field) => {
    const res = await list(query).expect(400);
    expect((res.body as ErrorBody).errors?.map((e) => e.field)).toContain(field);
    const exported = await t
      .http()
      .get(`/api/questionnaires/${questionnaireId}/responses/export${query}${query ? '&' : '?'}format=csv`)
      .set(as('admin'));
    expect(exported.status).toBe(400);
  });

  it.each(['partner', 'committee'] as const)('refuses the %s role the responses and their export (403)', async (role) => {
    await list('', role).expect(403);
    await t.http().get(`/api/questionnaires/${questionnaireId}/responses/export?format=csv`).set(as(role)).expect(403);
  });

  it('refuses an export without an account (401) and without a format (400 naming format)', async () => {
    await t.http().get(`/api/questionnaires/${questionnaireId}/responses/export?format=csv`).expect(401);
    const res = await t.http().get(`/api/questionnaires/${questionnaireId}/responses/export`).set(as('admin')).expect(400);
    expect((res.body as ErrorBody).errors?.map((e) => e.field)).toEqual(['format']);
    const pdf = await t.http().get(`/api/questionnaires/${questionnaireId}/responses/export?format=pdf`).set(as('admin')).expect(400);
    expect((pdf.body as ErrorBody).errors?.map((e) => e.field)).toEqual(['format']);
  });

  it('exports a French CSV: BOM, the notice first, semicolons, decimal commas, no formula', async () => {
    const res = await exportOf(`?format=csv&lang=fr&version=1`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="reponses-brutes-test-.*\.csv"$/);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(NOTICE_FR);
    const header = lines[1].split(';');
    expect(header.slice(0, 5)).toEqual(['Réponse', 'Répondu le', 'Reçu le', 'Version', 'Langue']);
    expect(header).toContain('Combien de personnes ?');
    expect(lines).toHaveLength(4); // notice, header, one response, and the final line end
    const cells = lines[2].split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(cells[0]).toBe(r.early);
    expect(cells[header.indexOf('Combien de personnes ?')]).toBe('2,5');
    expect(cells[header.indexOf('Avez-vous participé ?')]).toBe('oui');
    expect(cells[header.indexOf('Un mot ?')]).toBe('"Bien; merci"');
  });

  it('exports an English CSV with commas and decimal points, and never a formula', async () => {
    const text = (await exportOf(`?format=csv&lang=en`).expect(200)).body.toString('utf8') as string;
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(NOTICE_EN);
    const header = lines[1].split(',');
    expect(header.slice(0, 5)).toEqual(['Response', 'Answered at', 'Received at', 'Version', 'Language']);
    expect(lines.slice(2, 5).map((line) => line.split(',')[0])).toEqual([r.late, r.mid, r.early]);
    expect(lines[2]).toContain("'=1+1");
    expect(lines[3]).toContain('food | housing');
    expect(lines[4]).toContain('2.5');
  });

  it('exports a workbook whose first row is the notice, then the header and the filtered responses', async () => {
    const res = await exportOf(`?format=xlsx&lang=fr&language=fr`).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Réponses');
    expect(ws.getCell('A1').value).toBe(NOTICE_FR);
    expect(ws.getCell('A2').value).toBe('Réponse');
    expect(ws.rowCount).toBe(4);
    expect([ws.getCell('A3').value, ws.getCell('A4').value]).toEqual([r.late, r.early]);
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(ws.getRow(4).getCell(header.indexOf('Combien de personnes ?') + 1).value).toBe(2.5);
  });
});
