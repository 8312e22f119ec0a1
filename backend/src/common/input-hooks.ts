import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from './all-exceptions.filter';
import { parseJsonBody, textProblems, textRuleError } from './input-rules';

/**
 * Applies input-rules.ts to every Fastify route: the JSON parser (Nest's own is turned off in app.factory.ts:
 * `bodyParser: false`) and a hook over the parsed query, path parameters and body. Before app.init(), so that
 * every route Nest registers gets the hook.
 */
export function registerInputRules(fastify: FastifyInstance, bodyLimit: number): void {
  if (fastify.hasContentTypeParser('application/json')) fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (err) {
      done(err as Error, undefined); // an ApiError: Nest's filter (all-exceptions.filter.ts) answers it
    }
  });
  fastify.addHook('preValidation', async (request, reply) => {
    const problems = [
      ...textProblems(request.query ?? {}),
      ...textProblems(request.params ?? {}),
      ...(isPlainBody(request) ? textProblems(request.body) : []),
    ];
    if (problems.length === 0) return;
    const body = errorBody(textRuleError(problems), { error: () => undefined });
    return reply.status(body.statusCode).send(body);
  });
}

/** A parsed body; an upload's stream (imports) is not one to walk. */
function isPlainBody(request: FastifyRequest): boolean {
  const body = request.body as { pipe?: unknown } | null | undefined;
  return body !== undefined && body !== null && typeof body.pipe !== 'function';
}
