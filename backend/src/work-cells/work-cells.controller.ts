import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import {
  CreatePartnershipDto, CreateWorkCellDto, CreateWorkStepDto, UpdatePartnershipDto, UpdateWorkCellDto, UpdateWorkStepDto,
} from './dto/work-cell.dto';
import { WorkCellsService } from './work-cells.service';
import { WorkStepsService } from './work-steps.service';

@ApiTags('work-cells')
@ApiBearerAuth()
@Controller('work-cells')
export class WorkCellsController {
  constructor(private readonly cells: WorkCellsService) {}
  @Get() list(@Query() q: PageQueryDto) { return this.cells.list(q); }
  @Get(':id') get(@Param('id', UuidParam) id: string) { return this.cells.get(id); }
  @Post() @Roles(...PLAN_WRITERS) create(@Body() dto: CreateWorkCellDto) { return this.cells.create(dto); }
  @Patch(':id') @Roles(...PLAN_WRITERS) update(@Param('id', UuidParam) id: string, @Body() dto: UpdateWorkCellDto) { return this.cells.update(id, dto); }
  @Delete(':id') @HttpCode(204) @Roles(...PLAN_WRITERS) remove(@Param('id', UuidParam) id: string) { return this.cells.remove(id); }
}

@ApiTags('work-cells')
@ApiBearerAuth()
@Controller('work-steps')
export class WorkStepsController {
  constructor(private readonly steps: WorkStepsService) {}
  @Post() @Roles(...PLAN_WRITERS, 'partner')
  create(@Body() dto: CreateWorkStepDto, @CurrentUser() user: AuthUser) { return this.steps.createStep(dto, user); }
  @Patch(':id') @Roles(...PLAN_WRITERS, 'partner')
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateWorkStepDto, @CurrentUser() user: AuthUser) { return this.steps.updateStep(id, dto, user); }
  @Delete(':id') @HttpCode(204) @Roles(...PLAN_WRITERS, 'partner')
  remove(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) { return this.steps.removeStep(id, user); }
}

@ApiTags('work-cells')
@ApiBearerAuth()
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly steps: WorkStepsService) {}
  @Post() @Roles(...PLAN_WRITERS) create(@Body() dto: CreatePartnershipDto) { return this.steps.createPartnership(dto); }
  @Patch(':id') @Roles(...PLAN_WRITERS) update(@Param('id', UuidParam) id: string, @Body() dto: UpdatePartnershipDto) { return this.steps.updatePartnership(id, dto); }
  @Delete(':id') @HttpCode(204) @Roles(...PLAN_WRITERS) remove(@Param('id', UuidParam) id: string) { return this.steps.removePartnership(id); }
}
