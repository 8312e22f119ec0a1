import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@backend/auth/auth.decorators';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditService } from './audit.service';

@ApiTags('history')
@ApiBearerAuth()
@Roles('admin', 'evaluator')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The staff changes, newest first (API.md « History »). */
  @Get() list(@Query() q: AuditQueryDto) { return this.audit.list(q); }
}
