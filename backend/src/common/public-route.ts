import rateLimit from '@fastify/rate-limit';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import type { ErrorBody } from './errors';

/**
 * The routes reached without an account, each with its own per-client count: reading a questionnaire does not use
 * up sending one, and neither uses up signing in.
 */
export type PublicEndpoint = 'read' | 'submit' | 'login';

interface PublicRouteConfig {
  publicEndpoint: PublicEndpoint;
  /** Picked up by the onRoute hook below: Nest passes only `config` through to Fastify. */
  bodyLimit?: number;
}

/** A route reached without an account: limited per client and, when given, with a body limit of its own. */
export const PublicRoute = (endpoint: PublicEndpoint, options: { bodyLimit?: number } = {}) =>
  RouteConfig({ publicEndpoint: endpoint, ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}) } satisfies PublicRouteConfig);

export interface PublicLimitSettings {
  /** Per client and minute on the residents' routes (PUBLIC_RATE_LIMIT); 0: no limit (benchmarks). */
  publicPerMinute: number;
  /** Per client and minute on the sign-in (LOGIN_RATE_LIMIT); 0: no limit. */
  loginPerMinute: number;
  /**
   * Where the counts live: Redis, so that a client meets one limit whichever API process its requests reach
   * (a count per process let a scaled-out API take N times the limit). Its commands must fail rather than wait
   * while Redis is away (enableOfflineQueue: false): the limit is then skipped, and residents' answers still go in.
   */
  redis: Redis;
  /** Keeps the counts of separate deployments (and test runs) apart in one Redis. */
  keyPrefix: string;
}

/** One more request from `client` on the direct ingest route: null if allowed, else the 429 to send. */
export type SubmitLimit = (client: string, setHeader: (name: string, value: string) => void) => Promise<ErrorBody | null>;

const WINDOW_MS = 60_000;

const overLimitMessage = (endpoint: PublicEndpoint, perMinute: number, retryAfterSeconds: number): string =>
  `Too many ${endpoint === 'login' ? 'sign-in attempts' : 'requests'} from this address: at most ${perMinute} a minute. ` +
  `Try again in ${retryAfterSeconds} seconds.`;

/** The 429 a client over its limit gets: the API's error body, thrown for Fastify's error handler. */
class TooManyRequests extends Error implements ErrorBody {
  readonly statusCode = 429;
  readonly code = 'too_many_requests';
  constructor(message: string) {
    super(message);
  }

  toJSON(): ErrorBody {
    return { statusCode: this.statusCode, code: this.code, message: this.message };
  }
}

/**
 * The per-client limits (@fastify/rate-limit, counts in Redis) and the body limits of the public routes, keyed by
 * the client's address as TRUST_PROXY lets Fastify see it (request.ip). Must run before the routes are registered,
 * i.e. before `app.init()`. Returns the limit of the residents' response route for the direct ingest, which is
 * served ahead of Fastify (responses/direct-ingest.ts) but counts in the same place.
 */
export async function registerPublicRoutes(fastify: FastifyInstance, settings: PublicLimitSettings): Promise<SubmitLimit | null> {
  const perMinute = (endpoint: PublicEndpoint) => (endpoint === 'login' ? settings.loginPerMinute : settings.publicPerMinute);
  fastify.addHook('onRoute', (route) => {
    const config = route.config as Partial<PublicRouteConfig> | undefined;
    if (typeof config?.bodyLimit === 'number') route.bodyLimit = config.bodyLimit;
    const endpoint = config?.publicEndpoint;
    // Read by the plugin's own onRoute hook, registered after this one.
    if (endpoint && perMinute(endpoint) > 0) route.config = { ...config, rateLimit: { max: perMinute(endpoint) } };
  });
  await fastify.register(rateLimit, {
    global: false,
    timeWindow: WINDOW_MS,
    redis: settings.redis,
    nameSpace: `${settings.keyPrefix}:rate-limit:`,
    skipOnError: true,
    errorResponseBuilder: (request: FastifyRequest, context) => {
      const endpoint = (request.routeOptions.config as Partial<PublicRouteConfig>).publicEndpoint ?? 'read';
      return new TooManyRequests(overLimitMessage(endpoint, context.max, Math.ceil(context.ttl / 1000)));
    },
  });
  if (settings.publicPerMinute === 0) return null;
  const limit = fastify.createRateLimit({ max: settings.publicPerMinute });
  return async (client, setHeader) => {
    // The plugin's limiter wants a request; the direct route has a raw one, so it gets what the limiter reads.
    const decision = await limit({ ip: client, routeOptions: { config: {} } } as unknown as FastifyRequest);
    if (decision.isAllowed) return null;
    const resetSeconds = String(decision.ttlInSeconds);
    setHeader('X-RateLimit-Limit', String(decision.max));
    setHeader('X-RateLimit-Remaining', String(decision.remaining));
    setHeader('X-RateLimit-Reset', resetSeconds);
    if (!decision.isExceeded) return null;
    setHeader('Retry-After', resetSeconds);
    return new TooManyRequests(overLimitMessage('submit', decision.max, decision.ttlInSeconds)).toJSON();
  };
}
