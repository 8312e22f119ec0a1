import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { ApiError, invalidField } from '@backend/common/errors';
import { findOr404 } from '@backend/common/lookup';
import { Page, pageOf } from '@backend/common/pagination.dto';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { ResponseExportQueryDto, ResponseFilterDto, ResponseQueryDto } from './dto/response-query.dto';
import { ExportedFile, renderResponsesExport } from './responses-export';
import type { StoredResponseView } from './responses.service';

/** The most responses one export holds: beyond it, the filters narrow it down (a file the browser can still open). */
export const EXPORT_MAX_RESPONSES = 50_000;

interface Filtered {
  /** `FROM … WHERE …` over the responses as `r`, with their answers by question id as `r.answers`. */
  from: string;
  params: unknown[];
  questionnaire: Questionnaire;
}

/**
 * The evaluators' reading of a questionnaire's raw responses: filtered pages and exports (CSV, XLSX). Raw responses
 * are confidential working material: every export is logged with who asked for what.
 */
@Injectable()
export class ResponseBrowserService {
  private readonly logger = new Logger(ResponseBrowserService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stored responses of a questionnaire, newest answered first. */
  async list(questionnaireId: string, q: ResponseQueryDto): Promise<Page<StoredResponseView>> {
    const { from, params } = await this.filtered(questionnaireId, q);
    const n = params.length;
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<StoredResponseView[]>(
        `SELECT r.id, r.version, r.language, r.received_at AS "receivedAt", r.answered_at AS "answeredAt", r.answers ${from}
         ORDER BY r.answered_at DESC, r.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, q.limit, (q.page - 1) * q.limit],
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params),
    ]);
    return pageOf(rows, total, q);
  }

  /** The filtered responses as a file, with the confidentiality notice on its first line. */
  async export(questionnaireId: string, q: ResponseExportQueryDto, user: AuthUser): Promise<ExportedFile> {
    const { from, params, questionnaire } = await this.filtered(questionnaireId, q);
    const [{ total }] = await this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params);
    if (total > EXPORT_MAX_RESPONSES) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'unprocessable',
        `${total} responses match: an export holds at most ${EXPORT_MAX_RESPONSES}; narrow the dates or filters`,
      );
    }
    const [rows, versions] = await Promise.all([
      this.db.query<StoredResponseView[]>(
        `SELECT r.id, r.version, r.language, r.received_at AS "receivedAt", r.answered_at AS "answeredAt", r.answers ${from}
         ORDER BY r.answered_at DESC, r.id DESC`,
        params,
      ),
      this.db.manager.find(QuestionnaireVersion, { where: { questionnaireId }, order: { version: 'DESC' } }),
    ]);
    const language = q.lang ?? 'fr';
    const file = await renderResponsesExport({ questionnaire, versions, responses: rows, format: q.format, language });
    const filters = Object.entries({
      from: q.from,
      to: q.to,
      version: q.version,
      language: q.language,
      questionId: q.questionId,
      answer: q.answer,
    })
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ');
    // Who took which raw responses out of the platform, for the record (the audit trail holds staff changes only).
    this.logger.log(
      `export of ${rows.length} raw responses of questionnaire ${questionnaireId} as ${q.format} by ${user.email} (${user.role}, ${user.id})` +
        (filters ? ` filtered by ${filters}` : ''),
    );
    return file;
  }

  /** The questionnaire, checked, and the responses its filters keep; 400 naming the field of a filter that cannot apply. */
  private async filtered(questionnaireId: string, q: ResponseFilterDto): Promise<Filtered> {
    const questionnaire = await findOr404(this.db.manager, Questionnaire, questionnaireId, 'Questionnaire');
    if (q.from && q.to && q.to < q.from) throw invalidField('to', 'must not be before from');
    if (q.answer !== undefined && !q.questionId) throw invalidField('answer', 'needs questionId: the question it answers');
    if (q.questionId) {
      const [{ asked }] = await this.db.query<{ asked: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM questionnaire_versions v, jsonb_array_elements(v.questions) question
                        WHERE v.questionnaire_id = $1 AND question->>'id' = $2) AS asked`,
        [questionnaireId, q.questionId],
      );
      if (!asked) throw invalidField('questionId', 'is not a question of this questionnaire');
    }

    const params: unknown[] = [questionnaireId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const stored: string[] = ['questionnaire_id = $1'];
    if (q.from || q.to) {
      const zone = param(await this.timeZone(questionnaire.planId));
      if (q.from) stored.push(`answered_at >= (${param(q.from)}::date::timestamp AT TIME ZONE ${zone})`);
      if (q.to) stored.push(`answered_at < ((${param(q.to)}::date + 1)::timestamp AT TIME ZONE ${zone})`);
    }
    if (q.version !== undefined) stored.push(`version = ${param(q.version)}`);
    if (q.language) stored.push(`language = ${param(q.language)}`);

    const answered: string[] = [];
    if (q.questionId) {
      const key = param(q.questionId);
      if (q.answer === undefined) {
        answered.push(`jsonb_typeof(r.answers -> ${key}) IS DISTINCT FROM 'null' AND r.answers ? ${key}`);
      } else {
        const value = param(q.answer);
        answered.push(
          `(r.answers ->> ${key} = ${value} OR (jsonb_typeof(r.answers -> ${key}) = 'array' AND (r.answers -> ${key}) ? ${value}))`,
        );
      }
    }
    const from = `FROM (SELECT id, version, language, received_at, answered_at,
                               response_answers_by_id(questionnaire_id, version, answers) AS answers
                        FROM responses WHERE ${stored.join(' AND ')}) r
                  ${answered.length ? `WHERE ${answered.join(' AND ')}` : ''}`;
    return { from, params, questionnaire };
  }

  private async timeZone(planId: string): Promise<string> {
    const [plan] = await this.db.query<{ time_zone: string }[]>('SELECT time_zone FROM plans WHERE id = $1', [planId]);
    return plan.time_zone;
  }
}
