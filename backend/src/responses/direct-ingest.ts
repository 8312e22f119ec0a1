import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import { errorBody } from '@backend/common/all-exceptions.filter';
import { parseJsonBody, textProblem, textProblems, textRuleError } from '@backend/common/input-rules';
import type { ErrorBody } from '@backend/common/errors';
import type { SecurityHeaders } from '@backend/common/security-headers';
import { clientAddress, TrustFunction } from '@backend/common/client-address';
import type { SubmitLimit } from '@backend/common/public-route';
import { RETRY_AFTER_SECONDS } from './response-writer';
import type { ResponseReceipt } from './responses.service';
import { IDEMPOTENCY_KEY_HEADER, RESPONSE_BODY_LIMIT, RESPONSE_MEDIA_TYPE, SUBMIT_RESPONSE_PATH } from './submit-response.contract';

/** The contract's path template (no regex characters in it) as a matcher of URLs: `{slug}` one segment, any query. */
const PATH = new RegExp(`^${SUBMIT_RESPONSE_PATH.replace('{slug}', '([^/?#]+)')}(?:\\?.*)?$`);
const KEY_HEADER = IDEMPOTENCY_KEY_HEADER.toLowerCase();
const MEDIA_TYPE = new RegExp(`^${RESPONSE_MEDIA_TYPE}\\s*(;|$)`, 'i');

export interface DirectIngestDeps {
  submit: (slug: string, idempotencyKey: string | undefined, body: unknown) => Promise<ResponseReceipt>;
  /** The per-client limit, shared with the API's other processes (null: no limit). */
  submitLimit: SubmitLimit | null;
  /** TRUST_PROXY, as Fastify applies it: who the client is. */
  trust: TrustFunction;
  headers: SecurityHeaders;
}

/** Takes a request if it is one it serves (and answers it), else returns false and lets Fastify have it. */
export type DirectRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * `POST /api/public/questionnaires/{slug}/responses`, the one implementation of the route: served straight from
 * Node's HTTP server, ahead of Fastify and Nest (no Nest handler exists for it). The residents' ingest is the one
 * endpoint whose speed is a target (issue 3: 5,000 responses/s on two cores); Fastify's body parsing, its hooks and
 * Nest's router, guards, pipes and middleware cost about twice the work the response itself needs (validation,
 * hashing, the group-commit writer). Everything that decides what is stored and what the phone is told stays in
 * ResponsesService; this file only does HTTP, the way the rest of the API does it: the same security headers,
 * per-client limit, body limit, JSON rules (Fastify's: no __proto__ or constructor.prototype keys) and error bodies.
 * Its path, header, media type and limit come from submit-response.contract.ts, which the OpenAPI document is built from.
 */
export function directIngest(deps: DirectIngestDeps): DirectRoute {
  const logger = new Logger('DirectIngest');
  // Every reply's headers but its length, as one flat list given to writeHead: setting a dozen headers one by one on
  // each reply (each checked, lower-cased and stored in a map, then copied out) cost ~2 % of the API's CPU (bench:ingest).
  const fixed: (string | number | readonly string[])[] = [
    ...deps.headers.set.flatMap(([name, value]) => [name, value]),
    'content-type',
    'application/json; charset=utf-8',
  ];
  return (req, res) => {
    if (req.method !== 'POST') return false;
    const match = PATH.exec(req.url ?? '');
    if (!match) return false;
    const exchange = answerer(req, res, fixed);
    const slug = slugOf(match[1]);
    if (typeof slug !== 'string') {
      exchange.refuse(slug);
      return true;
    }
    if (!deps.submitLimit) {
      receive(slug, exchange, deps, logger);
      return true;
    }
    // The body is not read until the limit has answered: the request stream stays paused meanwhile.
    deps
      .submitLimit(clientAddress(req, deps.trust), (name, value) => res.setHeader(name, value))
      .then(
        (refused) => (refused ? exchange.refuse(refused) : receive(slug, exchange, deps, logger)),
        // The limiter skips itself when Redis is away; should it fail anyway, the resident's answer still goes in.
        () => receive(slug, exchange, deps, logger),
      );
    return true;
  };
}

interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  send(status: number, body: ErrorBody | ResponseReceipt): void;
  /** Answers a request refused before its body is read, and closes the connection once the answer is out. */
  refuse(body: ErrorBody): void;
}

function answerer(req: IncomingMessage, res: ServerResponse, fixed: readonly (string | number | readonly string[])[]): Exchange {
  const send = (status: number, body: ErrorBody | ResponseReceipt) => {
    const json = JSON.stringify(body);
    // Headers set before (Retry-After, the limit's, connection: close) are kept: writeHead adds these to them.
    res.writeHead(status, [...fixed, 'content-length', Buffer.byteLength(json)] as unknown as string[]);
    res.end(json);
  };
  // Closing rather than reading (maybe megabytes of) what would be thrown away.
  const refuse = (body: ErrorBody) => {
    res.setHeader('connection', 'close');
    res.on('finish', () => req.destroy());
    send(body.statusCode, body);
  };
  return { req, res, send, refuse };
}

/** Reads the body within its limit, parses it with Fastify's JSON rules, and hands it to the service. */
function receive(slug: string, { req, res, send, refuse }: Exchange, deps: DirectIngestDeps, logger: Logger): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > RESPONSE_BODY_LIMIT) {
    refuse(tooLarge());
    return;
  }
  const type = req.headers['content-type'];
  const hasBody = declared > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !isJson(type)) {
    refuse({ statusCode: 415, code: 'unsupported_media_type', message: `Unsupported Media Type: ${type ?? 'none'}` });
    return;
  }

  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    if (over) return;
    size += chunk.length;
    if (size > RESPONSE_BODY_LIMIT) {
      over = true;
      refuse(tooLarge());
    } else {
      chunks.push(chunk);
    }
  });
  req.on('error', () => res.destroy());
  req.on('end', () => {
    if (over) return;
    let body: unknown;
    if (size > 0) {
      // The API's input rules (common/input-rules.ts): UTF-8, bounded depth, texts without NUL or lone surrogates.
      // Refused here, such a body is the resident's mistake (400), not a failed write (503, which phones retry).
      try {
        body = parseJsonBody(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
        const problems = textProblems(body);
        if (problems.length > 0) throw textRuleError(problems);
      } catch (err) {
        const failed = errorBody(err, logger);
        send(failed.statusCode, failed);
        return;
      }
    } else if (type !== undefined) {
      send(400, { statusCode: 400, code: 'bad_request', message: "Body cannot be empty when content-type is set to 'application/json'" });
      return;
    }
    const key = req.headers[KEY_HEADER];
    deps.submit(slug, Array.isArray(key) ? key[0] : key, body).then(
      (receipt) => send(201, receipt),
      (err: unknown) => {
        const failed = errorBody(err, logger);
        if (failed.statusCode === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        send(failed.statusCode, failed);
      },
    );
  });
}

const tooLarge = (): ErrorBody => ({
  statusCode: 413,
  code: 'payload_too_large',
  message: `Request body is larger than ${RESPONSE_BODY_LIMIT} bytes`,
});

const isJson = (type: string | undefined) => typeof type === 'string' && MEDIA_TYPE.test(type);

/** The slug of the path, or the 400 Fastify would give for it: a malformed escape, or (input rules) a NUL. */
function slugOf(segment: string): string | ErrorBody {
  let slug: string;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    return { statusCode: 400, code: 'bad_request', message: `'${segment}' is not a valid url component` };
  }
  const problem = textProblem(slug);
  return problem ? errorBody(textRuleError([{ field: 'slug', message: `slug ${problem}` }]), { error: () => undefined }) : slug;
}
