import type { components } from '@/lib/api/schema';
import { clearSessionToken, getSessionToken } from '@/lib/session-token';

// The API's calls go through the typed client (lib/api/client.ts, openapi-fetch over the generated schema). This
// file holds what it shares with the two calls that are not JSON: a file sent as the raw body (apiUpload) and a
// file read back (apiBlob).

/** One field error, as the API reports validation failures. */
export type ApiFieldError = components['schemas']['FieldError'];

/** The API's error body: `{ statusCode, code, message, errors? }`. */
export type ApiErrorBody = components['schemas']['ErrorBody'];

/**
 * An error the API answered with, or a network failure (statusCode 0, code 'network_error').
 * `message` is the API's own human message, shown to the user as is.
 */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly errors: ApiFieldError[];

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.errors = body.errors ?? [];
  }
}

export const NETWORK_ERROR_CODE = 'network_error';

type QueryValue = string | number | boolean | null | undefined;

/** A query string: a value left out, null or '' is not sent (an empty search box is no filter). */
export function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value as QueryValue));
  }
  return params.toString();
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const search = queryString(query ?? {});
  return `/api${path}${search ? `?${search}` : ''}`;
}

/** fetch, with a network failure (not a cancelled request) as ApiError 'network_error'. */
export async function fetchOrNetworkError(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  try {
    return await globalThis.fetch(input, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ statusCode: 0, code: NETWORK_ERROR_CODE, message: '' });
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.message === 'string' && typeof candidate.statusCode === 'number';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The JSON of a successful answer, or the ApiError it stands for (a 401 ends the session). */
async function answerOf<T>(response: Response, token: string | null): Promise<T> {
  const payload = await readJson(response);
  if (response.ok) return payload as T;

  if (response.status === 401 && token) clearSessionToken();
  throw apiErrorOf(response, payload);
}

/** The ApiError a failed answer stands for: the API's own error body, or its bare HTTP status. */
export function apiErrorOf(response: Response, payload: unknown): ApiError {
  if (isErrorBody(payload)) return new ApiError(payload);
  return new ApiError({
    statusCode: response.status,
    code: 'http_error',
    message: response.statusText || `HTTP ${response.status}`,
  });
}

/**
 * Sends a file as the raw request body (not multipart), with the bearer token, and reads the JSON answer as
 * the typed client does. `contentType` says what the bytes are; the server reads the bytes themselves in the end.
 */
export async function apiUpload<T>(
  path: string,
  file: Blob,
  options: { query?: Record<string, QueryValue>; contentType: string; signal?: AbortSignal },
): Promise<T> {
  const headers = new Headers({ Accept: 'application/json', 'Content-Type': options.contentType });
  const token = getSessionToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetchOrNetworkError(buildUrl(path, options.query), {
    method: 'POST',
    headers,
    body: file,
    signal: options.signal,
  });
  return answerOf<T>(response, token);
}

/** A file the API serves behind authentication (a QR code…), as a Blob the page can show or offer. */
export async function apiBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  const token = getSessionToken();
  // As the JSON calls: a network failure is 'network_error', and the API's error body (a 401, a 404) is read, so that
  // the page says what went wrong in the user's language and an ended session ends here too.
  const response = await fetchOrNetworkError(buildUrl(path), { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal });
  if (response.ok) return response.blob();
  const payload = await readJson(response);
  if (response.status === 401 && token) clearSessionToken();
  throw apiErrorOf(response, payload);
}
