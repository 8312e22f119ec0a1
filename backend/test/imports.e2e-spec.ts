import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import * as ExcelJS from 'exceljs';
import { PARC_EXTENSION_PLAN } from '@backend/demo/parc-extension-plan';
import { ImportRunnerService } from '@backend/imports/import-runner.service';
import { createQuestionnaire, QuestionnaireFixture, removeQuestionnaire } from './support/questionnaire-factory';
import { bearer, startTestApp, TestApp } from './support/test-app';

// Imports through the API, with the workers' steps (analysis, writing) run by calling the runner, as the worker does.

const SEEDS = join(__dirname, 'fixtures/seeds');
const seed = (name: string) => readFileSync(join(SEEDS, name));
const PLAN_SEED = '003_ae833e418bd2f86e.txt';

interface ImportBody {
  id: string;
  status: string;
  generation?: number;
  preview: Record<string, unknown> | null;
  problems: { row: number | null; column: string | null; code: string; message: string }[];
  problemCount: number;
  result: { planId?: string; workCellId?: string; created: number; skipped: number } | null;
}

describe('Imports', () => {
  let t: TestApp;
  let runner: ImportRunnerService;
  const created: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    runner = t.app.get(ImportRunnerService);
  });
  afterAll(async () => {
    for (const title of created) await t.db.query('DELETE FROM plans WHERE title = $1', [title]);
    await t.close();
  });

  async function upload(kind: string, fileName: string, body: Buffer | string, type = 'text/plain', extra = ''): Promise<ImportBody> {
    const res = await t
      .http()
      .post(`/api/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}${extra}`)
      .set(bearer(t.tokens.evaluator))
      .set('Content-Type', type)
      .send(body);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 202 });
    expect(res.headers.location).toBe(`/api/imports/${(res.body as ImportBody).id}`);
    return res.body as ImportBody;
  }

  /** What the worker does with the analysis job, then the import as the web app reads it. */
  async function analysed(id: string): Promise<ImportBody> {
    const [{ generation }] = await t.db.query<{ generation: number }[]>('SELECT generation FROM imports WHERE id = $1', [id]);
    await runner.analyze(id, generation);
    return (await t.http().get(`/api/imports/${id}`).set(bearer(t.tokens.evaluator)).expect(200)).body as ImportBody;
  }

  async function confirmed(id: string): Promise<ImportBody> {
    await t.http().post(`/api/imports/${id}/confirm`).set(bearer(t.tokens.evaluator)).expect(202);
    const [{ generation }] = await t.db.query<{ generation: number }[]>('SELECT generation FROM imports WHERE id = $1', [id]);
    await runner.commit(id, generation);
    return (await t.http().get(`/api/imports/${id}`).set(bearer(t.tokens.evaluator)).expect(200)).body as ImportBody;
  }

  it('previews the action-plan seed, refuses a title already taken, then imports it under another title', async () => {
    const title = `Plan importé ${Date.now()}`;
    created.push(title);
    const imp = await upload('plan', PLAN_SEED, seed(PLAN_SEED));
    const first = await analysed(imp.id);
    expect(first).toMatchObject({ status: 'ready', problems: [] });
    expect(first.preview).toMatchObject({
      title: "Plan d'action 2021/2023",
      startDate: '2021-06-28',
      endDate: '2023-12-31',
      counts: { orientations: 4, objectives: 4, actions: 14, expectedResults: 16, indicators: 15, instruments: 37 },
    });
    await t
      .http()
      .patch(`/api/imports/${imp.id}`)
      .set(bearer(t.tokens.evaluator))
      .send({ options: { title: PARC_EXTENSION_PLAN.title } })
      .expect(202);
    const taken = await analysed(imp.id);
    expect(taken).toMatchObject({ status: 'invalid', problems: [expect.objectContaining({ code: 'already_exists' })] });
    await t.http().post(`/api/imports/${imp.id}/confirm`).set(bearer(t.tokens.evaluator)).expect(409);
    await t.http().patch(`/api/imports/${imp.id}`).set(bearer(t.tokens.evaluator)).send({ options: { title } }).expect(202);
    const ready = await analysed(imp.id);
    expect(ready).toMatchObject({ status: 'ready', problemCount: 0 });
    const done = await confirmed(imp.id);
    expect(done).toMatchObject({ status: 'done', result: { planId: expect.any(String) } });
    const tree = await t.http().get(`/api/plans/${done.result!.planId!}/tree`).set(bearer(t.tokens.evaluator)).expect(200);
    expect(JSON.stringify(tree.body)).toContain('Mettre en place une Journée de Bienvenue à Parc-Ex');
    const [{ n }] = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM import_chunks WHERE import_id = $1', [imp.id]);
    expect(n).toBe(0);
  });

  it('reads a plan table from a workbook, with English headers in another order and cells of several lines', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['Action plan 2024-2026']);
    sheet.addRow(['Orientation 1: Welcoming newcomers']);
    sheet.addRow(['Objective', 'Actions', 'Success indicators', 'Follow-up', 'Schedule', 'Expected results']);
    sheet.addRow([
      'Make the round table known',
      'Welcome Day',
      'Newcomers know the services',
      '- Questionnaire sur la fréquentation\n- Nombre de participants',
      'Annuel – août',
      '',
    ]);
    sheet.addRow(['', 'Monthly newsletter', 'Residents are informed', 'Compte rendu', 'Mensuel']);
    const imp = await upload(
      'plan',
      'plan.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const ready = await analysed(imp.id);
    expect(ready).toMatchObject({
      status: 'ready',
      preview: {
        title: 'Action plan 2024-2026',
        startDate: '2024-01-01',
        endDate: '2026-12-31',
        counts: { orientations: 1, objectives: 1, actions: 2, indicators: 2, instruments: 3 },
      },
    });
    const instruments = (
      ready.preview as { orientations: { objectives: { actions: { instruments: { name: string; kind: string }[] }[] }[] }[] }
    ).orientations[0].objectives[0].actions[0].instruments;
    expect(instruments).toEqual([
      { name: 'Questionnaire sur la fréquentation', kind: 'questionnaire' },
      { name: 'Nombre de participants', kind: 'participation_count' },
    ]);
    await t.http().delete(`/api/imports/${imp.id}`).set(bearer(t.tokens.evaluator)).expect(204);
    expect(await t.db.query('SELECT 1 FROM import_chunks WHERE import_id = $1', [imp.id])).toEqual([]);
  });

  describe('past responses', () => {
    let q: QuestionnaireFixture;
    const label = (i: number) => q.questions[i].label.fr;
    beforeAll(async () => {
      q = await createQuestionnaire(t.db, { languages: ['fr', 'en'] });
    });
    afterAll(async () => {
      await removeQuestionnaire(t.db, q.questionnaireId);
    });

    const responses = async () =>
      (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM responses WHERE questionnaire_id = $1', [q.questionnaireId]))[0].n;

    /** An export of another tool: French headers (the questions' labels), a timestamp, labels as answers, one row per response. */
    function exportCsv(rows: string[][]): string {
      const header = ['Horodateur', 'Identifiant', label(0), label(1), label(2), label(3), 'Adresse IP'];
      const quote = (c: string) => (/[",\n;]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
      return `${[header, ...rows].map((r) => r.map(quote).join(';')).join('\r\n')}\r\n`;
    }

    it('maps columns by label, stores each row once however often the file is imported, and feeds the indicators', async () => {
      const file = exportCsv([
        ['2022-08-20 10:15:00', 'R-1', 'Oui', 'Amis', 'Alimentation; Francisation', '5', '10.0.0.1'],
        ['2022-08-20 23:30:00', 'R-2', 'non', 'affiche', '', '4', '10.0.0.2'],
        ['21/08/2022 09:00', 'R-3', 'Yes', 'Friends', 'Logement', '3', ''],
      ]);
      const imp = await upload('responses', 'export.csv', file, 'text/csv', `&questionnaireId=${q.questionnaireId}`);
      const ready = await analysed(imp.id);
      expect(ready).toMatchObject({ status: 'ready', problemCount: 0, preview: { rows: 3, newRows: 3, alreadyImported: 0 } });
      expect((ready.preview as { columns: { header: string; target: string }[] }).columns.map((c) => c.target)).toEqual([
        '@date',
        '@id',
        q.questions[0].id,
        q.questions[1].id,
        q.questions[2].id,
        q.questions[3].id,
        '@ignore',
      ]);
      expect(await responses()).toBe(0); // nothing before the confirmation
      const done = await confirmed(imp.id);
      expect(done).toMatchObject({ status: 'done', result: { created: 3, skipped: 0 } });
      const rows = await t.db.query<{ answers: Record<string, unknown>; month: string; coded: boolean }[]>(
        `SELECT response_answers_by_id(questionnaire_id, version, answers) AS answers, to_char(answered_at AT TIME ZONE 'America/Toronto', 'YYYY-MM-DD HH24:MI') AS month, codes IS NOT NULL AS coded
         FROM responses WHERE questionnaire_id = $1 ORDER BY answered_at`,
        [q.questionnaireId],
      );
      expect(rows.map((r) => r.month)).toEqual(['2022-08-20 10:15', '2022-08-20 23:30', '2022-08-21 09:00']);
      expect(rows[0].answers).toEqual({
        [q.questions[0].id]: true,
        [q.questions[1].id]: 'friends',
        [q.questions[2].id]: ['food', 'french'],
        [q.questions[3].id]: 5,
      });
      expect(rows.every((r) => r.coded)).toBe(true);
      // The months the rows changed are logged for the recompute, as for residents' responses.
      const changes = await t.db.query<unknown[]>('SELECT 1 FROM response_changes WHERE questionnaire_id = $1', [q.questionnaireId]);
      expect(changes.length).toBeGreaterThan(0);

      // The same file again, with one row more: only that row is new.
      const again = await upload(
        'responses',
        'export.csv',
        exportCsv([
          ['2022-08-20 10:15:00', 'R-1', 'Oui', 'Amis', 'Alimentation; Francisation', '5', '10.0.0.1'],
          ['2022-08-20 23:30:00', 'R-2', 'non', 'affiche', '', '4', '10.0.0.2'],
          ['21/08/2022 09:00', 'R-3', 'Yes', 'Friends', 'Logement', '3', ''],
          ['2022-09-01', 'R-4', 'Oui', 'Amis', '', '3', ''],
        ]),
        'text/csv',
        `&questionnaireId=${q.questionnaireId}`,
      );
      expect(await analysed(again.id)).toMatchObject({ status: 'ready', preview: { rows: 4, newRows: 1, alreadyImported: 3 } });
      expect(await confirmed(again.id)).toMatchObject({ status: 'done', result: { created: 1, skipped: 3 } });
      expect(await responses()).toBe(4);
    });

    it('reads a workbook (XLSX) the same way, dates as Excel keeps them', async () => {
      const before = await responses();
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Réponses');
      sheet.addRow(['Date de soumission', label(0), label(1), label(3)]);
      sheet.addRow([new Date(Date.UTC(2023, 5, 10, 14, 30)), 'Oui', 'Affiche', 4]);
      sheet.addRow([new Date(Date.UTC(2023, 5, 11)), 'Non', 'Amis', 5]);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      // Named .csv on purpose: what the file is decides, not its name.
      const imp = await upload(
        'responses',
        'export.csv',
        file,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        `&questionnaireId=${q.questionnaireId}`,
      );
      expect(await analysed(imp.id)).toMatchObject({ status: 'ready', preview: { rows: 2, newRows: 2 } });
      expect(await confirmed(imp.id)).toMatchObject({ status: 'done', result: { created: 2 } });
      const rows = await t.db.query<{ at: string }[]>(
        `SELECT to_char(answered_at AT TIME ZONE 'America/Toronto', 'YYYY-MM-DD HH24:MI') AS at FROM responses WHERE questionnaire_id = $1 AND answered_at >= '2023-06-01' ORDER BY 1`,
        [q.questionnaireId],
      );
      expect(rows.map((r) => r.at)).toEqual(['2023-06-10 14:30', '2023-06-11 12:00']);
      expect(await responses()).toBe(before + 2);
    });

    it('shows labels that match no choice, and takes the mapping the user gives them', async () => {
      const before = await responses();
      const imp = await upload(
        'responses',
        'autre-outil.csv',
        exportCsv([
          ['2023-03-01 12:00', 'X-1', 'Oui', 'Bouche à oreille', '', '4', ''],
          ['2023-03-02 12:00', 'X-2', 'Oui', 'Bouche à oreille', '', '5', ''],
        ]),
        'text/csv',
        `&questionnaireId=${q.questionnaireId}`,
      );
      const invalid = await analysed(imp.id);
      expect(invalid).toMatchObject({
        status: 'invalid',
        problemCount: 2,
        problems: [
          { row: 2, column: label(1), code: 'unknown_choice' },
          { row: 3, column: label(1), code: 'unknown_choice' },
        ],
      });
      expect(invalid.preview).toMatchObject({ unmatchedLabels: [{ questionId: q.questions[1].id, label: 'Bouche à oreille', count: 2 }] });
      await t
        .http()
        .patch(`/api/imports/${imp.id}`)
        .set(bearer(t.tokens.evaluator))
        .send({ options: { choices: { [q.questions[1].id]: { 'Bouche à oreille': 'friends' } } } })
        .expect(202);
      expect(await analysed(imp.id)).toMatchObject({ status: 'ready', preview: { newRows: 2 } });
      expect(await confirmed(imp.id)).toMatchObject({ result: { created: 2 } });
      expect(await responses()).toBe(before + 2);
    });
  });

  it('discards an import left unconfirmed for a month, with its file and staged rows, and nothing younger', async () => {
    const q = await createQuestionnaire(t.db, { languages: ['fr'] });
    const csv = `Date;${q.questions[0].label.fr};${q.questions[1].label.fr};${q.questions[3].label.fr}\n2022-05-01;Oui;Amis;4\n`;
    const old = await upload('responses', 'ancien.csv', csv, 'text/csv', `&questionnaireId=${q.questionnaireId}`);
    const recent = await upload('responses', 'recent.csv', csv, 'text/csv', `&questionnaireId=${q.questionnaireId}`);
    expect(await analysed(old.id)).toMatchObject({ status: 'ready' });
    expect(await analysed(recent.id)).toMatchObject({ status: 'ready' });
    await t.db.query("UPDATE imports SET updated_at = now() - interval '31 days' WHERE id = $1", [old.id]);
    const staged = async (id: string) =>
      (
        await t.db.query<{ n: number }[]>(
          "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'import_staging' AND starts_with(tablename, $1)",
          [`i_${id.replace(/-/g, '')}_`],
        )
      )[0].n;
    expect(await staged(old.id)).toBe(1);

    expect(await runner.sweep()).toBe(1);

    await t.http().get(`/api/imports/${old.id}`).set(bearer(t.tokens.evaluator)).expect(404);
    expect(await t.db.query('SELECT 1 FROM import_chunks WHERE import_id = $1', [old.id])).toEqual([]);
    expect(await staged(old.id)).toBe(0);
    expect(await analysed(recent.id)).toMatchObject({ status: 'ready' });
    expect(await staged(recent.id)).toBe(1);
    await t.http().delete(`/api/imports/${recent.id}`).set(bearer(t.tokens.evaluator)).expect(204);
    await removeQuestionnaire(t.db, q.questionnaireId);
  });

  describe('malformed files get clear errors and write nothing', () => {
    const counts = async () =>
      (
        await t.db.query<{ plans: number; responses: number; staged: number }[]>(
          `SELECT (SELECT count(*)::int FROM plans) AS plans, (SELECT count(*)::int FROM responses) AS responses,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'import_staging') AS staged`,
        )
      )[0];

    async function refused(kind: string, fileName: string, body: Buffer | string, extra = ''): Promise<ImportBody> {
      const before = await counts();
      const imp = await upload(kind, fileName, body, 'text/csv', extra);
      const analysedImport = await analysed(imp.id);
      expect(analysedImport.status).toBe('invalid');
      await t.http().post(`/api/imports/${imp.id}/confirm`).set(bearer(t.tokens.evaluator)).expect(409);
      expect(await counts()).toEqual(before);
      return analysedImport;
    }

    it('a plan table without its INDICATEURS column names the column and the header line', async () => {
      const csv =
        "Plan d'action 2024-2026\nORIENTATION 1 : Vivre ensemble\nOBJECTIF,MOYENS-ACTIONS,ÉCHÉANCIER,SUIVIS\nS'entraider,Cuisine collective,Mars 2025,Nombre de participants\n";
      const imp = await refused('plan', 'plan.csv', csv);
      expect(imp.problems).toEqual([
        expect.objectContaining({
          row: 3,
          code: 'missing_column',
          params: expect.objectContaining({ column: expect.stringMatching(/INDICATEURS/) }),
        }),
      ]);
    });

    it('a plan table with an impossible date names its line and column', async () => {
      const csv =
        "Plan d'action 2024-2026\nORIENTATION 1 : Vivre ensemble\nOBJECTIF,MOYENS-ACTIONS,ÉCHÉANCIER,INDICATEURS\nS'entraider,Cuisine collective,31 février 2025,Participation\n";
      const imp = await refused('plan', 'plan.csv', csv);
      expect(imp.problems).toEqual([expect.objectContaining({ row: 4, column: 'ÉCHÉANCIER', code: 'bad_date' })]);
    });

    it('responses with broken dates name each line', async () => {
      const q = await createQuestionnaire(t.db, { languages: ['fr'] });
      try {
        const header = `Date;${q.questions[0].label.fr};${q.questions[1].label.fr};${q.questions[3].label.fr}`;
        const imp = await refused(
          'responses',
          'dates.csv',
          `${header}\n2022-13-45;Oui;Amis;4\nhier;Oui;Amis;4\n2022-05-01;Oui;Amis;4\n`,
          `&questionnaireId=${q.questionnaireId}`,
        );
        expect(imp.problems).toEqual([
          expect.objectContaining({ row: 2, column: 'Date', code: 'bad_date' }),
          expect.objectContaining({ row: 3, column: 'Date', code: 'bad_date' }),
        ]);
      } finally {
        await removeQuestionnaire(t.db, q.questionnaireId);
      }
    });

    it('a binary file renamed .csv is refused as such, whatever its size', async () => {
      const q = await createQuestionnaire(t.db);
      const imp = await refused('responses', 'photo.csv', randomBytes(300_000), `&questionnaireId=${q.questionnaireId}`);
      expect(imp.problems).toEqual([expect.objectContaining({ row: null, code: 'not_text' })]);
      await removeQuestionnaire(t.db, q.questionnaireId);
    });

    it('50 MB of garbage: refused with one clear problem, for a plan and for responses', async () => {
      const line = () => `${randomBytes(24).toString('base64')},${randomBytes(40).toString('hex')}\n`;
      const parts: string[] = [];
      let size = 0;
      while (size < 50 * 1024 * 1024) {
        const l = line();
        parts.push(l);
        size += l.length;
      }
      const garbage = Buffer.from(parts.join(''));
      const plan = await refused('plan', 'plan.csv', garbage);
      expect(plan.problems).toEqual([expect.objectContaining({ code: 'too_large' })]);
      const q = await createQuestionnaire(t.db);
      const answers = await refused('responses', 'reponses.csv', garbage, `&questionnaireId=${q.questionnaireId}`);
      expect(answers.problems.map((p) => p.code)).toEqual(['missing_column', 'missing_column']);
      await removeQuestionnaire(t.db, q.questionnaireId);
      // Two 50 MB uploads read to the end: on two cores shared with another test file, more than Jest's default minute.
    }, 180_000);

    it('a file sent to a route that reads JSON is refused (415), and JSON sent as a file too', async () => {
      const plans = (await counts()).plans;
      const toPlans = await t
        .http()
        .post('/api/plans')
        .set(bearer(t.tokens.evaluator))
        .set('Content-Type', 'text/csv')
        .send('title,startDate\nx,2024-01-01\n');
      expect({ status: toPlans.status, body: toPlans.body as unknown }).toMatchObject({
        status: 415,
        body: { code: 'unsupported_media_type' },
      });
      const asJson = await t.http().post('/api/imports?kind=plan&fileName=plan.json').set(bearer(t.tokens.evaluator)).send({ title: 'x' });
      expect({ status: asJson.status, body: asJson.body as unknown }).toMatchObject({ status: 415, body: { errors: [{ field: 'file' }] } });
      expect((await counts()).plans).toBe(plans);
    });

    it('an empty file is refused at the upload', async () => {
      const res = await t
        .http()
        .post('/api/imports?kind=plan&fileName=vide.txt')
        .set(bearer(t.tokens.evaluator))
        .set('Content-Type', 'text/plain')
        .send('');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'empty_file', errors: [{ field: 'file' }] });
    });
  });
});
