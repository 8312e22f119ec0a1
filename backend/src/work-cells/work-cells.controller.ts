import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import {
  CreatePartnershipDto,
  CreateWorkCellDto,
  CreateWorkStepDto,
  UpdatePartnershipDto,
  UpdateWorkCellDto,
  UpdateWorkStepDto,
} from './dto/work-cell.dto';
import { PartnershipDto, WorkCellDto, WorkCellSummaryPageDto, WorkStepDto } from './dto/work-cell.response';
import { WorkCellsService } from './work-cells.service';
import { WorkStepsService } from './work-steps.service';

@ApiTags('work-cells')
@Controller('work-cells')
export class WorkCellsController {
  constructor(private readonly cells: WorkCellsService) {}
  @Get()
  @ApiOperation({ summary: 'Work cells with their progress (steps done) and partner count' })
  @ApiOkResponse({ type: WorkCellSummaryPageDto })
  list(@Query() q: PageQueryDto) {
    return this.cells.list(q);
  }
  @Get(':id')
  @ApiOperation({ summary: 'A work cell with its steps and partners' })
  @ApiOkResponse({ type: WorkCellDto })
  get(@Param('id', UuidParam) id: string) {
    return this.cells.get(id);
  }
  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Creates a work cell, with its steps and partners, whole or not at all' })
  @ApiCreatedResponse({ type: WorkCellDto })
  create(@Body() dto: CreateWorkCellDto) {
    return this.cells.create(dto);
  }
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Changes a work cell' })
  @ApiOkResponse({ type: WorkCellDto })
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateWorkCellDto) {
    return this.cells.update(id, dto);
  }
  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Deletes a work cell with its steps and partnerships' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Param('id', UuidParam) id: string) {
    return this.cells.remove(id);
  }
}

@ApiTags('work-cells')
@Controller('work-steps')
export class WorkStepsController {
  constructor(private readonly steps: WorkStepsService) {}
  @Post()
  @Roles(...PLAN_WRITERS, 'partner')
  @ApiOperation({ summary: "Adds a step to a work cell (partners: of their organization's cells)" })
  @ApiCreatedResponse({ type: WorkStepDto })
  create(@Body() dto: CreateWorkStepDto, @CurrentUser() user: AuthUser) {
    return this.steps.createStep(dto, user);
  }
  @Patch(':id')
  @Roles(...PLAN_WRITERS, 'partner')
  @ApiOperation({ summary: 'Changes a step (done, text, phase, date)' })
  @ApiOkResponse({ type: WorkStepDto })
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateWorkStepDto, @CurrentUser() user: AuthUser) {
    return this.steps.updateStep(id, dto, user);
  }
  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS, 'partner')
  @ApiOperation({ summary: 'Deletes a step' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) {
    return this.steps.removeStep(id, user);
  }
}

@ApiTags('work-cells')
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly steps: WorkStepsService) {}
  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Adds an organization to a work cell' })
  @ApiCreatedResponse({ type: PartnershipDto })
  create(@Body() dto: CreatePartnershipDto) {
    return this.steps.createPartnership(dto);
  }
  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Changes a partnership (network, sector, position)' })
  @ApiOkResponse({ type: PartnershipDto })
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdatePartnershipDto) {
    return this.steps.updatePartnership(id, dto);
  }
  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Removes an organization from a work cell' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Param('id', UuidParam) id: string) {
    return this.steps.removePartnership(id);
  }
}
