import type { ResponseBody } from '@/resident/api/public-api';
import type { DraftAnswers } from '@/resident/lib/answers';

export { newIdempotencyKey } from '@/lib/idempotency-key';

// Everything the resident typed lives on the phone until the server has it: a reload, a closed tab or a
// tunnel loses nothing. One draft and at most one pending submission per questionnaire.

export interface Draft {
  answers: DraftAnswers;
  /** The question on screen, so a reload comes back to it; null before « Start ». */
  current: string | null;
  /** The language the resident chose, when they chose one. */
  language: string | null;
}

/** A submission waiting for the server's acknowledgement: the same key and body go out until it comes. */
export interface PendingSubmission {
  idempotencyKey: string;
  body: ResponseBody;
  createdAt: string;
}

const memory = new Map<string, string>();

function read(key: string): unknown {
  let text: string | null | undefined;
  try {
    text = window.localStorage.getItem(key);
  } catch {
    text = memory.get(key);
  }
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  const text = JSON.stringify(value);
  memory.set(key, text);
  try {
    window.localStorage.setItem(key, text);
  } catch {
    // Private mode or a full storage: kept in memory for this visit.
  }
}

function remove(key: string): void {
  memory.delete(key);
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
}

const draftKey = (slug: string): string => `repere.q.${slug}.draft`;
const pendingKey = (slug: string): string => `repere.q.${slug}.pending`;
const outboxKey = (slug: string): string => `repere.q.${slug}.outbox`;

function isPending(value: unknown): value is PendingSubmission {
  const candidate = value as Partial<PendingSubmission> | null;
  return !!candidate && typeof candidate.idempotencyKey === 'string' && typeof candidate.body === 'object' && !!candidate.body;
}

export function loadDraft(slug: string): Draft {
  const value = read(draftKey(slug)) as Partial<Draft> | null;
  return {
    answers: value && typeof value.answers === 'object' && value.answers !== null ? value.answers : {},
    current: typeof value?.current === 'string' ? value.current : null,
    language: typeof value?.language === 'string' ? value.language : null,
  };
}

export function saveDraft(slug: string, draft: Draft): void {
  write(draftKey(slug), draft);
}

export function loadPending(slug: string): PendingSubmission | null {
  const value = read(pendingKey(slug));
  return isPending(value) ? value : null;
}

export function savePending(slug: string, pending: PendingSubmission): void {
  write(pendingKey(slug), pending);
}

export function clearPending(slug: string): void {
  remove(pendingKey(slug));
}

/** After the server acknowledged the response: nothing of it stays on the phone. */
export function clearAll(slug: string): void {
  remove(pendingKey(slug));
  remove(draftKey(slug));
}

/** The draft alone: a kiosk's next resident starts blank (a pending submission is not the draft, and stays). */
export function clearDraft(slug: string): void {
  remove(draftKey(slug));
}

// A kiosk's outbox: responses sent while the tablet was offline, handed over when the next resident starts. Each stays
// until the server acknowledges it (same key, same body), then goes: nothing of a sent response is left.

export function loadOutbox(slug: string): PendingSubmission[] {
  const value = read(outboxKey(slug));
  return Array.isArray(value) ? value.filter(isPending) : [];
}

function saveOutbox(slug: string, outbox: PendingSubmission[]): void {
  if (outbox.length === 0) remove(outboxKey(slug));
  else write(outboxKey(slug), outbox);
}

/** Moves the pending submission to the outbox, in one write before the pending key goes: it is never in neither. */
export function moveToOutbox(slug: string, pending: PendingSubmission): PendingSubmission[] {
  const outbox = [...loadOutbox(slug).filter((item) => item.idempotencyKey !== pending.idempotencyKey), pending];
  saveOutbox(slug, outbox);
  remove(pendingKey(slug));
  return outbox;
}

/** Takes a submission out of the outbox once the server has it (or refused it for good). */
export function removeFromOutbox(slug: string, idempotencyKey: string): PendingSubmission[] {
  const outbox = loadOutbox(slug).filter((item) => item.idempotencyKey !== idempotencyKey);
  saveOutbox(slug, outbox);
  return outbox;
}
