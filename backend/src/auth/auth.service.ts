import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiError } from '@backend/common/errors';
import { verifyPassword } from '@backend/users/password';
import { UsersService } from '@backend/users/users.service';
import { AuthGuard } from './auth.guard';
import { ChangePasswordDto } from './dto/change-password.dto';
import { AcceptInvitationDto } from './dto/invitation.dto';
import { LoginDto } from './dto/login.dto';
import { LoginAttempt, LoginThrottle } from './login-throttle';

/** How long a client is remembered as one the account has signed in on (the throttle's device token). */
const DEVICE_TOKEN_LIFETIME = '180d';

interface DeviceTokenPayload {
  typ: 'device';
  /** The account's key (LoginThrottle.accountKey): a device token is worth something for one account only. */
  acct: string;
  dev: string;
}

/** A throttled attempt: 429 with the wait, in seconds, for the Retry-After header. */
export class LoginThrottled extends ApiError {
  constructor(
    readonly retryAfterSeconds: number,
    what: string,
  ) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'too_many_requests',
      `Too many failed ${what} for this account. Try again in ${retryAfterSeconds} seconds.`,
    );
  }
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(dto: LoginDto) {
    const account = LoginThrottle.accountKey(dto.email);
    const attempt: LoginAttempt = { account: dto.email, device: await this.deviceOf(dto.deviceToken, account) };
    // Before the hash: a throttled guess costs a Redis call, not an argon2 verification.
    const wait = await this.throttle.reserve(attempt);
    if (wait !== null) throw new LoginThrottled(wait, 'sign-in attempts');
    const found = await this.users.findWithHash(dto.email);
    if (!(await verifyPassword(found?.passwordHash ?? null, dto.password)) || !found) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_credentials', 'Email or password is incorrect.');
    }
    if (!found.active)
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'account_deactivated', 'This account is deactivated: ask an administrator.');
    await this.throttle.succeeded(attempt);
    const user = this.users.toView(found);
    const accessToken = await this.jwt.signAsync(AuthGuard.tokenPayload(user, found.tokenVersion));
    const deviceToken =
      attempt.device && dto.deviceToken
        ? dto.deviceToken
        : await this.jwt.signAsync({ typ: 'device', acct: account, dev: randomUUID() } satisfies DeviceTokenPayload, {
            expiresIn: DEVICE_TOKEN_LIFETIME,
          });
    return { accessToken, user, deviceToken };
  }

  /**
   * One's own password change: the current password (throttled like a sign-in, so a session left open does not
   * let anyone guess it at leisure), the new one under the policy; every session opened before ends, and the
   * answer carries this client's new one.
   */
  async changePassword(userId: string, dto: ChangePasswordDto) {
    const attempt: LoginAttempt = { account: `password-change:${userId}`, device: null };
    const wait = await this.throttle.reserve(attempt);
    if (wait !== null) throw new LoginThrottled(wait, 'password confirmations');
    let changed;
    try {
      changed = await this.users.changeOwnPassword(userId, dto.currentPassword, dto.newPassword);
    } catch (err) {
      // Only a wrong current password counts as a guess; a new password the policy refuses does not.
      const code = err instanceof ApiError ? (err.getResponse() as { code?: string }).code : null;
      if (code !== 'current_password_wrong') await this.throttle.succeeded(attempt);
      throw err;
    }
    await this.throttle.succeeded(attempt);
    const user = this.users.toView(changed);
    return { accessToken: await this.jwt.signAsync(AuthGuard.tokenPayload(user, changed.tokenVersion)), user };
  }

  /** Whom an invitation link is for (404 unknown, 410 used, expired or account deactivated). */
  async invitation(token: string) {
    const { email, displayName, role, expiresAt } = await this.users.invitation(token);
    return { email, displayName, role, expiresAt };
  }

  /** The person chooses their password through the link and is signed in with it. */
  async acceptInvitation(token: string, dto: AcceptInvitationDto) {
    const changed = await this.users.acceptInvitation(token, dto.password);
    const user = this.users.toView(changed);
    return { accessToken: await this.jwt.signAsync(AuthGuard.tokenPayload(user, changed.tokenVersion)), user };
  }

  /** The device id in a valid device token for this account, else null (absent, forged, expired, another account's). */
  private async deviceOf(token: string | undefined, account: string): Promise<string | null> {
    if (!token) return null;
    try {
      const payload = await this.jwt.verifyAsync<DeviceTokenPayload>(token);
      return payload.typ === 'device' && payload.acct === account && typeof payload.dev === 'string' ? payload.dev : null;
    } catch {
      return null;
    }
  }
}
