import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The headers helmet sets, worked out once: with this policy (no nonces, nothing taken from the request) they are
 * the same on every response, and running helmet's fifteen middlewares on each request cost about 40 µs of the
 * residents' ingest (bench:ingest); copying a frozen list costs a few.
 */
export interface SecurityHeaders {
  set: [string, string | number | readonly string[]][];
  removed: string[];
}

/**
 * `publicUrl` (PUBLIC_URL) says how browsers reach the deployment. Over https, browsers are told to stay there (HSTS)
 * and to fetch every sub-resource over https (upgrade-insecure-requests). Over http — a community centre's server
 * at http://serveur.local:3000 — those two would make the browser ask for /assets/* over https, which nothing
 * answers: a blank page for staff and residents alike. So they are sent only when the public URL is https.
 */
export function securityHeaders(publicUrl: string): SecurityHeaders {
  const https = new URL(publicUrl).protocol === 'https:';
  const middleware = helmet({
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        // Swagger UI styles itself inline; the web app does not need it.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // QR codes are fetched with the bearer token and shown from blob: URLs.
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  const set: [string, string | number | readonly string[]][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
  } as unknown as ServerResponse;
  let synchronous = false;
  middleware({ headers: {} } as IncomingMessage, recorder, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error(String(err));
    synchronous = true;
  });
  // Should a later helmet compute headers per request or asynchronously, fail at start-up rather than send none.
  if (!synchronous || set.length === 0) throw new Error('helmet did not produce its headers synchronously');
  return { set, removed };
}

/** Security headers on every response Fastify sends. */
export function registerSecurityHeaders(fastify: FastifyInstance, { set, removed }: SecurityHeaders): void {
  fastify.addHook('onRequest', (_request, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    done();
  });
}
