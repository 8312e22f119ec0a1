import rateLimit from '@fastify/rate-limit';
import { HttpStatus } from '@nestjs/common';
import { NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import { ApiError } from '@backend/common/errors';

/** A resident's response is a few KB; anything near this is not one. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

interface PublicRouteConfig {
  rateLimit: Record<string, never>;
  /** Picked up by the onRoute hook below: Nest passes only `config` through to Fastify. */
  bodyLimit?: number;
}

/**
 * A route residents reach without an account: limited per client (PUBLIC_RATE_LIMIT per minute, the limit
 * registered below) and, when given, with a body limit of its own.
 */
export const PublicRoute = (options: { bodyLimit?: number } = {}) =>
  RouteConfig({ rateLimit: {}, ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}) } satisfies PublicRouteConfig);

/**
 * Registers the per-client limit of the public routes, counted in memory (it keeps working when Redis is
 * down), keyed by the client's address; `perMinute` 0 turns it off (benchmarks). Must run before the routes
 * are registered, i.e. before `app.init()`.
 */
export async function registerPublicRoutes(app: NestFastifyApplication, perMinute: number): Promise<void> {
  app.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
    const limit = (route.config as Partial<PublicRouteConfig> | undefined)?.bodyLimit;
    if (typeof limit === 'number') route.bodyLimit = limit;
  });
  if (perMinute <= 0) return;
  await app.register(rateLimit, {
    global: false,
    max: perMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) => new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'too_many_requests',
      `Too many requests from this address: at most ${ctx.max} a minute. Try again in ${ctx.after}.`),
  });
}
