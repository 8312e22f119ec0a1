import { HttpStatus, ParseUUIDPipe } from '@nestjs/common';
import { ApiError } from './errors';

/** `@Param('id', UuidParam)`: a malformed id is a 400 that names the parameter, not a database error. */
export const UuidParam = new ParseUUIDPipe({
  version: undefined,
  exceptionFactory: () =>
    new ApiError(HttpStatus.BAD_REQUEST, 'invalid_id', 'id must be a UUID', [{ field: 'id', message: 'must be a UUID' }]),
});
