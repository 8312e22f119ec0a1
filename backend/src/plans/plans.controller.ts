import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { CreatePlanDto, PlanQueryDto, UpdatePlanDto } from './dto/plan.dto';
import { PlanDto, PlanPageDto, PlanTreeDto } from './dto/plan.response';
import { PlanTreeService } from './plan-tree.service';
import { PlansService } from './plans.service';

@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly trees: PlanTreeService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Plans; archived ones are hidden unless ?archived=true (admins, evaluators)' })
  @ApiOkResponse({ type: PlanPageDto })
  @ApiErrorResponse(403, '?archived=true by a role that may not list archived plans')
  list(@Query() q: PlanQueryDto, @CurrentUser() user: AuthUser) {
    return this.plans.list(q, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A plan, archived or not, with its owner organization' })
  @ApiOkResponse({ type: PlanDto })
  get(@Param('id', UuidParam) id: string) {
    return this.plans.get(id);
  }

  @Get(':id/tree')
  @ApiOperation({ summary: 'The plan with its orientations, objectives, actions, expected results, indicators and instruments, nested' })
  @ApiOkResponse({ type: PlanTreeDto })
  tree(@Param('id', UuidParam) id: string) {
    return this.trees.tree(id);
  }

  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Creates a plan (evaluators, admins)' })
  @ApiCreatedResponse({ type: PlanDto })
  create(@Body() dto: CreatePlanDto) {
    return this.plans.create(dto);
  }

  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Changes a plan; a new start, time zone or data period recomputes its indicators' })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrorResponse(410, 'The plan is archived: an admin restores it first')
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdatePlanDto) {
    return this.plans.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({
    summary: 'Archives the plan (hidden from lists, still readable by id, restorable by an admin); nothing it holds is deleted',
  })
  @ApiNoContentResponse({ description: 'Archived' })
  remove(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) {
    return this.plans.archive(id, user);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Brings an archived plan back (admins)' })
  @ApiOkResponse({ type: PlanDto })
  restore(@Param('id', UuidParam) id: string) {
    return this.plans.restore(id);
  }
}
