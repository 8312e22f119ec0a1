import { Body, Controller, Delete, HttpCode, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@backend/auth/auth.decorators';
import { ApiError } from '@backend/common/errors';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { ResponsesService } from './responses.service';

const REASON_MAX = 1000;

/** `reason` from the body (`{ "reason": "…" }`) or the query: required, one line of text. */
export function deletionReason(body: unknown, query: unknown): string {
  const fromBody = body && typeof body === 'object' ? (body as { reason?: unknown }).reason : undefined;
  const reason = fromBody ?? query;
  const bad = (message: string) =>
    new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', `reason: ${message}`, [{ field: 'reason', message }]);
  if (typeof reason !== 'string' || reason.trim() === '') throw bad('is required: say why this response is deleted');
  if (reason.length > REASON_MAX) throw bad(`must be at most ${REASON_MAX} characters`);
  return reason.trim();
}

/** The admin's hard deletion of one resident's response (everything else is archived, never deleted). */
@ApiTags('responses')
@Controller('responses')
export class ResponsesAdminController {
  constructor(private readonly responses: ResponsesService) {}

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({
    summary:
      "Deletes one resident's response for good (admins), with a reason (body { reason } or ?reason=); its indicators are computed again",
  })
  @ApiQuery({
    name: 'reason',
    required: false,
    description: 'Why (required here or in the body)',
    schema: { type: 'string', maxLength: REASON_MAX },
  })
  @ApiBody({ required: false, schema: { type: 'object', properties: { reason: { type: 'string', maxLength: REASON_MAX } } } })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Param('id', UuidParam) id: string, @Query('reason') reason: unknown, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.responses.removeByAdmin(id, deletionReason(body, reason), user);
  }
}
