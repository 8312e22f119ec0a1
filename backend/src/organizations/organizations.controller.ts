import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { PlanPageDto } from '@backend/plans/dto/plan.response';
import { CreateOrganizationDto, OrganizationQueryDto, UpdateOrganizationDto } from './dto/organization.dto';
import { OrganizationDto, OrganizationPageDto } from './dto/organization.response';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: 'The directory of organizations; archived ones hidden unless ?archived=true (admins, evaluators)' })
  @ApiOkResponse({ type: OrganizationPageDto })
  @ApiErrorResponse(403, '?archived=true by a role that may not list archived organizations')
  list(@Query() q: OrganizationQueryDto, @CurrentUser() user: AuthUser) {
    return this.organizations.list(q, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An organization, archived or not' })
  @ApiOkResponse({ type: OrganizationDto })
  get(@Param('id', UuidParam) id: string) {
    return this.organizations.get(id);
  }

  @Get(':id/plans')
  @ApiOperation({
    summary: 'The plans the organization takes part in (owner, or partner in one of their work cells): those its partners count for',
  })
  @ApiOkResponse({ type: PlanPageDto })
  plans(@Param('id', UuidParam) id: string, @Query() q: PageQueryDto) {
    return this.organizations.plans(id, q);
  }

  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Adds an organization to the directory' })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiErrorResponse(409, 'An organization of the same name exists (already_exists)')
  create(@Body() dto: CreateOrganizationDto) {
    return this.organizations.create(dto);
  }

  @Patch(':id')
  @Roles(...PLAN_WRITERS, 'partner')
  @ApiOperation({ summary: 'Changes an organization (a partner: its own)' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiErrorResponse(409, 'An organization of the same name exists (already_exists)')
  @ApiErrorResponse(410, 'The organization is archived: an admin restores it first')
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateOrganizationDto, @CurrentUser() user: AuthUser) {
    return this.organizations.update(id, dto, user);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Archives the organization (hidden from the directory, kept where it is named, restorable by an admin)' })
  @ApiNoContentResponse({ description: 'Archived' })
  remove(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) {
    return this.organizations.archive(id, user);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Brings an archived organization back (admins)' })
  @ApiOkResponse({ type: OrganizationDto })
  restore(@Param('id', UuidParam) id: string) {
    return this.organizations.restore(id);
  }
}
