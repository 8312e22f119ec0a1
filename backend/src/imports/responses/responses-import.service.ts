import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { problem, ProblemList } from '../import-problem';
import type { Import, ImportResult } from '../import.entity';
import { ImportFilesService } from '../import-files.service';
import type { ImportTransaction } from '../imports.repository';
import { sniff } from '../sources/sniff';
import { CsvSyntaxError } from '../sources/csv-reader';
import { EncodingError } from '../sources/decode-text';
import { checkWorkbook, RESPONSES_WORKBOOK, WorkbookBoundError } from '../sources/xlsx-bounds';
import { unreadable } from '../document-text';
import { tableRows } from '../table-source';
import type { ResponsesPreviewDto } from '../dto/import-preview.response';
import { ResponseRowReader, ResponsesImportOptions, StagedRow } from './row-reader';
import { copyIntoStaging, createStaging, dropStaging, stagingTable } from './staging';

export interface Analysis {
  format: Import['format'];
  preview: Record<string, unknown> | null;
  problems: ProblemList;
  /** Rows staged, when the file has no problem. */
  staged: number;
}

const SAMPLES = 3;

/**
 * Past responses from another tool's export. The analysis reads the whole file once, checks every row and stages
 * the good ones with COPY; the commit is then one INSERT … SELECT in one transaction, where a row already stored
 * (same idempotency key) is skipped.
 */
@Injectable()
export class ResponsesImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: ImportFilesService,
  ) {}

  async analyze(imp: Import, onBytes: (n: number) => void): Promise<Analysis> {
    const options = imp.options as unknown as ResponsesImportOptions;
    const problems = new ProblemList();
    const target = await this.target(options, problems);
    const sniffed = sniff(await this.files.head(imp.id), 'csv');
    if (!sniffed.ok) {
      problems.add(problem(null, null, sniffed.code, sniffed.message));
      return { format: null, preview: null, problems, staged: 0 };
    }
    if (target === null) return { format: sniffed.format, preview: null, problems, staged: 0 };
    if (sniffed.format === 'xlsx') {
      // Measured from its zip directory before a byte is inflated (the reading then counts what really inflates).
      const tooLarge = await checkWorkbook(imp.size, (start, end) => this.files.range(imp.id, start, end), RESPONSES_WORKBOOK);
      if (tooLarge !== null) {
        problems.add(problem(null, null, tooLarge.code, tooLarge.message, tooLarge.params));
        return { format: sniffed.format, preview: null, problems, staged: 0 };
      }
    }
    const { questionnaire, version } = target;

    let reader: ResponseRowReader | null = null;
    let rows = 0;
    let firstDate: string | null = null;
    let lastDate: string | null = null;
    const samples: string[][] = [];
    const files = this.files;
    async function* staged(): AsyncGenerator<StagedRow[]> {
      for await (const batch of tableRows(files.read(imp.id), sniffed as Extract<typeof sniffed, { ok: true }>, onBytes)) {
        const out: StagedRow[] = [];
        for (const row of batch) {
          if (reader === null) {
            reader = new ResponseRowReader(
              row,
              questionnaire.id,
              version.questions,
              version.languages,
              version.defaultLanguage,
              options,
              version.answerKeys,
            );
            if (!reader.headerOk) return; // the columns are wrong: say so at once, without reading the rest
            continue;
          }
          rows += 1;
          if (samples.length < SAMPLES) samples.push([...row.cells]);
          const r = reader.read(row);
          if (r === null) continue;
          if (firstDate === null || r.answeredAt < firstDate) firstDate = r.answeredAt;
          if (lastDate === null || r.answeredAt > lastDate) lastDate = r.answeredAt;
          out.push(r);
        }
        yield out;
      }
    }

    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      const zone = await this.zoneOf(questionnaire.id);
      await createStaging(client, imp.id, imp.generation, zone);
      try {
        await copyIntoStaging(client, stagingTable(imp.id, imp.generation), staged(), zone);
      } catch (err) {
        if (err instanceof CsvSyntaxError) problems.add(problem(err.line, null, 'bad_csv', `Line ${err.line}: ${err.message}`));
        else if (err instanceof EncodingError) problems.add(problem(null, null, 'bad_encoding', err.message));
        else if (err instanceof WorkbookBoundError) problems.add(problem(null, null, err.code, err.message, err.params));
        // A workbook the parser chokes on is the file's problem, said in words; the database's errors are ours.
        else if (sniffed.format === 'xlsx' && !isDatabaseError(err)) problems.add(problem(null, null, 'bad_xlsx', unreadable('xlsx', err)));
        else throw err;
      }
      const r = reader as ResponseRowReader | null;
      if (r === null) {
        if (problems.count === 0) problems.add(problem(null, null, 'no_rows', 'The file has no header row')); // else the file could not be read
      } else {
        problems.addAll(r.problems.items);
        problems.count += r.problems.count - r.problems.items.length;
        if (rows === 0 && r.headerOk) problems.add(problem(null, null, 'no_rows', 'The file has a header but no response'));
      }
      let counts = { staged: 0, fresh: 0 };
      if (problems.count > 0) await client.query(`DROP TABLE IF EXISTS ${stagingTable(imp.id, imp.generation)}`);
      else counts = await this.counts(client, stagingTable(imp.id, imp.generation), questionnaire.id);
      const preview =
        r === null
          ? null
          : ({
              questionnaire: {
                id: questionnaire.id,
                title: version.title[version.defaultLanguage] ?? Object.values(version.title)[0] ?? '',
                version: version.version,
              },
              // Compared with the stored responses only when every row reads (the rows are then staged).
              rows,
              newRows: problems.count > 0 ? null : counts.fresh,
              alreadyImported: problems.count > 0 ? null : counts.staged - counts.fresh,
              columns: r.headers.map((header, i) => ({ header, target: r.targets[i], sample: samples.map((s) => s[i] ?? '') })),
              questions: version.questions.map((q) => ({
                id: q.id,
                label: q.label[version.defaultLanguage] ?? Object.values(q.label)[0] ?? q.id,
                type: q.type,
                choices: (q.choices ?? []).map((c) => ({
                  value: c.code,
                  label: c.label[version.defaultLanguage] ?? Object.values(c.label)[0] ?? c.code,
                })),
              })),
              unmatchedLabels: [...r.unmatched].flatMap(([questionId, labels]) =>
                [...labels].map(([label, count]) => ({ questionId, label, count })),
              ),
              firstDate,
              lastDate,
            } satisfies ResponsesPreviewDto); // the document describes what is built here (import-preview.response.ts)
      return { format: sniffed.format, preview, problems, staged: counts.staged };
    } finally {
      await runner.release();
    }
  }

  /**
   * Writes the staged rows in the caller's transaction. Returns null when the staging table is gone or short (the
   * database restarted since the analysis: unlogged tables are emptied): the caller analyses the file again.
   */
  async commit(tx: ImportTransaction, imp: Import, staged: number): Promise<ImportResult | null> {
    const options = imp.options as unknown as ResponsesImportOptions;
    const table = stagingTable(imp.id, imp.generation);
    const n = await tx.stagedRows(table);
    if (n !== staged) return null;
    // The rows were checked against the version the preview names, and staged as stored (staging.ts): they are stored
    // as answers to it (ImportTransaction.insertStaged). A row already imported (same questionnaire, same key) is
    // skipped, not doubled.
    const number = (imp.preview as { questionnaire?: { version?: number } } | null)?.questionnaire?.version;
    const version = number ?? (await tx.currentVersion(options.questionnaireId));
    const created = await tx.insertStaged(table, options.questionnaireId, version, imp.id);
    return { created, skipped: n - created };
  }

  /** The time zone of the questionnaire's plan: its rows' dates are read, and their months taken, in it. */
  private async zoneOf(questionnaireId: string, em: EntityManager = this.db.manager): Promise<string> {
    const [row] = await em.query<{ time_zone: string }[]>(
      'SELECT p.time_zone FROM questionnaires q JOIN plans p ON p.id = q.plan_id WHERE q.id = $1',
      [questionnaireId],
    );
    return row?.time_zone ?? 'UTC';
  }

  async discardStaging(importId: string): Promise<void> {
    await dropStaging((sql, params) => this.db.query(sql, params), importId);
  }

  private async counts(client: PoolClient, table: string, questionnaireId: string): Promise<{ staged: number; fresh: number }> {
    const { rows } = await client.query<{ staged: number; fresh: number }>(
      `SELECT count(*)::int AS staged,
              count(DISTINCT s.key) FILTER (WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.questionnaire_id = $1 AND r.idempotency_key = s.key))::int AS fresh
       FROM ${table} s WHERE s.key IS NOT NULL`,
      [questionnaireId],
    );
    return rows[0];
  }

  private async target(
    options: ResponsesImportOptions,
    problems: ProblemList,
  ): Promise<{ questionnaire: Questionnaire; version: QuestionnaireVersion } | null> {
    const questionnaire = await this.db.manager.findOneBy(Questionnaire, { id: options.questionnaireId });
    if (!questionnaire) {
      problems.add(problem(null, null, 'unknown_questionnaire', `Questionnaire ${options.questionnaireId} does not exist`));
      return null;
    }
    if (questionnaire.currentVersion < 1) {
      problems.add(
        problem(null, null, 'not_published', 'This questionnaire has never been published: publish it, then import its responses'),
      );
      return null;
    }
    return {
      questionnaire,
      version: await this.db.manager.findOneByOrFail(QuestionnaireVersion, {
        questionnaireId: questionnaire.id,
        version: questionnaire.currentVersion,
      }),
    };
  }
}

/** An error PostgreSQL sent (it has a severity): not the file's fault. */
function isDatabaseError(err: unknown): boolean {
  return typeof (err as { severity?: unknown })?.severity === 'string';
}
