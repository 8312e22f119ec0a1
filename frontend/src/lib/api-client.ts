import { clearSessionToken, getSessionToken } from '@/lib/session-token';

/** One field error, as the API reports validation failures. */
export interface ApiFieldError {
  field: string;
  message: string;
}

/** The API's error body: `{ statusCode, code, message, errors? }`. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: ApiFieldError[];
}

/** Every list endpoint answers `?page=&limit=` with this envelope. */
export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

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

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
  /** False for the few calls made before signing in. */
  authenticated?: boolean;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
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

/**
 * The one way the web app talks to the API. It adds the bearer token, parses JSON and turns every
 * failure into an ApiError. A 401 on an authenticated call means the session is over: the token is
 * cleared, and the auth guard sends the user to the sign-in page.
 */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal, authenticated = true } = options;
  const headers = new Headers({ ...options.headers, Accept: 'application/json' });
  const token = authenticated ? getSessionToken() : null;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (body !== undefined) headers.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ statusCode: 0, code: NETWORK_ERROR_CODE, message: '' });
  }

  return answerOf<T>(response, token);
}

/** The JSON of a successful answer, or the ApiError it stands for (a 401 ends the session). */
async function answerOf<T>(response: Response, token: string | null): Promise<T> {
  const payload = await readJson(response);
  if (response.ok) return payload as T;

  if (response.status === 401 && token) clearSessionToken();
  if (isErrorBody(payload)) throw new ApiError(payload);
  throw new ApiError({
    statusCode: response.status,
    code: 'http_error',
    message: response.statusText || `HTTP ${response.status}`,
  });
}

/**
 * Sends a file as the raw request body (not multipart), with the bearer token, and reads the JSON answer as
 * apiRequest does. `contentType` says what the bytes are; the server reads the bytes themselves in the end.
 */
export async function apiUpload<T>(
  path: string,
  file: Blob,
  options: { query?: Record<string, QueryValue>; contentType: string; signal?: AbortSignal },
): Promise<T> {
  const headers = new Headers({ Accept: 'application/json', 'Content-Type': options.contentType });
  const token = getSessionToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method: 'POST', headers, body: file, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ statusCode: 0, code: NETWORK_ERROR_CODE, message: '' });
  }
  return answerOf<T>(response, token);
}

/** A file the API serves behind authentication (a QR code…), as a Blob the page can show or offer. */
export async function apiBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  const token = getSessionToken();
  const response = await fetch(buildUrl(path), { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal });
  if (!response.ok) throw new ApiError({ statusCode: response.status, code: 'http_error', message: response.statusText || `HTTP ${response.status}` });
  return response.blob();
}
