import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@backend/auth/auth.decorators';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { CreateUserDto, UpdateUserDto } from './dto/create-user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get() list(@Query() q: PageQueryDto) { return this.users.list(q); }
  @Get(':id') get(@Param('id', UuidParam) id: string) { return this.users.get(id); }
  @Post() create(@Body() dto: CreateUserDto) { return this.users.create(dto); }
  @Patch(':id') update(@Param('id', UuidParam) id: string, @Body() dto: UpdateUserDto) { return this.users.update(id, dto); }
  @Delete(':id') @HttpCode(204) remove(@Param('id', UuidParam) id: string) { return this.users.remove(id); }
}
