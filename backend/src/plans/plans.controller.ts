import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { PlanQueryDto } from './dto/plan.dto';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { CreatePlanDto, UpdatePlanDto } from './dto/plan.dto';
import { PlanTreeService } from './plan-tree.service';
import { PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService, private readonly trees: PlanTreeService) {}

  @Get() @ApiOperation({ summary: 'Plans; archived ones are hidden unless ?archived=true (admins, evaluators)' })
  list(@Query() q: PlanQueryDto, @CurrentUser() user: AuthUser) { return this.plans.list(q, user); }
  @Get(':id') get(@Param('id', UuidParam) id: string) { return this.plans.get(id); }

  @Get(':id/tree')
  @ApiOperation({ summary: 'The plan with its orientations, objectives, actions, expected results, indicators and instruments, nested' })
  tree(@Param('id', UuidParam) id: string) { return this.trees.tree(id); }

  @Post() @Roles(...PLAN_WRITERS)
  create(@Body() dto: CreatePlanDto) { return this.plans.create(dto); }

  @Patch(':id') @Roles(...PLAN_WRITERS)
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdatePlanDto) { return this.plans.update(id, dto); }

  @Delete(':id') @HttpCode(204) @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Archives the plan (hidden from lists, still readable by id, restorable by an admin); nothing it holds is deleted' })
  remove(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) { return this.plans.archive(id, user); }

  @Post(':id/restore') @HttpCode(200) @Roles('admin')
  @ApiOperation({ summary: 'Brings an archived plan back (admins)' })
  restore(@Param('id', UuidParam) id: string) { return this.plans.restore(id); }
}
