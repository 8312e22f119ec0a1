import { HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@repere/contract';

export type { ErrorCode } from '@repere/contract';

export interface FieldError {
  field: string;
  message: string;
  /** The rule the field broke (`isNotEmpty`, `maxLength`…), when it has a name the web app can word itself. */
  code?: string;
}

/** The body of every error the API sends: a stable code for programs, a message for people. */
export interface ErrorBody {
  statusCode: number;
  /** One of @repere/contract's ERROR_CODES: a new code is added there, with its wording in the web app. */
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
}

export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: ErrorCode, message: string, errors?: FieldError[]) {
    const body: ErrorBody = { statusCode: status, code, message, ...(errors ? { errors } : {}) };
    super(body, status);
  }
}

/** A field that refers to something absent or out of place: a 400 that names the field. */
export function invalidField(field: string, message: string): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'invalid_reference', `${field}: ${message}`, [{ field, message }]);
}

export function notFound(what: string, id: string): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'not_found', `${what} ${id} was not found`);
}
