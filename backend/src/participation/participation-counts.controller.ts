import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@backend/auth/auth.decorators';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { CreateParticipationCountDto, ParticipationCountQueryDto, UpdateParticipationCountDto } from './dto/participation-count.dto';
import { ParticipationCountsService } from './participation-counts.service';

@ApiTags('participation-counts')
@ApiBearerAuth()
@Controller('participation-counts')
export class ParticipationCountsController {
  constructor(private readonly counts: ParticipationCountsService) {}

  @Post() @HttpCode(201) @Roles('admin', 'evaluator', 'partner')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A UUID: a retry with the same key and body records nothing twice' })
  @ApiResponse({ status: 201, description: 'Recorded (or recorded already by an earlier send of the same key and body)' })
  @ApiResponse({ status: 400, description: 'No or malformed Idempotency-Key, a bad field, parts of a dimension over the total (breakdown.<dimension>)' })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was used with another body' })
  create(@Body() dto: CreateParticipationCountDto, @Headers('idempotency-key') key: string | undefined, @CurrentUser() user: AuthUser) {
    return this.counts.create(dto, key, user);
  }

  @Get()
  list(@Query() q: ParticipationCountQueryDto, @CurrentUser() user: AuthUser) { return this.counts.list(q, user); }

  @Get(':id')
  get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) { return this.counts.get(id, user); }

  @Patch(':id') @Roles('admin', 'evaluator', 'partner')
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateParticipationCountDto, @CurrentUser() user: AuthUser) {
    return this.counts.update(id, dto, user);
  }

  @Delete(':id') @HttpCode(204) @Roles('admin', 'evaluator')
  remove(@Param('id', UuidParam) id: string) { return this.counts.remove(id); }
}
