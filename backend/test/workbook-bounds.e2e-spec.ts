import * as ExcelJS from 'exceljs';
import { ImportRunnerService } from '@backend/imports/import-runner.service';
import { InflatedBytesGuard, RESPONSES_WORKBOOK } from '@backend/imports/sources/xlsx-bounds';
import { createQuestionnaire, QuestionnaireFixture, removeQuestionnaire } from './support/questionnaire-factory';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { lyingDirectory, sharedStringBomb } from './support/zip-bomb';

// Issue 15, « A 0.2 MB workbook takes 1.5 GB »: a workbook is measured from its zip directory before it is read, and
// counted as it inflates; a bomb is refused with a problem that says what is too large, and the analysis stays small.
// The analysis runs in this process as the worker runs it (ImportRunnerService.analyze): its resident memory is
// sampled every 5 ms while it runs, and the peak growth over the RSS before it is what is bounded.

const MB = 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportBody {
  id: string;
  status: string;
  problems: { row: number | null; code: string; message: string; params?: Record<string, unknown> }[];
}

describe('Workbooks are read within bounds (issue 15)', () => {
  let t: TestApp;
  let runner: ImportRunnerService;
  let q: QuestionnaireFixture;
  let bomb: Buffer;

  beforeAll(async () => {
    t = await startTestApp();
    runner = t.app.get(ImportRunnerService);
    q = await createQuestionnaire(t.db);
    bomb = await sharedStringBomb(200 * MB);
  });
  afterAll(async () => {
    await removeQuestionnaire(t.db, q.questionnaireId);
    await t.close();
  });

  async function analysedWithPeak(fileName: string, body: Buffer): Promise<{ imp: ImportBody; peakGrowth: number }> {
    const res = await t
      .http()
      .post(`/api/imports?kind=responses&questionnaireId=${q.questionnaireId}&fileName=${encodeURIComponent(fileName)}`)
      .set(bearer(t.tokens.evaluator))
      .set('Content-Type', XLSX)
      .send(body);
    expect(res.status).toBe(202);
    const id = (res.body as ImportBody).id;
    const [{ generation }] = await t.db.query<{ generation: number }[]>('SELECT generation FROM imports WHERE id = $1', [id]);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    try {
      await runner.analyze(id, generation);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const imp = (await t.http().get(`/api/imports/${id}`).set(bearer(t.tokens.evaluator)).expect(200)).body as ImportBody;
    if (process.env.WB_REPORT)
      process.stderr.write(`${fileName}: rss before ${Math.round(before / MB)} MB, peak +${Math.round((peak - before) / MB)} MB\n`);
    return { imp, peakGrowth: peak - before };
  }

  it("says what to do with a damaged workbook, in words, never in the parser's own", async () => {
    const damaged = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(4096, 0x41)]);
    const { imp } = await analysedWithPeak('abîmé.xlsx', damaged);
    expect(imp.status).toBe('invalid');
    expect(imp.problems).toEqual([
      expect.objectContaining({ code: 'bad_xlsx', message: expect.stringContaining('save it again as .xlsx or CSV') }),
    ]);
    expect(imp.problems[0].message).not.toMatch(/undefined|properties|TypeError|Error:/);
  });

  it('refuses a 0.2 MB workbook holding one 200 MB shared string from its zip directory, saying which part is too large', async () => {
    expect(bomb.length).toBeLessThan(1 * MB);
    const { imp, peakGrowth } = await analysedWithPeak('bombe.xlsx', bomb);
    expect(imp).toMatchObject({
      status: 'invalid',
      problems: [
        expect.objectContaining({
          row: null,
          code: 'workbook_too_large',
          params: expect.objectContaining({ part: 'xl/sharedStrings.xml', reason: 'size' }),
        }),
      ],
    });
    expect(imp.problems[0].message).toMatch(/xl\/sharedStrings\.xml.*exceeds 50 MB \(200 MB\)/);
    // The workers went from 298 MB to 1,563 MB on this file: the analysis may not add 100 MB (under 400 MB in all).
    expect(peakGrowth).toBeLessThan(100 * MB);
  });

  it('refuses the same bomb when its directory lies about the sizes, as it inflates, without building the string', async () => {
    const { imp, peakGrowth } = await analysedWithPeak('bombe-menteuse.xlsx', lyingDirectory(bomb));
    expect(imp).toMatchObject({
      status: 'invalid',
      problems: [
        expect.objectContaining({
          code: 'workbook_too_large',
          params: expect.objectContaining({ part: 'xl/sharedStrings.xml', reason: 'cell' }),
        }),
      ],
    });
    expect(peakGrowth).toBeLessThan(100 * MB);
  });

  it('stops a part at its bound by counting what really inflates, and the workbook at its total', async () => {
    const guard = new InflatedBytesGuard({ ...RESPONSES_WORKBOOK, maxSharedStrings: 1 * MB, maxUncompressed: 3 * MB });
    const feed = async (name: string, bytes: number) => {
      const part = guard.part(name);
      part.resume();
      const done = new Promise<void>((resolve, reject) => {
        part.on('end', resolve);
        part.on('error', reject);
      });
      const row = Buffer.from('<row><c><v>1</v></c></row>'.repeat(1024));
      for (let sent = 0; sent < bytes && !part.destroyed; sent += row.length) part.write(row);
      part.end();
      return done;
    };
    await expect(feed('xl/sharedStrings.xml', 2 * MB)).rejects.toMatchObject({
      code: 'workbook_too_large',
      params: { part: 'xl/sharedStrings.xml', reason: 'size' },
    });
    await expect(feed('xl/worksheets/sheet1.xml', 4 * MB)).rejects.toMatchObject({
      code: 'workbook_too_large',
      params: { part: '*', reason: 'size' },
    });
  });

  it('still reads an ordinary workbook of 20,000 responses', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Réponses');
    sheet.addRow(['Date', 'Nom']);
    for (let i = 0; i < 20_000; i += 1) sheet.addRow([`2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, `réponse ${i % 50}`]);
    const { imp } = await analysedWithPeak('ordinaire.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(imp.problems.filter((p) => p.code === 'workbook_too_large')).toEqual([]);
  });
});
