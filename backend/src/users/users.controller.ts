import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { CreateUserDto, ResetUserDto, UpdateUserDto } from './dto/create-user.dto';
import { UserDto, UserPageDto, UserWithCredentialsDto } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Staff accounts (admins)' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() q: PageQueryDto) {
    return this.users.list(q);
  }
  @Get(':id')
  @ApiOperation({ summary: 'A staff account (admins)' })
  @ApiOkResponse({ type: UserDto })
  get(@Param('id', UuidParam) id: string) {
    return this.users.get(id);
  }
  @Post()
  @ApiOperation({
    summary: 'Creates a staff account (admins)',
    description:
      'With a password, an invitation link (`credentials: invitation`, the answer carries its token once) or a temporary ' +
      'password to change at first sign-in (`credentials: temporary_password`, in the answer once)',
  })
  @ApiCreatedResponse({ type: UserWithCredentialsDto })
  @ApiErrorResponse(409, 'The email is taken (already_exists)')
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }
  @Patch(':id')
  @ApiOperation({ summary: "Changes an account; a new password, role or organization ends the user's sessions" })
  @ApiOkResponse({ type: UserDto })
  @ApiErrorResponse(409, 'The email is taken, or the change would leave no active admin (last_admin)')
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(id, dto);
  }
  @Post(':id/reset')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new invitation link or temporary password for an account (admins): its sessions end, earlier links die',
  })
  @ApiOkResponse({ type: UserWithCredentialsDto })
  @ApiErrorResponse(409, 'The account is deactivated (account_deactivated)')
  reset(@Param('id', UuidParam) id: string, @Body() dto: ResetUserDto) {
    return this.users.reset(id, dto);
  }
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes an account (never the last admin)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponse(409, 'The last admin')
  remove(@Param('id', UuidParam) id: string) {
    return this.users.remove(id);
  }
}
