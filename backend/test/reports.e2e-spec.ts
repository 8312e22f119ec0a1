import ExcelJS from 'exceljs';
import type { Job } from 'bullmq';
import type { Response } from 'supertest';
import { csvConvention, parseCsv, parseCsvNumber } from '@backend/common/csv-convention';
import { disclosureTable } from '@backend/disclosure/disclosure';
import { keyFromSum, protectCount } from '@backend/disclosure/cell-key';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import type { EvaluationSnapshot } from '@backend/evaluations/evaluation-snapshot';
import { PARC_EXTENSION_PLAN } from '@backend/demo/parc-extension-plan';
import type { RenderReportPayload } from '@backend/queue/queues';
import { pdfPageCount, pdfPlainText } from '@backend/reports/render/pdf-text';
import { ReportRenderService } from '@backend/reports/report-render.service';
import type { Role } from '@backend/users/role';
import { ReportProcessor } from '../../workers/src/reports/report.processor';
import { DEMO_EVALUATIONS_WAIT_MS, lockDemoEvaluations } from './support/demo-evaluations';
import { purgeEvaluations } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface Requested {
  id: string;
  reportId: string;
  state: string;
  progress: number;
}
interface Status {
  id: string;
  state: string;
  progress: number;
  error?: string;
  fileName: string;
  downloadUrl: string | null;
}
interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; message: string }[];
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** supertest keeps the bytes of a file it does not know how to parse. */
function bytes(res: Response): Buffer {
  return res.body as Buffer;
}

describe('Reports', () => {
  let t: TestApp;
  let renderer: ReportRenderService;
  let planId: string;
  let planTitle: string;
  let midterm: { id: string; cutoff: string };
  const opened: string[] = [];
  const activityReports: string[] = [];
  const as = (role: Role) => bearer(t.tokens[role]);

  const get = (path: string, role: Role = 'committee') =>
    t
      .http()
      .get(path)
      .set(as(role))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          done(null, /json/.test(String(res.headers['content-type'])) ? JSON.parse(body.toString('utf8')) : body);
        });
      });

  async function openAndFreeze(kind: 'midterm' | 'final', cutoff: string): Promise<string> {
    const res = await t.http().post(`/api/plans/${planId}/evaluations`).set(as('committee')).send({ kind, cutoff }).expect(201);
    const id = (res.body as { id: string }).id;
    opened.push(id);
    // No worker runs on this file's queue prefix (setup/file-prefix.ts): the freeze job the API queued is this call's.
    await expect(t.app.get(EvaluationFreezerService).freeze(id)).resolves.toBe('frozen');
    return id;
  }

  /**
   * What the worker does with a report's job: the processor, on a job that reports its progress. No worker runs on
   * this file's queue prefix, so every job the API queues here is rendered by this call and no other.
   */
  async function runJob(reportId: string): Promise<{ outcome: unknown; progress: number[] }> {
    const progress: number[] = [];
    const job = {
      name: 'render-report',
      data: { reportId },
      attemptsMade: 0,
      opts: { attempts: 3 },
      updateProgress: async (p: number) => {
        progress.push(p);
      },
    } as unknown as Job<RenderReportPayload>;
    return { outcome: await new ReportProcessor(renderer).process(job), progress };
  }

  // The demo plan is shared with other files, and a plan has one evaluation of each kind not closed at a time: this
  // file's mid-term stays open (it is assessed) from here to afterAll, its turn on the demo plan's evaluations.
  let releaseDemo: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    t = await startTestApp();
    releaseDemo = await lockDemoEvaluations(t.db);
    renderer = t.app.get(ReportRenderService);
    [{ id: planId, title: planTitle }] = await t.db.query<{ id: string; title: string }[]>('SELECT id, title FROM plans WHERE title = $1', [
      PARC_EXTENSION_PLAN.title,
    ]);
    const [{ midterm_date: cutoff }] = await t.db.query<{ midterm_date: string }[]>('SELECT midterm_date::text FROM plans WHERE id = $1', [
      planId,
    ]);
    midterm = { id: await openAndFreeze('midterm', cutoff), cutoff };
  }, DEMO_EVALUATIONS_WAIT_MS);
  afterAll(async () => {
    // The demo plan is shared: the evaluations (and with them their reports) of this file go.
    await purgeEvaluations(t.db, opened);
    await releaseDemo?.();
    if (activityReports.length) await t.db.query('DELETE FROM reports WHERE id = ANY($1)', [activityReports]);
    await t?.close();
  });

  describe('of an evaluation', () => {
    it('is asked for by GET report.pdf (202 and a Location), rendered by the workers, then served by the same GET', async () => {
      // Arrange: a fresh assessment, so that no earlier report of this evaluation is up to date
      const snapshot = (
        (await t.http().get(`/api/evaluations/${midterm.id}`).set(as('committee')).expect(200)).body as { snapshot: EvaluationSnapshot }
      ).snapshot;
      const objectiveId = snapshot.orientations
        .flatMap((o) => o.objectives)
        .find((o) => o.indicators.some((i) => i.name === 'Nombre de participants à la Journée de Bienvenue'))?.id;
      await t
        .http()
        .put(`/api/evaluations/${midterm.id}/assessments/${objectiveId}`)
        .set(as('committee'))
        .send({
          rating: 'at_risk',
          comment: 'Peu de nouvelles familles rejointes hors de la Journée de Bienvenue.',
          recommendations: 'Tenir une deuxième journée au printemps.',
        })
        .expect(200);

      // Act: ask
      const asked = await get(`/api/evaluations/${midterm.id}/report.pdf`);
      // Assert
      expect(asked.status).toBe(202);
      const { reportId } = asked.body as Requested;
      expect(asked.body).toMatchObject({ reportId, state: 'queued', progress: 0 });
      expect(asked.headers.location).toBe(`/api/reports/${reportId}`);

      // Act: the worker's job
      const run = await runJob(reportId);
      // Assert
      expect(run).toEqual({ outcome: { outcome: 'ready' }, progress: [5, 40, 90, 100] });
      const status = (await t.http().get(`/api/reports/${reportId}`).set(as('partner')).expect(200)).body as Status;
      expect(status).toMatchObject({ id: reportId, state: 'ready', progress: 100, downloadUrl: `/api/reports/${reportId}/file` });
      expect(status.error).toBeUndefined();

      // Act: the same GET again
      const served = await get(`/api/evaluations/${midterm.id}/report.pdf`);
      // Assert
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('application/pdf');
      const fileName = `evaluation-mi-parcours-plan-d-action-2021-2023-table-de-quartier-de-parc-extension-${midterm.cutoff}.pdf`;
      expect(status.fileName).toBe(fileName);
      expect(served.headers['content-disposition']).toBe(`attachment; filename="${fileName}"`);
      const pdf = bytes(served);
      expect(pdfPageCount(pdf)).toBeGreaterThan(4);
      const text = pdfPlainText(pdf);
      expect(text).toContain(planTitle);
      expect(text).toContain('Évaluation à mi-parcours');
      expect(text).toContain('Nombre de participants à la Journée de Bienvenue');
      expect(text).toContain('Appréciation : À risque');
      expect(text).toContain('Peu de nouvelles familles rejointes hors de la Journée de Bienvenue.');
      // The stored file, by its own URL, is the same
      const file = await get(`/api/reports/${reportId}/file`, 'partner').expect(200);
      expect(bytes(file).equals(pdf)).toBe(true);
    });

    it('is rendered again once an assessment changed after it', async () => {
      // Arrange: an up-to-date PDF
      const first = (await t.http().post(`/api/evaluations/${midterm.id}/reports`).set(as('evaluator')).send({ format: 'pdf' }).expect(202))
        .body as Requested;
      await runJob(first.id);
      expect((await get(`/api/evaluations/${midterm.id}/report.pdf`)).status).toBe(200);
      const snapshot = (
        (await t.http().get(`/api/evaluations/${midterm.id}`).set(as('committee')).expect(200)).body as { snapshot: EvaluationSnapshot }
      ).snapshot;
      // Act
      await t
        .http()
        .put(`/api/evaluations/${midterm.id}/assessments/${snapshot.orientations[0].objectives[0].id}`)
        .set(as('committee'))
        .send({ rating: 'achieved', comment: 'Les organismes sont regroupés au 7333 Saint-Denis.' })
        .expect(200);
      const asked = await get(`/api/evaluations/${midterm.id}/report.pdf`);
      // Assert
      expect(asked.status).toBe(202);
      const second = (asked.body as Requested).reportId;
      expect(second).not.toBe(first.id);
      await runJob(second);
      const served = await get(`/api/evaluations/${midterm.id}/report.pdf`).expect(200);
      expect(pdfPlainText(bytes(served))).toContain('Les organismes sont regroupés au 7333 Saint-Denis.');
    });

    it('joins the report in the works instead of making a second one', async () => {
      // Arrange: a language no other test of this file asks for in this format
      const ask = () =>
        t.http().post(`/api/evaluations/${midterm.id}/reports`).set(as('committee')).send({ format: 'csv', language: 'en' }).expect(202);
      // Act
      const [a, b] = await Promise.all([ask(), ask()]);
      // Assert
      expect((a.body as Requested).id).toBe((b.body as Requested).id);
      expect(a.headers.location).toBe(`/api/reports/${(a.body as Requested).id}`);
      await runJob((a.body as Requested).id);
    });

    it('gives the figures as .xlsx, suppressed cells marked, numbers as numbers', async () => {
      // Arrange
      const { id } = (
        await t.http().post(`/api/evaluations/${midterm.id}/reports`).set(as('admin')).send({ format: 'xlsx', language: 'en' }).expect(202)
      ).body as Requested;
      await runJob(id);
      // Act
      const res = await get(`/api/evaluations/${midterm.id}/report.xlsx?lang=en`);
      // Assert
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="midterm-evaluation-plan-d-action-2021-2023-.*\.xlsx"$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes(res) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Indicators', 'Series', 'Breakdowns', 'Assessments']);
      const snapshot = (
        (await t.http().get(`/api/evaluations/${midterm.id}`).set(as('committee')).expect(200)).body as { snapshot: EvaluationSnapshot }
      ).snapshot;
      const indicators = snapshot.orientations.flatMap((o) => o.objectives.flatMap((ob) => ob.indicators));
      expect((wb.getWorksheet('Indicators') as ExcelJS.Worksheet).rowCount).toBe(indicators.length + 1);
      const participants = indicators.find((i) => i.name === 'Nombre de participants à la Journée de Bienvenue');
      const sheet = wb.getWorksheet('Indicators') as ExcelJS.Worksheet;
      const column = (header: string) => (sheet.getRow(1).values as ExcelJS.CellValue[]).indexOf(header);
      const indicatorRow = sheet.getRows(2, indicators.length)?.find((r) => r.getCell(column('Indicator')).value === participants?.name);
      expect(indicatorRow?.getCell(column('Value at the cut-off date')).value).toBe(participants?.value);
      expect(typeof participants?.value).toBe('number');
      // Every suppressed cell of the snapshot is « suppressed » in the workbook, never a number
      const suppressed = indicators.flatMap((i) => i.breakdowns.flatMap((b) => b.cells.filter((c) => c.suppressed).map(() => i.name)));
      const marked =
        (wb.getWorksheet('Breakdowns') as ExcelJS.Worksheet).getRows(2, 10_000)?.filter((r) => r.getCell(5).value === 'suppressed') ?? [];
      expect(suppressed.length).toBeGreaterThan(0);
      expect(marked).toHaveLength(suppressed.length);
      for (const r of marked) expect(r.getCell(6).value).toBe('suppressed');
    });

    it('gives the figures as .csv in the French convention: « ; » between columns, decimal commas, UTF-8 with BOM', async () => {
      // Arrange: no test of this file asked for the French CSV before
      const asked = await get(`/api/evaluations/${midterm.id}/report.csv`).expect(202);
      await expect(runJob((asked.body as Requested).reportId)).resolves.toMatchObject({ outcome: { outcome: 'ready' } });
      const fr = csvConvention('fr');
      // Act
      const res = await get(`/api/evaluations/${midterm.id}/report.csv`);
      // Assert
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const csv = bytes(res);
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(csv.toString('utf8'), fr);
      expect(header.slice(0, 5)).toEqual(['Section', 'Orientation', 'Code objectif', 'Objectif', 'Indicateur']);
      for (const row of rows) expect(row).toHaveLength(header.length);
      const column = (name: string) => header.indexOf(name);
      const breakdowns = rows.filter((r) => r[0] === 'Ventilation');
      expect(breakdowns.some((r) => r[column('Valeur')] === 'supprimé')).toBe(true);
      // Every figure reads as a number with a decimal comma, never with a point
      const series = rows.filter((r) => r[0] === 'Série');
      const values = series
        .flatMap((r) => [r[column('Valeur')], r[column('Valeur cumulée')]])
        .filter((v) => v !== undefined && v !== '' && v !== 'supprimé');
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) expect(parseCsvNumber(v, fr)).not.toBeNaN();
      expect(values.some((v) => v.includes(','))).toBe(true);
      expect(values.some((v) => v.includes('.'))).toBe(false);
    });

    it('sets a final evaluation beside the mid-term', async () => {
      // Arrange
      const final = await openAndFreeze('final', PARC_EXTENSION_PLAN.endDate);
      const { reportId } = (await get(`/api/evaluations/${final}/report.pdf`).expect(202)).body as Requested;
      await runJob(reportId);
      // Act
      const res = await get(`/api/evaluations/${final}/report.pdf`).expect(200);
      // Assert
      const text = pdfPlainText(bytes(res));
      expect(res.headers['content-disposition']).toContain('evaluation-finale-');
      expect(text).toContain('Évaluation finale');
      expect(text).toContain('Référence › mi-parcours › finale');
    });

    it('is refused (409) while the evaluation is still being frozen', async () => {
      // Arrange: written straight to the database, so that no job freezes it under the test
      const [{ id }] = await t.db.query<{ id: string }[]>(
        `INSERT INTO evaluations (plan_id, kind, cutoff, state, opened_by, opened_at)
         SELECT $1, 'midterm', '2022-01-31', 'freezing', id, now() FROM users WHERE email = 'comite@demo.repere.org' RETURNING id`,
        [planId],
      );
      opened.push(id);
      // Workers of other files recover freezes from the whole database: its row stays locked through the test, which
      // keeps their freeze (SELECT … FOR UPDATE) waiting, and lets the API's reads through.
      const hold = t.db.createQueryRunner();
      await hold.connect();
      await hold.startTransaction();
      try {
        await hold.query('SELECT id FROM evaluations WHERE id = $1 FOR NO KEY UPDATE', [id]);
        // Act
        const [viaGet, viaPost] = await Promise.all([
          get(`/api/evaluations/${id}/report.pdf`),
          t.http().post(`/api/evaluations/${id}/reports`).set(as('committee')).send({ format: 'xlsx' }),
        ]);
        // Assert
        for (const res of [viaGet, viaPost]) {
          expect(res.status).toBe(409);
          expect(res.body).toMatchObject({ code: 'evaluation_freezing', message: expect.stringContaining('still being frozen') });
        }
      } finally {
        await hold.rollbackTransaction();
        await hold.release();
      }
    });
  });

  describe("of a plan's year (« rapport d'activité annuel »)", () => {
    it('gives the 2022 activity of the Parc-Extension plan: actions, participation and indicator values of the year', async () => {
      // Arrange
      // What the report must publish: the year's participants through the disclosure layer, with their entries' keys.
      const [{ people, key }] = await t.db.query<{ people: number; key: string }[]>(
        `SELECT coalesce(sum(c.total), 0)::int AS people, sum(c.record_key)::text AS key FROM participation_counts c JOIN instruments i ON i.id = c.instrument_id
          WHERE i.plan_id = $1 AND c.date BETWEEN '2022-01-01' AND '2022-12-31'`,
        [planId],
      );
      const total = protectCount(people, keyFromSum(key), disclosureTable({ k: 5, maxDeviation: 2 })).value;
      const [participants] = await t.db.query<{ value: number }[]>(
        `SELECT v.published_value AS value FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
          WHERE i.plan_id = $1 AND i.name = 'Nombre de participants à la Journée de Bienvenue' AND v.grain = 'year' AND v.dimension = '' AND v.period_start = '2022-01-01'`,
        [planId],
      );
      // Act
      const asked = await t.http().post(`/api/plans/${planId}/activity-reports`).set(as('committee')).send({ year: 2022 });
      // Assert
      expect(asked.status).toBe(202);
      const { id } = asked.body as Requested;
      expect(asked.body).toMatchObject({ id, state: expect.any(String), progress: expect.any(Number) });
      expect(asked.headers.location).toBe(`/api/reports/${id}`);
      activityReports.push(id);

      await runJob(id);
      const status = (await t.http().get(`/api/reports/${id}`).set(as('committee')).expect(200)).body as Status;
      expect(status).toMatchObject({
        state: 'ready',
        progress: 100,
        fileName: 'rapport-activite-2022-plan-d-action-2021-2023-table-de-quartier-de-parc-extension.pdf',
      });
      const res = await get(status.downloadUrl as string).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = pdfPlainText(bytes(res));
      expect(text).toContain("Rapport d'activité annuel 2022");
      expect(text).toContain(planTitle);
      expect(text).toContain('Relocalisation des organismes de William-Hingston');
      expect(text).toContain('31 décembre 2022');
      expect(total).toBeGreaterThan(0);
      expect(Math.abs(total! - people)).toBeLessThanOrEqual(2);
      // Thousands are written with a separator (« 2 246 »): the demo's counts run past a thousand a year.
      expect(text).toMatch(new RegExp(`Total \\d+ ${String(total).replace(/\B(?=(\d{3})+$)/g, '\\s?')}`));
      expect(participants?.value).toBeGreaterThan(0);
      expect(text).toContain(`Nombre de participants à la Journée de Bienvenue (participants) ${participants.value}`);
    });

    it('records a failure with its message, and then has no file (409)', async () => {
      // Arrange: a report whose data cannot be read (no year), written straight to the database
      const [{ id }] = await t.db.query<{ id: string }[]>(
        `INSERT INTO reports (plan_id, kind, format, language, file_name, content_type, requested_by)
         SELECT $1, 'activity', 'pdf', 'fr', 'x.pdf', 'application/pdf', id FROM users WHERE email = 'comite@demo.repere.org' RETURNING id`,
        [planId],
      );
      activityReports.push(id);
      // Act
      await expect(renderer.render(id)).rejects.toThrow();
      // Assert
      const status = (await t.http().get(`/api/reports/${id}`).set(as('committee')).expect(200)).body as Status;
      expect(status).toMatchObject({ state: 'failed', downloadUrl: null, error: expect.any(String) });
      const file = await t.http().get(`/api/reports/${id}/file`).set(as('committee'));
      expect(file.status).toBe(409);
      expect(file.body).toMatchObject({ code: 'report_not_ready', message: expect.stringContaining('failed') });
      // A failed report stays failed: running its job again changes nothing
      await expect(renderer.render(id)).resolves.toBe('already_failed');
    });
  });

  describe('bad input gets a 4xx naming the field', () => {
    const fields = (res: Response) => ((res.body as ErrorBody).errors ?? []).map((e) => e.field);

    it.each([
      ['a format that is not one', 'format', { format: 'doc' }, /format must be one of: pdf, xlsx, csv/],
      ['a language that is not one', 'language', { format: 'pdf', language: 'de' }, /language must be one of: fr, en/],
      ['no format', 'format', {}, /format/],
      ['an unknown field', 'pages', { format: 'pdf', pages: 3 }, /property pages should not exist/],
    ])('POST /api/evaluations/{id}/reports with %s is a 400 naming %s', async (_case, field, body, message) => {
      // Arrange / Act
      const res = await t.http().post(`/api/evaluations/${midterm.id}/reports`).set(as('committee')).send(body);
      // Assert
      expect(res.status).toBe(400);
      expect(fields(res)).toContain(field);
      expect((res.body as ErrorBody).message).toMatch(message);
    });

    it.each(['pdf', 'xlsx', 'csv'])('GET report.%s?lang=de is a 400 naming lang', async (format) => {
      // Arrange / Act
      const res = await t.http().get(`/api/evaluations/${midterm.id}/report.${format}?lang=de`).set(as('committee'));
      // Assert
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['lang']);
      expect((res.body as ErrorBody).message).toMatch(/lang must be one of: fr, en/);
    });

    it.each([
      ['a year long before any plan', { year: 1800 }, /year must not be before 1900/],
      ['a year the plan does not run in', { year: 2030 }, /year: the plan runs from 2021 to 2023/],
      ['a year as text', { year: '2022' }, /year must be a whole number/],
      ['no year', {}, /year/],
      ['a language that is not one', { year: 2022, language: 'de' }, /language must be one of: fr, en/],
    ])('POST /api/plans/{id}/activity-reports with %s is a 400 naming the field', async (_case, body, message) => {
      // Arrange
      const before = await t.db.query('SELECT count(*)::int AS n FROM reports WHERE plan_id = $1', [planId]);
      // Act
      const res = await t.http().post(`/api/plans/${planId}/activity-reports`).set(as('committee')).send(body);
      // Assert
      expect(res.status).toBe(400);
      expect(fields(res)).toContain('language' in body ? 'language' : 'year');
      expect((res.body as ErrorBody).message).toMatch(message);
      await expect(t.db.query('SELECT count(*)::int AS n FROM reports WHERE plan_id = $1', [planId])).resolves.toEqual(before);
    });

    it.each([
      ['GET', `/api/evaluations/${UNKNOWN}/report.pdf`, 'Evaluation'],
      ['POST', `/api/evaluations/${UNKNOWN}/reports`, 'Evaluation'],
      ['POST', `/api/plans/${UNKNOWN}/activity-reports`, 'Plan'],
      ['GET', `/api/reports/${UNKNOWN}`, 'Report'],
      ['GET', `/api/reports/${UNKNOWN}/file`, 'Report'],
    ])('%s %s of an unknown id is a 404', async (method, path, what) => {
      // Arrange
      const body = path.endsWith('activity-reports') ? { year: 2022 } : { format: 'pdf' };
      // Act
      const res =
        method === 'GET' ? await t.http().get(path).set(as('committee')) : await t.http().post(path).set(as('committee')).send(body);
      // Assert
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'not_found', message: `${what} ${UNKNOWN} was not found` });
    });

    it.each(['/api/reports/abc', '/api/evaluations/abc/report.pdf'])('GET %s is a 400 naming id', async (path) => {
      // Arrange / Act
      const res = await t.http().get(path).set(as('committee'));
      // Assert
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['id']);
    });

    it('refuses a partner asking for a report (403), and anyone without a token (401)', async () => {
      // Arrange / Act
      const partner = await t.http().post(`/api/evaluations/${midterm.id}/reports`).set(as('partner')).send({ format: 'pdf' });
      const anonymous = await t.http().get(`/api/evaluations/${midterm.id}/report.pdf`);
      // Assert
      expect(partner.status).toBe(403);
      expect(anonymous.status).toBe(401);
    });
  });
});
