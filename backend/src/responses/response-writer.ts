import { BeforeApplicationShutdown, HttpStatus, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AggregationQueueService } from '@backend/aggregation/aggregation-queue.service';
import { ApiError } from '@backend/common/errors';
import type { AnswerValue } from '@backend/questionnaires/question.types';

/** A validated response, ready to be stored. */
export interface ResponseRow {
  questionnaireId: string;
  version: number;
  language: string;
  idempotencyKey: string;
  /** Hex SHA-256 of the canonical body (stored as its 32 bytes). */
  bodyHash: string;
  /** By the version's answer keys (toStoredAnswers). */
  answers: Record<string, AnswerValue>;
  /** encodeAnswers of the answers against the version (null: not coded). */
  codes: Buffer | null;
}

/** The committed row that holds a key: the one just written, or the one an earlier send wrote. */
export interface StoredResponse {
  id: string;
  receivedAt: Date;
  bodyHash: string;
}

export interface WriterOptions {
  /** Rows per INSERT at most. */
  maxBatch: number;
  /** How long the first row of a batch waits for company when the writer is idle. */
  maxWaitMs: number;
  /** Batches written at the same time: while one commits, the next fills up. */
  maxInFlight: number;
  /** Rows waiting beyond this are refused at once (503) rather than queued while the database is slow. */
  maxPending: number;
}

export const WRITER_OPTIONS = Symbol('ResponseWriterOptions');
export const DEFAULT_WRITER_OPTIONS: WriterOptions = { maxBatch: 500, maxWaitMs: 2, maxInFlight: 2, maxPending: 20_000 };

interface Waiter {
  row: ResponseRow;
  resolve: (stored: StoredResponse) => void;
  reject: (err: Error) => void;
}

interface StoredRow {
  id: string;
  questionnaire_id: string;
  idempotency_key: string;
  received_at: Date;
  body_hash: string;
}

// One statement, so one implicit transaction: node-postgres settles a query on ReadyForQuery, which the server
// sends only after the commit (and its WAL flush) is done. Rows whose key is already taken are skipped here and
// looked up afterwards, so two sends of one key store one row even when they race in different batches.
const INSERT = `
  INSERT INTO responses (questionnaire_id, version, language, idempotency_key, body_hash, answers, codes, answered_month)
  SELECT r.questionnaire_id, version, language, idempotency_key, decode(body_hash, 'hex'), answers, codes,
         date_trunc('month', now() AT TIME ZONE coalesce(p.time_zone, 'UTC'))::date
  FROM jsonb_to_recordset($1::jsonb) AS r(questionnaire_id uuid, version int, language text,
    idempotency_key uuid, body_hash text, answers jsonb, codes bytea)
  -- The month is the plan's (answered_at is now(), the transaction's start). A questionnaire deleted meanwhile
  -- leaves no zone: the row still goes to the INSERT and fails on its foreign key, as a row error.
  LEFT JOIN questionnaires q ON q.id = r.questionnaire_id LEFT JOIN plans p ON p.id = q.plan_id
  ON CONFLICT (questionnaire_id, idempotency_key) DO NOTHING
  RETURNING id, questionnaire_id, idempotency_key, received_at, encode(body_hash, 'hex') AS body_hash`;

const LOOKUP = `
  SELECT r.id, r.questionnaire_id, r.idempotency_key, r.received_at, encode(r.body_hash, 'hex') AS body_hash
  FROM responses r
  JOIN unnest($1::uuid[], $2::uuid[]) AS k(questionnaire_id, idempotency_key)
    ON r.questionnaire_id = k.questionnaire_id AND r.idempotency_key = k.idempotency_key`;

const keyOf = (questionnaireId: string, idempotencyKey: string) => `${questionnaireId}:${idempotencyKey.toLowerCase()}`;

/** When a phone told 503 should send again. */
export const RETRY_AFTER_SECONDS = 5;

export function unavailable(): ApiError {
  return new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'unavailable',
    'Your answers could not be saved just now. Please send them again in a few seconds.',
  );
}

/** Errors that one row can cause (a questionnaire deleted meanwhile…): worth finding that row, not failing the others. */
function isRowError(err: unknown): boolean {
  const code = (err as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (err as { code?: string })?.code;
  return typeof code === 'string' && (code.startsWith('23') || code.startsWith('22'));
}

/**
 * Group commit: requests hand over their validated row and wait; a flusher writes whatever is pending in one
 * multi-row INSERT and settles each request only once that INSERT is committed. A database failure fails the
 * requests of its batch (503), never others; on shutdown everything pending is written first.
 */
@Injectable()
export class ResponseWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ResponseWriter.name);
  private readonly options: WriterOptions;
  private pending: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private readonly batches = new Set<Promise<void>>();
  private closing = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(WRITER_OPTIONS) options?: Partial<WriterOptions>,
    @Optional() private readonly aggregation?: AggregationQueueService,
  ) {
    this.options = { ...DEFAULT_WRITER_OPTIONS, ...options };
  }

  /** Stores the row unless its key is taken; resolves with the committed row that holds the key. */
  write(row: ResponseRow): Promise<StoredResponse> {
    if (this.pending.length >= this.options.maxPending) return Promise.reject(unavailable());
    return new Promise<StoredResponse>((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (this.closing || this.pending.length >= this.options.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  /** Writes everything pending and waits for it; rows that arrive later are written at once. */
  async drain(): Promise<void> {
    this.closing = true;
    this.flush();
    while (this.batches.size > 0) {
      await Promise.allSettled([...this.batches]);
      this.flush();
    }
  }

  private flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.pending.length > 0 && this.inFlight < this.options.maxInFlight) {
      const batch = this.pending.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      const done: Promise<void> = this.writeBatch(batch).finally(() => {
        this.inFlight -= 1;
        this.batches.delete(done);
        // What arrived meanwhile has waited already: write it now rather than after another delay.
        if (this.pending.length > 0) this.flush();
      });
      this.batches.add(done);
    }
  }

  private async writeBatch(batch: Waiter[]): Promise<void> {
    // Two sends of one key in one batch become one row; both get it.
    const byKey = new Map<string, Waiter[]>();
    for (const w of batch) {
      const k = keyOf(w.row.questionnaireId, w.row.idempotencyKey);
      const same = byKey.get(k);
      if (same) same.push(w);
      else byKey.set(k, [w]);
    }
    let stored: Map<string, StoredResponse>;
    try {
      stored = await this.store([...byKey.values()].map((ws) => ws[0].row));
    } catch (err) {
      this.logger.error(`Could not store ${batch.length} responses: ${(err as Error).message}`);
      for (const w of batch) w.reject(unavailable());
      return;
    }
    // Committed: the indicators fed by these questionnaires are due a recompute (throttled per questionnaire).
    for (const questionnaireId of new Set(batch.map((w) => w.row.questionnaireId)))
      this.aggregation?.questionnaireChangedSoon(questionnaireId);
    for (const [k, waiters] of byKey) {
      const s = stored.get(k);
      for (const w of waiters) {
        if (s) w.resolve(s);
        else w.reject(unavailable());
      }
    }
  }

  /** Inserts the rows and finds the committed rows of the keys that were taken already. */
  private async store(rows: ResponseRow[]): Promise<Map<string, StoredResponse>> {
    const out = new Map<string, StoredResponse>();
    for (const r of await this.insert(rows)) out.set(keyOf(r.questionnaire_id, r.idempotency_key), toStored(r));
    const taken = rows.filter((r) => !out.has(keyOf(r.questionnaireId, r.idempotencyKey)));
    if (taken.length > 0) {
      const found = await this.db.query<StoredRow[]>(LOOKUP, [taken.map((r) => r.questionnaireId), taken.map((r) => r.idempotencyKey)]);
      for (const r of found) out.set(keyOf(r.questionnaire_id, r.idempotency_key), toStored(r));
    }
    return out;
  }

  /** One INSERT for all; if a row breaks it, halves until that row is alone (and left out: its request gets a 503). */
  private async insert(rows: ResponseRow[]): Promise<StoredRow[]> {
    try {
      return await this.db.query<StoredRow[]>(INSERT, [JSON.stringify(rows.map(toRecord))]);
    } catch (err) {
      if (!isRowError(err)) throw err;
      if (rows.length === 1) {
        this.logger.warn(`A response could not be stored: ${(err as Error).message}`);
        return [];
      }
      const half = Math.ceil(rows.length / 2);
      return [...(await this.insert(rows.slice(0, half))), ...(await this.insert(rows.slice(half)))];
    }
  }
}

function toRecord(r: ResponseRow) {
  return {
    questionnaire_id: r.questionnaireId,
    version: r.version,
    language: r.language,
    // bytea's text form, which jsonb_to_recordset reads.
    idempotency_key: r.idempotencyKey,
    body_hash: r.bodyHash,
    answers: r.answers,
    codes: r.codes && `\\x${r.codes.toString('hex')}`,
  };
}

function toStored(r: StoredRow): StoredResponse {
  return { id: r.id, receivedAt: r.received_at, bodyHash: r.body_hash };
}
