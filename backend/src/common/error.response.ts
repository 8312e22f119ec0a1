import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema } from '@nestjs/swagger';
import type { ErrorCode } from '@repere/contract';
import type { ErrorBody, FieldError } from './errors';

// The documented twins of errors.ts's ErrorBody and FieldError: the body of every error (all-exceptions.filter.ts).

@ApiSchema({ name: 'FieldError' })
export class FieldErrorDto implements FieldError {
  @ApiProperty({ description: 'The field, as the request spells it (`answers.3.value`, `breakdown.gender`)' }) field: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ example: 'maxLength', description: 'The rule the field broke, when it has a name (`isNotEmpty`, `maxLength`…)' })
  code?: string;
}

@ApiSchema({ name: 'ErrorBody', description: 'The body of every error: a stable code for programs, a message for people' })
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 404 }) statusCode: number;
  // `type` said here: the Swagger plugin would read the ErrorCode union as an object.
  @ApiProperty({
    type: String,
    example: 'not_found',
    description: 'Stable: programs switch on it (validation_failed, not_found, conflict…)',
  })
  code: ErrorCode;
  @ApiProperty({ example: 'plan 0f7… was not found' }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'One per invalid field, when the error is about input' })
  errors?: FieldErrorDto[];
}

/** An error a route answers beyond the common ones (400, 401, 403, 404: common/openapi.ts adds those). */
export function ApiErrorResponse(status: number, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiResponse({ status, description, type: ErrorBodyDto }));
}
