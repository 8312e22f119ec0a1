import { randomUUID } from 'node:crypto';
import { HttpException, HttpStatus, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AggregationQueueService } from '@backend/aggregation/aggregation-queue.service';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { ApiError, FieldError, notFound } from '@backend/common/errors';
import { QuestionnaireLookupService } from '@backend/questionnaires/questionnaire-lookup.service';
import type { AnswerValue } from '@backend/questionnaires/question.types';
import { renderQuestionnaire, RenderedQuestionnaire } from '@backend/questionnaires/render-questionnaire';
import { recordAudit } from '@backend/audit/audit.service';
import { message, messageLanguage } from './answer-messages';
import { keyReused, requireIdempotencyKey } from './idempotency-key';
import { parseResponseBody, primaryLanguage, responseHash } from './response-body';
import { ResponseWriter, StoredResponse, unavailable } from './response-writer';
import { encodeAnswers } from './answer-codes';
import { AnswerProblem, validateAnswers } from './validate-answers';
import { toStoredAnswers } from './answer-keys';

/** What a stored response's sender gets back, the first time and on every retry (API.md). */
export interface ResponseReceipt {
  id: string;
  receivedAt: string;
}

/** A field error of a response: the question it concerns, when it concerns one. */
export interface AnswerFieldError extends FieldError {
  questionId?: string;
}

export interface StoredResponseView {
  id: string;
  version: number;
  language: string;
  receivedAt: Date;
  answeredAt: Date;
  answers: Record<string, AnswerValue>;
}

const receipt = (s: StoredResponse): ResponseReceipt => ({ id: s.id, receivedAt: s.receivedAt.toISOString() });

/** Residents' responses: the public page and ingest, and the staff's reading of what was stored. */
@Injectable()
export class ResponsesService {
  private readonly logger = new Logger(ResponsesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lookup: QuestionnaireLookupService,
    private readonly writer: ResponseWriter,
    @Optional() private readonly aggregation?: AggregationQueueService,
  ) {}

  /**
   * The one hard deletion of history (README, « Nothing is erased »): an admin removes one resident's response, with a
   * reason. The change log's trigger records the month it leaves, and the indicators it fed are computed again.
   */
  async removeByAdmin(id: string, reason: string, user: AuthUser): Promise<void> {
    const questionnaireId = await this.db.transaction(async (em) => {
      const [row] = await em.query<{ questionnaire_id: string }[]>('SELECT questionnaire_id FROM responses WHERE id = $1 FOR UPDATE', [id]);
      if (!row) throw notFound('Response', id);
      await em.query('DELETE FROM responses WHERE id = $1', [id]);
      // Audited in this transaction, without the answers themselves (the trail stores no resident data).
      await recordAudit(em, {
        action: 'delete',
        entityType: 'response',
        entityId: id,
        actor: { id: user.id, email: user.email, role: user.role },
        changes: { questionnaireId: { from: row.questionnaire_id, to: null }, reason: { from: null, to: reason } },
      });
      return row.questionnaire_id;
    });
    this.logger.log(`response ${id} of questionnaire ${questionnaireId} deleted by ${user.id}`);
    await this.aggregation?.questionnaireChanged(questionnaireId);
  }

  async render(slug: string, lang?: string): Promise<RenderedQuestionnaire> {
    const { questionnaire, version } = await this.orUnavailable(this.lookup.openBySlug(slug));
    return renderQuestionnaire(questionnaire, version, lang);
  }

  /**
   * Validates a response against the version it answered and stores it once per Idempotency-Key. A retry with
   * the same key and body gets the first receipt; the same key with another body is a 422.
   */
  submit(slug: string, idempotencyKey: string | undefined, raw: unknown): Promise<ResponseReceipt> {
    return this.orUnavailable(this.submitOnce(slug, idempotencyKey, raw));
  }

  private async submitOnce(slug: string, idempotencyKey: string | undefined, raw: unknown): Promise<ResponseReceipt> {
    const key = requireIdempotencyKey(idempotencyKey);
    const open = await this.openOrReplay(slug, key, raw);
    if ('id' in open) return open;
    const { questionnaire, version: current } = open;

    const parsed = parseResponseBody(raw);
    // A bot filled the hidden field: it gets what a person would, and nothing is stored.
    if (parsed.kind === 'bot') return { id: randomUUID(), receivedAt: new Date().toISOString() };
    if (parsed.kind === 'invalid') throw this.invalid(parsed.problems, parsed.language, current);

    const { body } = parsed;
    const version =
      body.version === current.version
        ? current
        : body.version < current.version
          ? await this.lookup.version(questionnaire.id, body.version)
          : null;
    if (!version) throw this.invalid([{ field: 'version', key: 'version' }], primaryLanguage(body.language), current);

    const language = primaryLanguage(body.language);
    const { answers, problems } = validateAnswers(version.questions, body.answers);
    if (!version.languages.includes(language)) problems.unshift({ field: 'language', key: 'language' });
    if (problems.length > 0) throw this.invalid(problems, language, version, current.version);

    const bodyHash = responseHash(body);
    const stored = await this.writer.write({
      questionnaireId: questionnaire.id,
      version: version.version,
      language,
      idempotencyKey: key,
      bodyHash,
      answers: toStoredAnswers(answers, version.answerKeys),
      codes: encodeAnswers(version.questions, answers),
    });
    if (stored.bodyHash !== bodyHash) throw keyReused();
    return receipt(stored);
  }

  /**
   * The questionnaire residents answer now. When it has closed (or is gone) since a phone first sent its answers,
   * a retry of what was stored still gets its receipt: the phone may simply have missed the first reply.
   */
  private async openOrReplay(slug: string, idempotencyKey: string, raw: unknown) {
    try {
      return await this.lookup.openBySlug(slug);
    } catch (err) {
      if (!(err instanceof ApiError) || err.getStatus() !== HttpStatus.GONE) throw err;
      const [row] = await this.db.query<{ id: string; received_at: Date; body_hash: string }[]>(
        `SELECT r.id, r.received_at, encode(r.body_hash, 'hex') AS body_hash FROM responses r JOIN questionnaires q ON q.id = r.questionnaire_id
         WHERE q.slug = $1 AND r.idempotency_key = $2`,
        [slug, idempotencyKey],
      );
      const parsed = parseResponseBody(raw);
      if (!row || parsed.kind !== 'body') throw err;
      if (row.body_hash !== responseHash(parsed.body)) throw keyReused();
      return receipt({ id: row.id, receivedAt: row.received_at, bodyHash: row.body_hash });
    }
  }

  /**
   * A resident's phone keeps its answers and sends them again: when the database cannot be reached, a 503 (with
   * Retry-After, set by the controller) says so, rather than a 500.
   */
  private async orUnavailable<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (err) {
      if (err instanceof HttpException) throw err;
      this.logger.error(`Public questionnaire request failed: ${(err as Error).message}`);
      throw unavailable();
    }
  }

  /** A 400 with one error per question, in the resident's language when the catalogs have it. */
  private invalid(
    problems: AnswerProblem[],
    asked: string | undefined,
    version: { languages: string[]; defaultLanguage: string; version: number },
    current = version.version,
  ): ApiError {
    const lang = messageLanguage(asked && version.languages.includes(asked) ? asked : undefined, version.defaultLanguage);
    const params = { languages: version.languages.join(', '), current };
    const errors: AnswerFieldError[] = problems.map((p) => ({
      field: p.field,
      ...(p.questionId ? { questionId: p.questionId } : {}),
      message: message(lang, p.key, { ...params, ...p.params }),
    }));
    return new ApiError(HttpStatus.BAD_REQUEST, 'invalid_response', message(lang, 'summary'), errors);
  }
}
