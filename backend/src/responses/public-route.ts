import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, onRequestHookHandler } from 'fastify';
import { ClientRateLimit } from '@backend/common/client-rate-limit';
import type { ErrorBody } from '@backend/common/errors';

/** A resident's response is a few KB; anything near this is not one. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

/** The public endpoints, each with its own per-client count: reading a questionnaire does not use up sending one. */
export type PublicEndpoint = 'read' | 'submit';

interface PublicRouteConfig {
  publicEndpoint: PublicEndpoint;
  /** Picked up by the onRoute hook below: Nest passes only `config` through to Fastify. */
  bodyLimit?: number;
}

/**
 * A route residents reach without an account: limited per client (PUBLIC_RATE_LIMIT per minute) and, when
 * given, with a body limit of its own.
 */
export const PublicRoute = (endpoint: PublicEndpoint, options: { bodyLimit?: number } = {}) =>
  RouteConfig({ publicEndpoint: endpoint, ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}) } satisfies PublicRouteConfig);

export type PublicLimits = Record<PublicEndpoint, ClientRateLimit> | null;

/** The 429 a client over its limit gets, with when to try again. */
export function tooManyRequests(limit: ClientRateLimit, retryAfterSeconds: number): ErrorBody {
  return { statusCode: 429, code: 'too_many_requests', message: limit.message(retryAfterSeconds) };
}

/** The 429's body when the client is over its limit (with Retry-After set), else null (with the X-RateLimit headers set). */
export function refuseOverLimit(limit: ClientRateLimit, client: string, setHeader: (name: string, value: string) => void): ErrorBody | null {
  const decision = limit.take(client);
  if (decision.allowed) {
    setHeader('X-RateLimit-Limit', String(limit.perMinute));
    setHeader('X-RateLimit-Remaining', String(decision.remaining));
    setHeader('X-RateLimit-Reset', String(decision.resetSeconds));
    return null;
  }
  setHeader('Retry-After', String(decision.retryAfterSeconds));
  return tooManyRequests(limit, decision.retryAfterSeconds);
}

/**
 * Applies the per-client limits (`perMinute` 0 turns them off: benchmarks) and the body limits of the public
 * routes, keyed by the client's address. Must run before the routes are registered, i.e. before `app.init()`.
 * Returns the limits, which the direct ingest route shares.
 */
export function registerPublicRoutes(fastify: FastifyInstance, perMinute: number): PublicLimits {
  const limits = perMinute > 0 ? { read: new ClientRateLimit(perMinute), submit: new ClientRateLimit(perMinute) } : null;
  fastify.addHook('onRoute', (route) => {
    const config = route.config as Partial<PublicRouteConfig> | undefined;
    if (typeof config?.bodyLimit === 'number') route.bodyLimit = config.bodyLimit;
    if (!limits || !config?.publicEndpoint) return;
    const limit = limits[config.publicEndpoint];
    const hook: onRequestHookHandler = (request, reply: FastifyReply, done) => {
      const refused = refuseOverLimit(limit, request.ip, (name, value) => void reply.header(name, value));
      if (refused) void reply.code(429).send(refused);
      else done();
    };
    route.onRequest = [...(Array.isArray(route.onRequest) ? route.onRequest : route.onRequest ? [route.onRequest] : []), hook];
  });
  return limits;
}
