import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { actionView } from './action.view';
import { ActionsService } from './actions.service';
import { CreateActionDto, UpdateActionDto } from './dto/action.dto';
import { CreateExpectedResultDto, UpdateExpectedResultDto } from './dto/expected-result.dto';
import { CreateObjectiveDto, UpdateObjectiveDto } from './dto/objective.dto';
import { CreateOrientationDto, PlanPartQueryDto, UpdateOrientationDto } from './dto/orientation.dto';
import {
  ActionDto,
  ActionPageDto,
  ExpectedResultDto,
  ExpectedResultPageDto,
  ObjectiveDto,
  ObjectivePageDto,
  OrientationDto,
  OrientationPageDto,
} from './dto/plan.response';
import { ExpectedResultsService } from './expected-results.service';
import { ObjectivesService } from './objectives.service';
import { OrientationsService } from './orientations.service';

// The parts of a plan: anyone signed in reads them, evaluators and admins change them.

const HOLDS_INDICATORS = 'Indicators hang under it (has_indicators): move them first';

@ApiTags('plans')
@Controller('orientations')
export class OrientationsController {
  constructor(private readonly service: OrientationsService) {}
  @Get()
  @ApiOperation({ summary: 'Orientations, optionally of one plan' })
  @ApiOkResponse({ type: OrientationPageDto })
  list(@Query() q: PlanPartQueryDto) {
    return this.service.list(q);
  }
  @Get(':id')
  @ApiOperation({ summary: 'An orientation' })
  @ApiOkResponse({ type: OrientationDto })
  get(@Param('id', UuidParam) id: string) {
    return this.service.get(id);
  }
  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Adds an orientation to a plan' })
  @ApiCreatedResponse({ type: OrientationDto })
  create(@Body() dto: CreateOrientationDto) {
    return this.service.create(dto);
  }
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Changes an orientation' })
  @ApiOkResponse({ type: OrientationDto })
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateOrientationDto) {
    return this.service.update(id, dto);
  }
  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Deletes an orientation with its objectives, unless indicators hang under it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponse(409, HOLDS_INDICATORS)
  remove(@Param('id', UuidParam) id: string) {
    return this.service.remove(id);
  }
}

@ApiTags('plans')
@Controller('objectives')
export class ObjectivesController {
  constructor(private readonly service: ObjectivesService) {}
  @Get()
  @ApiOperation({ summary: 'Objectives and sub-objectives, optionally of one plan' })
  @ApiOkResponse({ type: ObjectivePageDto })
  list(@Query() q: PlanPartQueryDto) {
    return this.service.list(q);
  }
  @Get(':id')
  @ApiOperation({ summary: 'An objective' })
  @ApiOkResponse({ type: ObjectiveDto })
  get(@Param('id', UuidParam) id: string) {
    return this.service.get(id);
  }
  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Adds an objective to an orientation (or a sub-objective)' })
  @ApiCreatedResponse({ type: ObjectiveDto })
  create(@Body() dto: CreateObjectiveDto) {
    return this.service.create(dto);
  }
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Changes an objective' })
  @ApiOkResponse({ type: ObjectiveDto })
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateObjectiveDto) {
    return this.service.update(id, dto);
  }
  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Deletes an objective with its sub-objectives and actions, unless indicators hang under it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponse(409, HOLDS_INDICATORS)
  remove(@Param('id', UuidParam) id: string) {
    return this.service.remove(id);
  }
}

@ApiTags('plans')
@Controller('actions')
export class ActionsController {
  constructor(private readonly service: ActionsService) {}
  @Get()
  @ApiOperation({ summary: 'Actions (« moyens-actions »), optionally of one plan' })
  @ApiOkResponse({ type: ActionPageDto })
  async list(@Query() q: PlanPartQueryDto) {
    const page = await this.service.list(q);
    return { ...page, items: page.items.map(actionView) };
  }
  @Get(':id')
  @ApiOperation({ summary: 'An action with its schedule and responsible organizations' })
  @ApiOkResponse({ type: ActionDto })
  async get(@Param('id', UuidParam) id: string) {
    return actionView(await this.service.get(id));
  }
  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Adds an action to an objective' })
  @ApiCreatedResponse({ type: ActionDto })
  async create(@Body() dto: CreateActionDto) {
    return actionView(await this.service.create(dto));
  }
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Changes an action' })
  @ApiOkResponse({ type: ActionDto })
  async update(@Param('id', UuidParam) id: string, @Body() dto: UpdateActionDto) {
    return actionView(await this.service.update(id, dto));
  }
  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Deletes an action' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Param('id', UuidParam) id: string) {
    return this.service.remove(id);
  }
}

@ApiTags('plans')
@Controller('expected-results')
export class ExpectedResultsController {
  constructor(private readonly service: ExpectedResultsService) {}
  @Get()
  @ApiOperation({ summary: 'Expected results, optionally of one plan' })
  @ApiOkResponse({ type: ExpectedResultPageDto })
  list(@Query() q: PlanPartQueryDto) {
    return this.service.list(q);
  }
  @Get(':id')
  @ApiOperation({ summary: 'An expected result' })
  @ApiOkResponse({ type: ExpectedResultDto })
  get(@Param('id', UuidParam) id: string) {
    return this.service.get(id);
  }
  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Adds an expected result to an objective or action' })
  @ApiCreatedResponse({ type: ExpectedResultDto })
  create(@Body() dto: CreateExpectedResultDto) {
    return this.service.create(dto);
  }
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Changes an expected result' })
  @ApiOkResponse({ type: ExpectedResultDto })
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateExpectedResultDto) {
    return this.service.update(id, dto);
  }
  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Deletes an expected result' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Param('id', UuidParam) id: string) {
    return this.service.remove(id);
  }
}
