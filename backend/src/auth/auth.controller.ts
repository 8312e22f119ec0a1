import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorBodyDto } from '@backend/common/error.response';
import { PublicRoute } from '@backend/common/public-route';
import { UserDto } from '@backend/users/dto/user.response';
import { UsersService } from '@backend/users/users.service';
import { AllowedBeforePasswordChange, AuthUser, CurrentUser, Public } from './auth.decorators';
import { AuthService, LoginThrottled } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { AcceptInvitationDto, InvitationDto, InvitationTokenParam } from './dto/invitation.dto';
import { LoginDto } from './dto/login.dto';
import { PasswordChangedDto, SessionDto } from './dto/session.response';

const THROTTLED = {
  status: 429,
  type: ErrorBodyDto,
  description: 'Too many attempts: wait Retry-After seconds',
  headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
} as const;

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
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @PublicRoute('login')
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange an email and password for a bearer token',
    description:
      'Throttled per client (LOGIN_RATE_LIMIT) and per account (LOGIN_ACCOUNT_FAILURES): 429 with Retry-After. ' +
      "The answer's deviceToken, sent back with the next sign-in from the same client, keeps that client apart from strangers' failures.",
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiResponse({ status: 401, type: ErrorBodyDto, description: 'Wrong email or password (invalid_credentials), with no hint of which' })
  @ApiResponse(THROTTLED)
  login(@Body() dto: LoginDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return withRetryAfter(reply, () => this.auth.login(dto));
  }

  @AllowedBeforePasswordChange()
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser) {
    return this.users.get(user.id);
  }

  @AllowedBeforePasswordChange()
  @Post('password')
  @HttpCode(200)
  @ApiOperation({ summary: "Change one's own password: every other session ends; the answer carries a new token" })
  @ApiOkResponse({ type: PasswordChangedDto })
  @ApiResponse(THROTTLED)
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return withRetryAfter(reply, () => this.auth.changePassword(user.id, dto));
  }

  @Public()
  @PublicRoute('login')
  @Get('invitations/:token')
  @ApiOperation({ summary: 'Whom an invitation link is for, while it works' })
  @ApiOkResponse({ type: InvitationDto })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'No such link, or replaced by a newer one (invitation_not_found)' })
  @ApiResponse({
    status: 410,
    type: ErrorBodyDto,
    description: 'Used (invitation_used), expired (invitation_expired), or the account is deactivated',
  })
  invitation(@Param('token', InvitationTokenParam) token: string) {
    return this.auth.invitation(token);
  }

  @Public()
  @PublicRoute('login')
  @Post('invitations/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose the password through an invitation link (single use): the answer signs the person in' })
  @ApiOkResponse({ type: PasswordChangedDto })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'No such link (invitation_not_found)' })
  @ApiResponse({ status: 410, type: ErrorBodyDto, description: 'Used, expired, or the account is deactivated' })
  acceptInvitation(@Param('token', InvitationTokenParam) token: string, @Body() dto: AcceptInvitationDto) {
    return this.auth.acceptInvitation(token, dto);
  }
}
