import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@backend/common/errors';
import { isUuid } from './response-body';

/** The Idempotency-Key header of API.md: required, a UUID. Returns it or answers 400. */
export function requireIdempotencyKey(key: string | undefined): string {
  if (!key) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'idempotency_key_required', 'The Idempotency-Key header (a UUID) is required.', [
      { field: 'Idempotency-Key', message: 'is required' },
    ]);
  }
  if (!isUuid(key)) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'invalid_idempotency_key', 'The Idempotency-Key header must be a UUID.', [
      { field: 'Idempotency-Key', message: 'must be a UUID' },
    ]);
  }
  return key;
}

/** The same key was sent before with another body. */
export function keyReused(): ApiError {
  return new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'idempotency_key_reused',
    'This Idempotency-Key was already used with a different body. Send a new key for a new record.',
  );
}
