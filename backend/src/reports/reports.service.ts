import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, In, QueryFailedError } from 'typeorm';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { ApiError, invalidField, notFound } from '@backend/common/errors';
import type { EvaluationKind, EvaluationState } from '@backend/evaluations/evaluation-kind';
import { Plan } from '@backend/plans/plan.entity';
import { RequestActivityReportDto, ReportRequestedDto, ReportStatusDto } from './dto/report.dto';
import type { ReportFormat, ReportLanguage } from './render/report-input';
import { activityFileName, CONTENT_TYPES, evaluationFileName } from './report-files';
import { ReportQueueService } from './report-queue.service';
import { EVALUATION_LAST_CHANGE_SQL } from './report-sources.service';
import { Report } from './report.entity';

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** What GET /api/evaluations/{id}/report.{format} answers: the file when an up-to-date one exists, else the report in the works. */
export type EvaluationReportAnswer = { file: ReportFile } | { pending: ReportRequestedDto };

interface EvaluationRow {
  id: string;
  planId: string;
  kind: EvaluationKind;
  cutoff: string;
  state: EvaluationState;
  planTitle: string;
}

const IN_THE_WORKS = In(['queued', 'running']);

const requested = (r: Pick<Report, 'id' | 'state' | 'progress'>): ReportRequestedDto => ({
  id: r.id,
  reportId: r.id,
  state: r.state,
  progress: r.progress,
});

/**
 * The API side of reports: finds an up-to-date file or asks the workers for one, and serves the files they stored.
 * Nothing is rendered in a request.
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: ReportQueueService,
  ) {}

  async evaluationReport(
    evaluationId: string,
    format: ReportFormat,
    language: ReportLanguage,
    user: AuthUser,
  ): Promise<EvaluationReportAnswer> {
    const evaluation = await this.evaluationOf(evaluationId);
    const [ready]: { file_name: string; content_type: string; file: Buffer }[] = await this.db.query(
      `${this.freshSql('r.file_name, r.content_type, r.file')}`,
      [evaluationId, format, language],
    );
    if (ready) return { file: { fileName: ready.file_name, contentType: ready.content_type, body: ready.file } };
    return {
      pending: requested(
        await this.inTheWorks(
          { kind: 'evaluation', planId: evaluation.planId, evaluationId, format, language },
          evaluationFileName(evaluation.kind, evaluation.planTitle, evaluation.cutoff, format, language),
          user,
        ),
      ),
    };
  }

  /** An explicit request: an up-to-date file is not rendered again (its report is answered, ready). */
  async requestEvaluationReport(
    evaluationId: string,
    format: ReportFormat,
    language: ReportLanguage,
    user: AuthUser,
  ): Promise<ReportRequestedDto> {
    const evaluation = await this.evaluationOf(evaluationId);
    const [ready]: Pick<Report, 'id' | 'state' | 'progress'>[] = await this.db.query(this.freshSql('r.id, r.state, r.progress'), [
      evaluationId,
      format,
      language,
    ]);
    if (ready) return requested(ready);
    return requested(
      await this.inTheWorks(
        { kind: 'evaluation', planId: evaluation.planId, evaluationId, format, language },
        evaluationFileName(evaluation.kind, evaluation.planTitle, evaluation.cutoff, format, language),
        user,
      ),
    );
  }

  /** Activity data has no change time of its own: each request renders the year again (or joins the one in the works). */
  async requestActivityReport(planId: string, dto: RequestActivityReportDto, user: AuthUser): Promise<ReportRequestedDto> {
    const plan = await this.db.manager.findOne(Plan, {
      select: { id: true, title: true, startDate: true, endDate: true },
      where: { id: planId },
    });
    if (!plan) throw notFound('Plan', planId);
    const [first, last] = [Number(plan.startDate.slice(0, 4)), Number(plan.endDate.slice(0, 4))];
    if (dto.year < first || dto.year > last) throw invalidField('year', `the plan runs from ${first} to ${last}`);
    const language = dto.language ?? 'fr';
    return requested(
      await this.inTheWorks(
        { kind: 'activity', planId, year: dto.year, format: 'pdf', language },
        activityFileName(plan.title, dto.year, language),
        user,
      ),
    );
  }

  async status(id: string): Promise<ReportStatusDto> {
    const r = await this.db.manager.findOneBy(Report, { id });
    if (!r) throw notFound('Report', id);
    return {
      id: r.id,
      kind: r.kind,
      planId: r.planId,
      evaluationId: r.evaluationId,
      year: r.year,
      format: r.format,
      language: r.language,
      state: r.state,
      progress: r.progress,
      ...(r.error ? { error: r.error } : {}),
      fileName: r.fileName,
      downloadUrl: r.state === 'ready' ? `/api/reports/${r.id}/file` : null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }

  async file(id: string): Promise<ReportFile> {
    const [r]: { state: string; file_name: string; content_type: string; file: Buffer | null }[] = await this.db.query(
      'SELECT state, file_name, content_type, file FROM reports WHERE id = $1',
      [id],
    );
    if (!r) throw notFound('Report', id);
    if (r.state !== 'ready' || !r.file) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'report_not_ready',
        `Report ${id} is ${r.state}, not ready: follow GET /api/reports/${id} until it is`,
      );
    }
    return { fileName: r.file_name, contentType: r.content_type, body: r.file };
  }

  private async evaluationOf(id: string): Promise<EvaluationRow> {
    const [row]: EvaluationRow[] = await this.db.query(
      `SELECT e.id, e.plan_id AS "planId", e.kind, e.cutoff::text AS cutoff, e.state, p.title AS "planTitle"
         FROM evaluations e JOIN plans p ON p.id = e.plan_id WHERE e.id = $1`,
      [id],
    );
    if (!row) throw notFound('Evaluation', id);
    if (row.state === 'freezing') {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'evaluation_freezing',
        `Evaluation ${id} is still being frozen: its snapshot is not there yet, so there is nothing to report. Try again shortly.`,
      );
    }
    return row;
  }

  /** The newest ready report of ($1 evaluation, $2 format, $3 language) rendered from data as it now stands. */
  private freshSql(columns: string): string {
    return `WITH last AS (${EVALUATION_LAST_CHANGE_SQL} AS changed_at FROM evaluations e WHERE e.id = $1)
      SELECT ${columns} FROM reports r, last
       WHERE r.evaluation_id = $1 AND r.kind = 'evaluation' AND r.format = $2 AND r.language = $3 AND r.state = 'ready'
         AND r.source_changed_at >= last.changed_at
       ORDER BY r.created_at DESC LIMIT 1`;
  }

  /**
   * The report in the works for this key (queued or running), or a new one, queued for the workers. Two requests at
   * once make one report (a partial unique index keeps one in the works per key). A new report whose job Redis cannot
   * take is marked failed and the request answered 503: nothing would ever render it.
   */
  private async inTheWorks(
    key: Pick<Report, 'kind' | 'planId' | 'format' | 'language'> & Partial<Pick<Report, 'evaluationId' | 'year'>>,
    fileName: string,
    user: AuthUser,
  ): Promise<Report> {
    const em = this.db.manager;
    const where = { ...key, state: IN_THE_WORKS } as FindOptionsWhere<Report>;
    let report = await em.findOneBy(Report, where);
    if (report) {
      // Its job was queued when it was made; asking again only covers a Redis that lost it (the same job id adds nothing).
      await this.queue
        .requestRender(report.id)
        .catch((err: Error) => this.logger.warn(`report ${report?.id}: render not re-queued (${err.message})`));
      return report;
    }
    try {
      report = await em.save(
        em.create(Report, {
          ...key,
          fileName,
          contentType: CONTENT_TYPES[key.format],
          state: 'queued',
          progress: 0,
          requestedBy: user.id,
        }),
      );
    } catch (err) {
      if (!(err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505')) throw err;
      return em.findOneByOrFail(Report, where);
    }
    try {
      await this.queue.requestRender(report.id);
    } catch (err) {
      this.logger.warn(`report ${report.id} not queued (${(err as Error).message})`);
      await em.update(
        Report,
        { id: report.id, state: 'queued' },
        { state: 'failed', error: 'The job queue could not be reached; ask again.' },
      );
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'queue_unavailable',
        'Reports cannot be rendered right now: the job queue (Redis) is not reachable. Try again shortly.',
      );
    }
    return report;
  }
}
