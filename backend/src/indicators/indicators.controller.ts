import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { PlanPartQueryDto } from '@backend/plans/dto/orientation.dto';
import { CreateIndicatorDto, IndicatorQueryDto, UpdateIndicatorDto } from './dto/indicator.dto';
import { IndicatorOverviewQueryDto } from './dto/indicator-overview.dto';
import { IndicatorOverviewPageDto } from './dto/indicator-overview.response';
import {
  IndicatorDto,
  IndicatorPageDto,
  InstrumentDto,
  InstrumentPageDto,
  ManualValueDto,
  ManualValuePageDto,
} from './dto/indicator.response';
import { CreateInstrumentDto, UpdateInstrumentDto } from './dto/instrument.dto';
import { CreateManualValueDto, ManualValueQueryDto } from './dto/manual-value.dto';
import { IndicatorOverviewService } from './indicator-overview.service';
import { IndicatorsService } from './indicators.service';
import { InstrumentsService } from './instruments.service';

const ARCHIVED = 'The indicator is archived: an admin restores it first';

@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly service: IndicatorsService,
    private readonly overview: IndicatorOverviewService,
  ) {}
  @Get('overview')
  @ApiOperation({
    summary:
      "Every indicator of the plans in use with its plan, objective, definition status and today's published value, n and status (the dashboards' figures)",
  })
  @ApiOkResponse({ type: IndicatorOverviewPageDto })
  overviewList(@Query() q: IndicatorOverviewQueryDto) {
    return this.overview.list(q);
  }
  @Get()
  @ApiOperation({ summary: 'Indicators, optionally of one plan; archived ones hidden unless ?archived=true (admins, evaluators)' })
  @ApiOkResponse({ type: IndicatorPageDto })
  @ApiErrorResponse(403, '?archived=true by a role that may not list archived indicators')
  list(@Query() q: IndicatorQueryDto, @CurrentUser() user: AuthUser) {
    return this.service.list(q, user);
  }
  @Get(':id')
  @ApiOperation({ summary: 'An indicator: its definition, targets and instruments' })
  @ApiOkResponse({ type: IndicatorDto })
  get(@Param('id', UuidParam) id: string) {
    return this.service.get(id);
  }
  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Defines an indicator of an objective (or action)' })
  @ApiCreatedResponse({ type: IndicatorDto })
  create(@Body() dto: CreateIndicatorDto) {
    return this.service.create(dto);
  }
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Changes an indicator; a new definition recomputes its values' })
  @ApiOkResponse({ type: IndicatorDto })
  @ApiErrorResponse(410, ARCHIVED)
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateIndicatorDto) {
    return this.service.update(id, dto);
  }
  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Archives the indicator (hidden from lists, still readable and computed, restorable by an admin)' })
  @ApiNoContentResponse({ description: 'Archived' })
  remove(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) {
    return this.service.archive(id, user);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Brings an archived indicator back (admins)' })
  @ApiOkResponse({ type: IndicatorDto })
  restore(@Param('id', UuidParam) id: string) {
    return this.service.restore(id);
  }
}

/** Values of manual indicators (« nombre de publications »), each with its evidence. */
@ApiTags('indicators')
@Controller('manual-values')
export class ManualValuesController {
  constructor(private readonly service: IndicatorsService) {}
  @Get()
  @ApiOperation({ summary: 'Values entered by hand, newest first, optionally of one indicator' })
  @ApiOkResponse({ type: ManualValuePageDto })
  list(@Query() q: ManualValueQueryDto) {
    return this.service.listManualValues(q);
  }
  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Enters a value of a manual indicator, with its evidence' })
  @ApiCreatedResponse({ type: ManualValueDto })
  @ApiErrorResponse(410, ARCHIVED)
  create(@Body() dto: CreateManualValueDto, @CurrentUser() user: AuthUser) {
    return this.service.addManualValue(dto, user);
  }
}

@ApiTags('indicators')
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly service: InstrumentsService) {}
  @Get()
  @ApiOperation({ summary: 'Instruments (questionnaires, counts, tallies, documents), optionally of one plan' })
  @ApiOkResponse({ type: InstrumentPageDto })
  list(@Query() q: PlanPartQueryDto) {
    return this.service.list(q);
  }
  @Get(':id')
  @ApiOperation({ summary: 'An instrument' })
  @ApiOkResponse({ type: InstrumentDto })
  get(@Param('id', UuidParam) id: string) {
    return this.service.get(id);
  }
  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Adds an instrument to a plan' })
  @ApiCreatedResponse({ type: InstrumentDto })
  create(@Body() dto: CreateInstrumentDto) {
    return this.service.create(dto);
  }
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Changes an instrument' })
  @ApiOkResponse({ type: InstrumentDto })
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateInstrumentDto) {
    return this.service.update(id, dto);
  }
  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Deletes an instrument no indicator or data uses' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponse(409, 'Still used (still_referenced)')
  remove(@Param('id', UuidParam) id: string) {
    return this.service.remove(id);
  }
}
