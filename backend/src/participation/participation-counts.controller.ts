import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PARTICIPATION_COUNTERS } from '@repere/contract';
import { AuthUser, CurrentUser, Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import {
  CreateParticipationCountDto,
  ParticipationCountPageDto,
  ParticipationCountQueryDto,
  ParticipationCountViewDto,
  ParticipationCountWithHistoryDto,
  UpdateParticipationCountDto,
} from './dto/participation-count.dto';
import { ParticipationCountsService } from './participation-counts.service';

@ApiTags('participation-counts')
@Controller('participation-counts')
export class ParticipationCountsController {
  constructor(private readonly counts: ParticipationCountsService) {}

  @Post()
  @HttpCode(201)
  @Roles(...PARTICIPATION_COUNTERS)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A UUID: a retry with the same key and body records nothing twice' })
  @ApiOperation({ summary: 'Records a count; the answer gives the figures as entered (`protected: false`): the writer typed them' })
  @ApiResponse({
    status: 201,
    type: ParticipationCountViewDto,
    description: 'Recorded (or recorded already by an earlier send of the same key and body)',
  })
  @ApiErrorResponse(400, 'No or malformed Idempotency-Key, a bad field, parts of a dimension over the total (breakdown.<dimension>)')
  @ApiErrorResponse(403, 'A partner, for an instrument of a plan its organization is not part of')
  @ApiErrorResponse(422, 'The Idempotency-Key was used with another body')
  create(@Body() dto: CreateParticipationCountDto, @Headers('idempotency-key') key: string | undefined, @CurrentUser() user: AuthUser) {
    return this.counts.create(dto, key, user);
  }

  @Get()
  @ApiOperation({
    summary:
      "Counts, newest first (a partner: its organization's). Evaluators, admins and the recording organization's partners read " +
      'the figures as entered; the committee reads them through the disclosure layer (`protected: true`: totals and breakdown cells ' +
      'perturbed, small ones null and marked hidden), as the indicators built on them publish them',
  })
  @ApiOkResponse({ type: ParticipationCountPageDto })
  list(@Query() q: ParticipationCountQueryDto, @CurrentUser() user: AuthUser) {
    return this.counts.list(q, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A count with its history (the figures before each change), published as the list publishes it' })
  @ApiOkResponse({ type: ParticipationCountWithHistoryDto })
  @ApiErrorResponse(403, "A partner, for another organization's count")
  get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) {
    return this.counts.get(id, user);
  }

  @Patch(':id')
  @Roles(...PARTICIPATION_COUNTERS)
  @ApiOperation({
    summary:
      "Changes a count (admins, evaluators, the recording organization's partners); the answer gives it as entered, with its history",
  })
  @ApiOkResponse({ type: ParticipationCountWithHistoryDto })
  @ApiErrorResponse(403, "A partner, for another organization's count")
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateParticipationCountDto, @CurrentUser() user: AuthUser) {
    return this.counts.update(id, dto, user);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'evaluator')
  @ApiOperation({ summary: 'Deletes a count entered by mistake; one corrected before keeps its history and is corrected again instead' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponse(409, 'Corrected before (has_history): correct it again')
  remove(@Param('id', UuidParam) id: string) {
    return this.counts.remove(id);
  }
}
