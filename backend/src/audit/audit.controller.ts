import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HISTORY_READERS } from '@repere/contract';
import { Roles } from '@backend/auth/auth.decorators';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditEventPageDto, FieldChangeDto } from './dto/audit-event.response';
import { AuditService } from './audit.service';

@ApiTags('history')
@ApiExtraModels(FieldChangeDto)
@Roles(...HISTORY_READERS)
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The staff changes, newest first (API.md « History »). */
  @Get()
  @ApiOperation({ summary: 'The staff changes, newest first, each with who, what and every field before and after (admins, evaluators)' })
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@Query() q: AuditQueryDto) {
    return this.audit.list(q);
  }
}
