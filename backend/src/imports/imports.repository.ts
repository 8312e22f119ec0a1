import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry, recordAudit } from '@backend/audit/audit.service';
import { Objective } from '@backend/plans/objective.entity';
import { Plan } from '@backend/plans/plan.entity';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { WorkCell } from '@backend/work-cells/work-cell.entity';
import type { ImportProblem } from './import-problem';
import type { ImportFormat, ImportKind, ImportStatus } from './import-kind';
import { Import, ImportProgress, ImportResult } from './import.entity';

/** Runs an UPDATE … RETURNING and gives its rows: TypeORM answers an UPDATE with [rows, affected], not with the rows. */
async function updateReturning<T>(db: DataSource | EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await db.query(sql, params)) as [T[], number];
  return rows;
}

/** What the analysis found, as the import's row keeps it. */
export interface AnalysisRecord {
  status: 'ready' | 'invalid';
  format: ImportFormat | null;
  preview: Record<string, unknown> | null;
  problems: ImportProblem[];
  problemCount: number;
}

/** The objective a fiche's sub-objective code names, and its plan's title (for the preview). */
export interface LinkedObjective {
  id: string;
  code: string;
  title: string;
  planTitle: string;
}

/**
 * An import's writes within one transaction. `em` is handed on, unread, to the collaborators that write in the same
 * transaction (the file's chunks, the plan, work cell and responses writers): the rules never query through it.
 */
export class ImportTransaction {
  constructor(readonly em: EntityManager) {}

  /** A new import row, before its file: the caller stores the file in the same transaction. */
  create(values: Pick<Import, 'kind' | 'fileName' | 'options' | 'createdById'> & { size: number }): Promise<Import> {
    return this.em.save(this.em.create(Import, values));
  }

  async setSize(id: string, size: number): Promise<void> {
    await this.em.update(Import, id, { size });
  }

  /**
   * New options and a new generation, back to analyzing, if the import is not settled (importing or done). Gives the
   * new generation and the options as they were, under the row's lock (the audit event's « from »); null when settled.
   */
  async reanalyze(id: string, options: Record<string, unknown>): Promise<{ generation: number; before: Record<string, unknown> } | null> {
    const rows = await updateReturning<{ generation: number; before: Record<string, unknown> }>(
      this.em,
      `UPDATE imports i SET options = $2, generation = i.generation + 1, status = 'analyzing', preview = NULL, problems = '[]', problem_count = 0, progress = NULL, updated_at = now()
           FROM (SELECT id, options FROM imports WHERE id = $1 FOR UPDATE) old
          WHERE i.id = old.id AND i.status IN ('analyzing', 'ready', 'invalid', 'failed') RETURNING i.generation, old.options AS before`,
      [id, JSON.stringify(options)],
    );
    return rows[0] ?? null;
  }

  /** ready → importing, only at the generation the user saw; false when the import was not there to confirm. */
  async confirm(id: string, generation: number): Promise<boolean> {
    const rows = await updateReturning(
      this.em,
      `UPDATE imports SET status = 'importing', updated_at = now() WHERE id = $1 AND status = 'ready' AND generation = $2 RETURNING id`,
      [id, generation],
    );
    return rows.length > 0;
  }

  audit(entry: AuditEntry): Promise<void> {
    return recordAudit(this.em, entry);
  }

  /** The import's status at this generation, its row locked until the transaction ends; undefined when gone. */
  async lockStatus(id: string, generation: number): Promise<ImportStatus | undefined> {
    const [locked] = await this.em.query<{ status: ImportStatus }[]>(
      'SELECT status FROM imports WHERE id = $1 AND generation = $2 FOR UPDATE',
      [id, generation],
    );
    return locked?.status;
  }

  async markInvalid(id: string, problems: ImportProblem[], count: number): Promise<void> {
    await this.em.query(
      `UPDATE imports SET status = 'invalid', problems = $2, problem_count = $3, progress = NULL, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(problems), count],
    );
  }

  /**
   * How many rows a responses import staged, or null when its staging table is gone (the database restarted since
   * the analysis: unlogged tables are emptied, or dropped).
   */
  async stagedRows(table: string): Promise<number | null> {
    const [{ exists }] = await this.em.query<{ exists: boolean }[]>('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
    if (!exists) return null;
    const [{ n }] = await this.em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table} WHERE key IS NOT NULL`);
    return n;
  }

  /** The questionnaire's current version number. */
  async currentVersion(questionnaireId: string): Promise<number> {
    const questionnaire = await this.em.findOneByOrFail(Questionnaire, { id: questionnaireId });
    return (await this.em.findOneByOrFail(QuestionnaireVersion, { questionnaireId, version: questionnaire.currentVersion })).version;
  }

  /**
   * Stores the staged rows as responses to `version`, each joined to its answers, with nothing left to compute; gives
   * how many were new. In the order of their keys, which is that of their dates (row-reader.ts): every index grows at
   * its end. A row's id is its key: unique across questionnaires too, since the key hashes the questionnaire's id, and
   * in the same order. No body: import_id says where the row comes from. One INSERT … SELECT (bench/README.md).
   */
  async insertStaged(table: string, questionnaireId: string, version: number, importId: string): Promise<number> {
    const [{ created }] = await this.em.query<{ created: number }[]>(
      `WITH inserted AS (
         INSERT INTO responses (id, questionnaire_id, version, language, answered_at, idempotency_key, import_id, answers, codes, answered_month)
         SELECT s.key, $1, $2, s.language, s.answered_at, s.key, $3, a.answers, a.codes, s.answered_month
           FROM ${table} s JOIN ${table} a ON a.answers_id = s.answers_id AND a.key IS NULL
          WHERE s.key IS NOT NULL
         ORDER BY s.key
         ON CONFLICT (questionnaire_id, idempotency_key) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS created FROM inserted`,
      [questionnaireId, version, importId],
    );
    return created;
  }

  async markDone(id: string, result: ImportResult): Promise<void> {
    await this.em.query(`UPDATE imports SET status = 'done', result = $2, progress = NULL, updated_at = now() WHERE id = $1`, [
      id,
      JSON.stringify(result),
    ]);
  }
}

/**
 * The imports' own rows: every query ImportsService's and ImportRunnerService's rules need, and nothing else. The
 * writers' and the responses' staging SQL (binary COPY, one INSERT … SELECT: bench/README.md) stay where they are.
 */
@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: ImportTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction((em) => work(new ImportTransaction(em)));
  }

  /**
   * Runs `step` holding the import's advisory lock, on a connection of its own: one step of an import at a time,
   * whoever asks (a job retried while its first attempt still runs, the recovery).
   */
  async alone<T>(importId: string, step: () => Promise<T>): Promise<T> {
    const lock = this.db.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtextextended($1, 6))', [importId]);
      return await step();
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtextextended($1, 6))', [importId]).catch(() => undefined);
      await lock.release();
    }
  }

  questionnaireExists(id: string): Promise<boolean> {
    return this.db.manager.existsBy(Questionnaire, { id });
  }

  /** The commit's transaction when given one, else the connection's manager (each statement on its own). */
  manager(em?: EntityManager): EntityManager {
    return em ?? this.db.manager;
  }

  /** Whether a plan already has this title: in the commit's transaction when given one, else on its own. */
  planTitleTaken(title: string, em: EntityManager = this.db.manager): Promise<boolean> {
    return em.existsBy(Plan, { title });
  }

  workCellNameTaken(name: string, em: EntityManager = this.db.manager): Promise<boolean> {
    return em.existsBy(WorkCell, { name });
  }

  planExists(id: string, em: EntityManager = this.db.manager): Promise<boolean> {
    return em.existsBy(Plan, { id });
  }

  /** The objectives of this code, in this plan or in any (two at most: one is an answer, two a question to the user). */
  objectivesWithCode(code: string, planId: string | undefined, em: EntityManager = this.db.manager): Promise<LinkedObjective[]> {
    const qb = em
      .createQueryBuilder(Objective, 'o')
      .innerJoin(Plan, 'p', 'p.id = o.plan_id')
      .select(['o.id AS id', 'o.code AS code', 'o.title AS title', 'p.title AS "planTitle"'])
      .where('o.code = :code', { code });
    if (planId) qb.andWhere('o.plan_id = :planId', { planId });
    return qb.limit(2).getRawMany<LinkedObjective>();
  }

  find(id: string): Promise<Import | null> {
    return this.db.manager.findOneBy(Import, { id });
  }

  /** The import if it is still at this generation and in this status: else a step has nothing to do. */
  findAt(id: string, generation: number, status: ImportStatus): Promise<Import | null> {
    return this.db.manager.findOneBy(Import, { id, generation, status });
  }

  /** Newest first. */
  list(kind: ImportKind | undefined, skip: number, take: number): Promise<[Import[], number]> {
    return this.db.manager.findAndCount(Import, { where: kind ? { kind } : {}, order: { createdAt: 'DESC' }, skip, take });
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(Import, { id });
  }

  /** Stores the analysis if the import is still analyzing at this generation; false when overtaken. */
  async recordAnalysis(id: string, generation: number, a: AnalysisRecord): Promise<boolean> {
    const updated = await updateReturning(
      this.db,
      `UPDATE imports SET status = $3, format = $4, preview = $5, problems = $6, problem_count = $7, progress = NULL, updated_at = now()
       WHERE id = $1 AND generation = $2 AND status = 'analyzing' RETURNING id`,
      [id, generation, a.status, a.format, a.preview && JSON.stringify(a.preview), JSON.stringify(a.problems), a.problemCount],
    );
    return updated.length > 0;
  }

  async setProgress(id: string, generation: number, progress: ImportProgress): Promise<void> {
    await this.db.query('UPDATE imports SET progress = $3 WHERE id = $1 AND generation = $2', [id, generation, JSON.stringify(progress)]);
  }

  /** Imports waiting for the workers, untouched for a while: their job may have been lost with Redis. */
  pending(): Promise<{ id: string; generation: number; status: 'analyzing' | 'importing' }[]> {
    return this.db.query(
      `SELECT id, generation, status FROM imports WHERE status IN ('analyzing', 'importing') AND updated_at < now() - interval '10 seconds'`,
    );
  }

  /** Deletes the imports not confirmed for `days` (their chunks go with them); gives their ids. */
  async deleteUnconfirmed(days: number): Promise<string[]> {
    // TypeORM answers a DELETE with [rows, affected]: updateReturning gives the rows (it took the pair's length, 2, for a
    // count, and logged « Discarded 2 » every 15 s on a database without any import).
    const gone = await updateReturning<{ id: string }>(
      this.db,
      `DELETE FROM imports WHERE status IN ('ready', 'invalid', 'failed') AND updated_at < now() - make_interval(days => $1) RETURNING id`,
      [days],
    );
    return gone.map((g) => g.id);
  }

  /** Staging tables whose import is gone. */
  async orphanStagingTables(): Promise<string[]> {
    const orphans = await this.db.query<{ tablename: string }[]>(
      `SELECT t.tablename FROM pg_tables t WHERE t.schemaname = 'import_staging'
         AND NOT EXISTS (SELECT 1 FROM imports i WHERE starts_with(t.tablename, 'i_' || replace(i.id::text, '-', '') || '_'))`,
    );
    return orphans.map((o) => o.tablename);
  }

  async dropStagingTable(tablename: string): Promise<void> {
    await this.db.query(`DROP TABLE IF EXISTS import_staging."${tablename}"`);
  }

  /** Marks an import that no retry could write, if it is still at this generation and with the workers. */
  async fail(id: string, generation: number, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE imports SET status = 'failed', error = $3, progress = NULL, updated_at = now() WHERE id = $1 AND generation = $2 AND status IN ('analyzing', 'importing')`,
      [id, generation, reason],
    );
  }
}
