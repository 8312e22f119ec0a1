import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { TrustProxy } from '@backend/config/env.validation';

/** Whether the hop at `address`, `i` hops from the server, may name the client; null: no proxy is trusted. */
export type TrustFunction = ((address: string, i: number) => boolean) | null;

/**
 * TRUST_PROXY as one function, given both to Fastify (request.ip) and to the direct ingest route, so that the
 * rate limits of every route see the same client. Off: the socket's address, whatever X-Forwarded-For says (a
 * client that rotates the header would otherwise get a fresh count on each request).
 */
export function trustFunction(setting: TrustProxy): TrustFunction {
  if (setting === false) return null;
  if (typeof setting === 'number') return (_address, i) => i < setting;
  return proxyAddr.compile(setting);
}

/** The client of a raw request, as Fastify's request.ip gives it under the same trust. */
export function clientAddress(req: IncomingMessage, trust: TrustFunction): string {
  if (!trust) return req.socket.remoteAddress ?? '';
  return proxyAddr(req, trust);
}
