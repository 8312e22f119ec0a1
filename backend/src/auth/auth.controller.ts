import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '@backend/common/public-route';
import { UsersService } from '@backend/users/users.service';
import { AuthUser, CurrentUser, Public } from './auth.decorators';
import { AuthService, LoginThrottled } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';

/** A throttled attempt's 429 carries Retry-After, as the per-client limit's does. */
async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof LoginThrottled) void reply.header('Retry-After', String(err.retryAfterSeconds));
    throw err;
  }
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService, private readonly users: UsersService) {}

  @Public()
  @PublicRoute('login')
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange an email and password for a bearer token',
    description: 'Throttled per client (LOGIN_RATE_LIMIT) and per account (LOGIN_ACCOUNT_FAILURES): 429 with Retry-After. ' +
      'The answer\'s deviceToken, sent back with the next sign-in from the same client, keeps that client apart from strangers\' failures.',
  })
  login(@Body() dto: LoginDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return withRetryAfter(reply, () => this.auth.login(dto));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: AuthUser) {
    return this.users.get(user.id);
  }

  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change one\'s own password: every other session ends; the answer carries a new token' })
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return withRetryAfter(reply, () => this.auth.changePassword(user.id, dto));
  }
}
