import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { actionView } from './action.view';
import { ActionsService } from './actions.service';
import { CreateActionDto, UpdateActionDto } from './dto/action.dto';
import { CreateExpectedResultDto, UpdateExpectedResultDto } from './dto/expected-result.dto';
import { CreateObjectiveDto, UpdateObjectiveDto } from './dto/objective.dto';
import { CreateOrientationDto, PlanPartQueryDto, UpdateOrientationDto } from './dto/orientation.dto';
import { ExpectedResultsService } from './expected-results.service';
import { ObjectivesService } from './objectives.service';
import { OrientationsService } from './orientations.service';

// The parts of a plan: anyone signed in reads them, evaluators and admins change them.

@ApiTags('plans')
@ApiBearerAuth()
@Controller('orientations')
export class OrientationsController {
  constructor(private readonly service: OrientationsService) {}
  @Get() list(@Query() q: PlanPartQueryDto) { return this.service.list(q); }
  @Get(':id') get(@Param('id', UuidParam) id: string) { return this.service.get(id); }
  @Post() @Roles(...PLAN_WRITERS) create(@Body() dto: CreateOrientationDto) { return this.service.create(dto); }
  @Patch(':id') @Roles(...PLAN_WRITERS) update(@Param('id', UuidParam) id: string, @Body() dto: UpdateOrientationDto) { return this.service.update(id, dto); }
  @Delete(':id') @HttpCode(204) @Roles(...PLAN_WRITERS) remove(@Param('id', UuidParam) id: string) { return this.service.remove(id); }
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('objectives')
export class ObjectivesController {
  constructor(private readonly service: ObjectivesService) {}
  @Get() list(@Query() q: PlanPartQueryDto) { return this.service.list(q); }
  @Get(':id') get(@Param('id', UuidParam) id: string) { return this.service.get(id); }
  @Post() @Roles(...PLAN_WRITERS) create(@Body() dto: CreateObjectiveDto) { return this.service.create(dto); }
  @Patch(':id') @Roles(...PLAN_WRITERS) update(@Param('id', UuidParam) id: string, @Body() dto: UpdateObjectiveDto) { return this.service.update(id, dto); }
  @Delete(':id') @HttpCode(204) @Roles(...PLAN_WRITERS) remove(@Param('id', UuidParam) id: string) { return this.service.remove(id); }
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('actions')
export class ActionsController {
  constructor(private readonly service: ActionsService) {}
  @Get() async list(@Query() q: PlanPartQueryDto) {
    const page = await this.service.list(q);
    return { ...page, items: page.items.map(actionView) };
  }
  @Get(':id') async get(@Param('id', UuidParam) id: string) { return actionView(await this.service.get(id)); }
  @Post() @Roles(...PLAN_WRITERS) async create(@Body() dto: CreateActionDto) { return actionView(await this.service.create(dto)); }
  @Patch(':id') @Roles(...PLAN_WRITERS) async update(@Param('id', UuidParam) id: string, @Body() dto: UpdateActionDto) { return actionView(await this.service.update(id, dto)); }
  @Delete(':id') @HttpCode(204) @Roles(...PLAN_WRITERS) remove(@Param('id', UuidParam) id: string) { return this.service.remove(id); }
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('expected-results')
export class ExpectedResultsController {
  constructor(private readonly service: ExpectedResultsService) {}
  @Get() list(@Query() q: PlanPartQueryDto) { return this.service.list(q); }
  @Get(':id') get(@Param('id', UuidParam) id: string) { return this.service.get(id); }
  @Post() @Roles(...PLAN_WRITERS) create(@Body() dto: CreateExpectedResultDto) { return this.service.create(dto); }
  @Patch(':id') @Roles(...PLAN_WRITERS) update(@Param('id', UuidParam) id: string, @Body() dto: UpdateExpectedResultDto) { return this.service.update(id, dto); }
  @Delete(':id') @HttpCode(204) @Roles(...PLAN_WRITERS) remove(@Param('id', UuidParam) id: string) { return this.service.remove(id); }
}
