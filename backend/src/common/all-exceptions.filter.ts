import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ErrorBody, ErrorCode } from './errors';

interface PgError {
  code?: string;
  detail?: string;
  column?: string;
  constraint?: string;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
};

/** A column's name as the API spells its field: `start_date` → `startDate`. */
const camel = (column: string) => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/** Maps database errors that bad input can still reach to 4xx, so a client never sees a 500 for its own mistake. */
function fromDatabase(err: PgError): ErrorBody | null {
  const field = /\((\w+)\)=/.exec(err.detail ?? '')?.[1] ?? err.column;
  const named = field ? `${camel(field)}: ` : '';
  switch (err.code) {
    case '23505':
      return { statusCode: 409, code: 'already_exists', message: `${named}a record with this value already exists` };
    case '23503':
      return { statusCode: 409, code: 'still_referenced', message: `${named}this record is linked to others` };
    case '23502': // not_null_violation: a DTO let `null` through where the column needs a value
      return {
        statusCode: 400,
        code: 'validation_failed',
        message: `${named}must not be null`,
        ...(field ? { errors: [{ field: camel(field), message: 'must not be null' }] } : {}),
      };
    case '22021': // character_not_in_repertoire (NUL, invalid bytes) and untranslatable_character (\u0000 in jsonb):
    case '22P05': // the input rules (input-rules.ts) refuse these first; this is the net under them
    case '54000': // program_limit_exceeded: a text too long for an index row
      return { statusCode: 400, code: 'invalid_value', message: `${named}invalid value` };
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return { statusCode: 400, code: 'invalid_value', message: `${named}invalid value` };
    default:
      return null;
  }
}

function fromHttp(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'code' in response) return response as ErrorBody;
  const raw = typeof response === 'string' ? response : (response as { message?: string | string[] }).message;
  const message = Array.isArray(raw) ? raw.join('; ') : (raw ?? exception.message);
  return { statusCode: status, code: CODE_BY_STATUS[status] ?? 'error', message };
}

/** The body of the error a client gets for `exception`; what is not the client's doing is logged and is a 500. */
export function errorBody(exception: unknown, logger: Pick<Logger, 'error'>): ErrorBody {
  let body: ErrorBody | null = null;
  if (exception instanceof HttpException) body = fromHttp(exception);
  else if (exception instanceof QueryFailedError) body = fromDatabase(exception.driverError as PgError);
  else if (isFastifyClientError(exception)) {
    body = { statusCode: exception.statusCode, code: CODE_BY_STATUS[exception.statusCode] ?? 'bad_request', message: exception.message };
  }
  if (body) return body;
  logger.error(exception instanceof Error ? exception.stack : String(exception));
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'internal_error', message: 'Something went wrong on our side.' };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (isWebAppRoute(exception, request, reply)) {
      // Paths of the web app are its own: /q/{slug} is the resident's page (a light page of its own, q.html),
      // everything else (/plans/…) the staff app, which routes them itself. sendFile is web/serve-web-app.ts's:
      // the compressed copy the client accepts, never cached.
      const page = request.url.startsWith('/q/') ? 'q.html' : 'index.html';
      void (reply.type('text/html') as unknown as { sendFile(file: string): unknown }).sendFile(page);
      return;
    }
    const body = errorBody(exception, this.logger);
    void reply.status(body.statusCode).send(body);
  }
}

function isFastifyClientError(e: unknown): e is Error & { statusCode: number } {
  const status = (e as { statusCode?: unknown })?.statusCode;
  return e instanceof Error && typeof status === 'number' && status >= 400 && status < 500;
}

function isWebAppRoute(e: unknown, request: FastifyRequest, reply: FastifyReply): boolean {
  return (
    e instanceof HttpException &&
    e.getStatus() === 404 &&
    request.method === 'GET' &&
    !request.url.startsWith('/api') &&
    !request.url.startsWith('/assets/') && // a missing file is a 404, not a page
    typeof (reply as { sendFile?: unknown }).sendFile === 'function'
  );
}
