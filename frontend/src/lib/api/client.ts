/**
 * The web app's typed API client: paths, parameters, bodies and answers come from the generated `paths`
 * (./schema.d.ts, written by `npm run openapi` from openapi.json), so a call that no longer matches the API fails
 * the typecheck instead of drifting. Bearer token, JSON, the API's error body turned into an ApiError, a network
 * failure into ApiError 'network_error' (lib/api-client.ts, shared with the file upload), and a 401 on an
 * authenticated call ends the session.
 */
import createClient, { type Client } from 'openapi-fetch';
import { apiErrorOf, fetchOrNetworkError, queryString } from '@/lib/api-client';
import { clearSessionToken, getSessionToken } from '@/lib/session-token';
import type { components, paths } from './schema';

/** The API's named shapes: `Schemas['PlanDto']`. */
export type Schemas = components['schemas'];

function clientFor(authenticated: boolean): Client<paths> {
  return createClient<paths>({
    querySerializer: queryString,
    // Read at call time, not at creation: the session token changes, and tests replace globalThis.fetch.
    fetch: async (request: Request): Promise<Response> => {
      request.headers.set('Accept', 'application/json');
      const token = authenticated ? getSessionToken() : null;
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      const response = await fetchOrNetworkError(request);
      if (response.status === 401 && token) clearSessionToken();
      return response;
    },
  });
}

/** Calls made with the session's bearer token: `call(api.GET('/api/plans/{id}', { params: { path: { id } } }))`. */
export const api = clientFor(true);

/** The few calls made before signing in. */
export const anonymousApi = clientFor(false);

type Answer = { data?: unknown; error?: unknown; response: Response };
/** The data of the success branch of openapi-fetch's answer (its error branch has no data). */
type SuccessData<R extends Answer> = Extract<R, { data: unknown }>['data'];

/**
 * The answer's data, or the ApiError it stands for. An empty success (204) is `undefined`, typed as the path
 * declares it.
 */
export async function call<R extends Answer>(pending: Promise<R>): Promise<SuccessData<R>> {
  const { data, error, response } = await pending;
  if (!response.ok) throw apiErrorOf(response, error);
  return data as SuccessData<R>;
}
