import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { CreateOrganizationDto, OrganizationQueryDto, UpdateOrganizationDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get() list(@Query() q: OrganizationQueryDto, @CurrentUser() user: AuthUser) { return this.organizations.list(q, user); }
  @Get(':id') get(@Param('id', UuidParam) id: string) { return this.organizations.get(id); }

  @Post() @Roles(...PLAN_WRITERS)
  create(@Body() dto: CreateOrganizationDto) { return this.organizations.create(dto); }

  @Patch(':id') @Roles(...PLAN_WRITERS, 'partner')
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateOrganizationDto, @CurrentUser() user: AuthUser) {
    return this.organizations.update(id, dto, user);
  }

  @Delete(':id') @HttpCode(204) @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Archives the organization (hidden from the directory, kept where it is named, restorable by an admin)' })
  remove(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) { return this.organizations.archive(id, user); }

  @Post(':id/restore') @HttpCode(200) @Roles('admin')
  @ApiOperation({ summary: 'Brings an archived organization back (admins)' })
  restore(@Param('id', UuidParam) id: string) { return this.organizations.restore(id); }
}
