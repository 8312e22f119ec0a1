// The two public endpoints of API.md the resident's page uses. Plain fetch: this page ships without the
// staff app's client (openapi-fetch), router and query cache to stay small on a cheap phone. The shapes are
// openapi.json's (lib/api/schema.d.ts, generated): types only, they add nothing to the page's bytes.
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

export type PublicChoice = Schemas['RenderedChoice'];
export type PublicQuestion = Schemas['RenderedQuestion'];
export type PublicQuestionnaire = Schemas['RenderedQuestionnaire'];
/** `website` is the honeypot: a person never fills it. */
export type ResponseBody = Schemas['SubmittedResponse'];
export type StoredResponse = Schemas['ResponseReceipt'];

/** What the API says about a failure; `questionId` names the question an answer error belongs to. */
export type PublicErrorBody = Omit<Schemas['ErrorBody'], 'errors'> & { errors?: Schemas['AnswerFieldError'][] };

/** An HTTP answer other than 2xx, or a network failure (status 0). */
export class PublicApiError extends Error {
  readonly status: number;
  readonly body: PublicErrorBody | null;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: PublicErrorBody | null, retryAfterSeconds: number | null = null) {
    super(body?.message ?? (status === 0 ? 'network error' : `HTTP ${status}`));
    this.name = 'PublicApiError';
    this.status = status;
    this.body = body;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const REQUEST_TIMEOUT_MS = 20_000;

async function readBody(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

function asErrorBody(value: unknown, status: number): PublicErrorBody | null {
  if (typeof value !== 'object' || value === null) return null;
  const body = value as Partial<PublicErrorBody>;
  return {
    statusCode: typeof body.statusCode === 'number' ? body.statusCode : status,
    code: typeof body.code === 'string' ? body.code : 'error',
    message: typeof body.message === 'string' ? body.message : '',
    errors: Array.isArray(body.errors) ? body.errors : [],
  };
}

function retryAfter(response: Response): number | null {
  const value = Number(response.headers.get('Retry-After'));
  return Number.isFinite(value) && value > 0 ? value : null;
}

async function request<T>(url: string, init: RequestInit, signal?: AbortSignal): Promise<T> {
  // A weak connection can hang rather than fail: give up after a while so the caller can try again.
  const timeout = new AbortController();
  const timer = window.setTimeout(() => timeout.abort(), REQUEST_TIMEOUT_MS);
  const onAbort = (): void => timeout.abort();
  signal?.addEventListener('abort', onAbort);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: timeout.signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new PublicApiError(0, null);
  } finally {
    window.clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  const payload = await readBody(response);
  if (response.ok) return payload as T;
  throw new PublicApiError(response.status, asErrorBody(payload, response.status), retryAfter(response));
}

export function fetchQuestionnaire(slug: string, language: string | null, signal?: AbortSignal) {
  const query = language ? `?lang=${encodeURIComponent(language)}` : '';
  return request<PublicQuestionnaire>(
    `/api/public/questionnaires/${encodeURIComponent(slug)}${query}`,
    { headers: { Accept: 'application/json' } },
    signal,
  );
}

export function postResponse(slug: string, idempotencyKey: string, body: ResponseBody, signal?: AbortSignal) {
  return request<StoredResponse>(
    `/api/public/questionnaires/${encodeURIComponent(slug)}/responses`,
    {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
      // Lets the request finish even if the resident closes the tab right after tapping « Send ».
      keepalive: true,
    },
    signal,
  );
}
