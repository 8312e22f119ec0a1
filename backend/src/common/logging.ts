import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { destination as pinoDestination, type DestinationStream, type Level, type LogFn, type LoggerOptions } from 'pino';
import type { Options as HttpOptions } from 'pino-http';
import pretty from 'pino-pretty';

/**
 * Nest's start-up wiring: a line per module (InstanceLoader) and per controller and route (RoutesResolver,
 * RouterExplorer), some 150 in all. Useful when a route seems missing (LOG_LEVEL=debug), noise at every start.
 */
const WIRING_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** The level a Nest log line is written at: the start-up wiring goes down to debug, everything else stays. */
export function levelFor(context: unknown, level: Level): Level {
  return level === 'info' && typeof context === 'string' && WIRING_CONTEXTS.has(context) ? 'debug' : level;
}

/**
 * Requests not worth a line at info: the health check (Docker and the proxy call it every few seconds) and the web
 * app's own files (a page load fetches a dozen). Failures are logged all the same.
 */
export function isQuietRequest(url: string | undefined): boolean {
  const path = (url ?? '/').split('?', 1)[0];
  return path === '/api/health' || !(path === '/api' || path.startsWith('/api/'));
}

/** One request's line: errors (5xx, or the response failed) at error, quiet ones at debug, the rest at info. */
export function requestLevel(url: string | undefined, status: number, failed: boolean): Level {
  if (failed || status >= 500) return 'error';
  return isQuietRequest(url) ? 'debug' : 'info';
}

type Req = IncomingMessage & { originalUrl?: string; id?: unknown };

const urlOf = (req: Req): string => req.originalUrl ?? req.url ?? '';

/** « GET /api/plans 200 12ms »: what a person reads; JSON keeps the same fields structured beside it. */
export function requestLine(req: Req, res: ServerResponse, responseTime: number): string {
  return `${req.method} ${urlOf(req)} ${res.statusCode} ${Math.round(responseTime)}ms`;
}

const PINO_LEVELS: Record<number, Level> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** nestjs-pino's settings for both processes (core.module.ts); stdout unless given a stream (tests). */
export function loggerParams(settings: { logLevel: string; logFormat: 'pretty' | 'json' }, destination?: NodeJS.WritableStream): Params {
  const options: HttpOptions = {
    level: settings.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
    // Residents answer anonymously: no address or user agent in the logs either.
    serializers: {
      req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url }),
      // The status only: the response headers (the same dozen security headers each time, cookies) add nothing.
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req, res, err) => requestLevel(urlOf(req as Req), res.statusCode, Boolean(err)),
    customSuccessMessage: (req, res, responseTime) => requestLine(req as Req, res, responseTime),
    // A 5xx without an exception gets pino-http's own « failed with status code » error, whose stack is pino-http's:
    // dropped (exceptions are logged with their stack by AllExceptionsFilter).
    customErrorObject: (_req, res, err: Error, fields: Record<string, unknown>) => {
      if (err.message !== `failed with status code ${res.statusCode}`) return fields;
      const { err: _synthetic, ...rest } = fields;
      return rest;
    },
    // pino-http passes the response time here too (its types leave it out).
    customErrorMessage: ((req: Req, res: ServerResponse, _err: Error, responseTime: number) =>
      requestLine(req, res, responseTime)) as unknown as HttpOptions['customErrorMessage'],
    hooks: {
      // Nest's logger puts { context } first: its wiring lines are written at debug instead (so, unless LOG_LEVEL=debug,
      // not at all). Re-entering at debug asks levelFor again, which leaves debug alone.
      logMethod(args, method, level) {
        const first: unknown = args[0];
        const context = typeof first === 'object' && first !== null ? (first as { context?: unknown }).context : undefined;
        const from = PINO_LEVELS[level];
        const to = from ? levelFor(context, from) : from;
        if (to === from) method.apply(this, args);
        else (this[to] as LogFn).apply(this, args);
      },
    } satisfies LoggerOptions['hooks'],
  };
  return {
    // Residents' responses are counted, not logged one by one: a per-request logger there cost about a sixth of
    // the ingest's CPU (bench:ingest). Their failures are still logged by the service.
    exclude: [{ method: RequestMethod.POST, path: 'public/questionnaires/:slug/responses' }],
    // Named, as path-to-regexp 8 wants (nestjs-pino's default '*' is converted with a warning at each start).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: [options, settings.logFormat === 'pretty' ? prettyStream(destination) : (destination ?? jsonStream())],
  };
}

/**
 * stdout, written synchronously. pino's default buffers and writes later, and flushes what is left on the 'exit'
 * event; but on SIGTERM Nest runs its shutdown hooks and then raises the signal again (process.kill), which ends the
 * process without an 'exit' event: the last lines (a job's end, the shutdown's own) were lost, and a SIGKILL loses
 * whatever was buffered. Staff requests are one line each and residents' responses none (see exclude above): a write
 * per line costs nothing measurable in bench:ingest.
 */
function jsonStream(): DestinationStream {
  return pinoDestination({ dest: 1, sync: true });
}

/**
 * One readable line per event, written synchronously in the process itself (not a transport thread), so that it
 * keeps its place among the console lines (« Repère is ready… »). Only for a person at a terminal: JSON otherwise.
 */
function prettyStream(destination: number | NodeJS.WritableStream = 1): pretty.PrettyStream {
  return pretty({
    destination,
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    // req, res and responseTime are in the request line already; context is in front of the message.
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
}
