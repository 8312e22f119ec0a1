import { Controller, Get, Param, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ApiErrorResponse } from '@backend/common/error.response';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { IndicatorEvidenceDto, IndicatorEvidenceQuery } from './indicator-evidence.dto';
import { evidenceOfIndicator } from './indicator-evidence';

// Here rather than in the indicators module: the evidence module owns the files, and the indicators module needs
// nothing of it. Every staff role reads it, as it reads the indicator (GET /api/indicators/{id}).
@ApiTags('evidence')
@Controller('indicators')
export class IndicatorEvidenceController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(':id/evidence')
  @ApiOperation({
    summary:
      "The files behind the indicator's figure, by date: of its manual values, its instruments' counts, its document instruments, its action and its work cell's steps",
  })
  @ApiOkResponse({ type: [IndicatorEvidenceDto] })
  @ApiErrorResponse(404, 'No such indicator')
  list(@Param('id', UuidParam) id: string, @Query() q: IndicatorEvidenceQuery): Promise<IndicatorEvidenceDto[]> {
    return evidenceOfIndicator(this.db, id, q.at ? new Date(q.at) : new Date());
  }
}
