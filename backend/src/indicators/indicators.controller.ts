import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { PlanPartQueryDto } from '@backend/plans/dto/orientation.dto';
import { CreateIndicatorDto, IndicatorQueryDto, UpdateIndicatorDto } from './dto/indicator.dto';
import { CreateInstrumentDto, UpdateInstrumentDto } from './dto/instrument.dto';
import { CreateManualValueDto, ManualValueQueryDto } from './dto/manual-value.dto';
import { IndicatorsService } from './indicators.service';
import { InstrumentsService } from './instruments.service';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly service: IndicatorsService) {}
  @Get() list(@Query() q: IndicatorQueryDto, @CurrentUser() user: AuthUser) { return this.service.list(q, user); }
  @Get(':id') get(@Param('id', UuidParam) id: string) { return this.service.get(id); }
  @Post() @Roles(...PLAN_WRITERS) create(@Body() dto: CreateIndicatorDto) { return this.service.create(dto); }
  @Patch(':id') @Roles(...PLAN_WRITERS) update(@Param('id', UuidParam) id: string, @Body() dto: UpdateIndicatorDto) { return this.service.update(id, dto); }
  @Delete(':id') @HttpCode(204) @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Archives the indicator (hidden from lists, still readable and computed, restorable by an admin)' })
  remove(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) { return this.service.archive(id, user); }

  @Post(':id/restore') @HttpCode(200) @Roles('admin')
  @ApiOperation({ summary: 'Brings an archived indicator back (admins)' })
  restore(@Param('id', UuidParam) id: string) { return this.service.restore(id); }
}

/** Values of manual indicators (« nombre de publications »), each with its evidence. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('manual-values')
export class ManualValuesController {
  constructor(private readonly service: IndicatorsService) {}
  @Get() list(@Query() q: ManualValueQueryDto) { return this.service.listManualValues(q); }
  @Post() @Roles(...PLAN_WRITERS)
  create(@Body() dto: CreateManualValueDto, @CurrentUser() user: AuthUser) { return this.service.addManualValue(dto, user); }
}

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly service: InstrumentsService) {}
  @Get() list(@Query() q: PlanPartQueryDto) { return this.service.list(q); }
  @Get(':id') get(@Param('id', UuidParam) id: string) { return this.service.get(id); }
  @Post() @Roles(...PLAN_WRITERS) create(@Body() dto: CreateInstrumentDto) { return this.service.create(dto); }
  @Patch(':id') @Roles(...PLAN_WRITERS) update(@Param('id', UuidParam) id: string, @Body() dto: UpdateInstrumentDto) { return this.service.update(id, dto); }
  @Delete(':id') @HttpCode(204) @Roles(...PLAN_WRITERS) remove(@Param('id', UuidParam) id: string) { return this.service.remove(id); }
}
