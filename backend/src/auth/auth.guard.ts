import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiError } from '@backend/common/errors';
import type { Role } from '@backend/users/role';
import { User } from '@backend/users/user.entity';
import { AuthUser, BEFORE_PASSWORD_CHANGE, IS_PUBLIC, ROLES_KEY } from './auth.decorators';

interface TokenPayload {
  sub: string;
  email: string;
  role: Role;
  org: string | null;
  /** The user's token version when the token was issued; absent from tokens issued before there was one (0). */
  ver?: number;
  /** Set on the tokens that are not session tokens (the sign-in device token): never accepted here. */
  typ?: string;
}

/** Registered globally: every route needs a valid bearer token unless marked @Public(), and the right role. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const token = /^Bearer ([A-Za-z0-9_.-]+)$/i.exec(request.headers.authorization?.trim() ?? '')?.[1];
    if (!token) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'A valid bearer token is required.');
    }
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'The token is invalid or has expired.');
    }
    // The token says who; the database says what they may do now, so a demoted or removed user loses
    // their rights at once rather than when the token expires.
    // The same row says whether the token is still valid: a change of password, role or organization raises the
    // user's token version, which revokes every token signed with an older one. The guard reads the user on every
    // request anyway (one primary-key lookup), so the revocation costs no extra query and no cache can lag behind.
    if (typeof payload.sub !== 'string' || payload.typ !== undefined) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'The token is invalid or has expired.');
    }
    const user = await this.users.findOneBy({ id: payload.sub });
    // Deactivation raises the version too; said first, so the person learns why rather than « sign in again ».
    if (user && !user.active) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'account_deactivated', 'This account is deactivated: ask an administrator.');
    }
    if (user && (payload.ver ?? 0) !== user.tokenVersion) {
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'session_revoked',
        'This session has ended (the password or the role changed): sign in again.',
      );
    }
    if (!user) throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'The token is invalid or has expired.');
    request.user = { id: user.id, email: user.email, role: user.role, organizationId: user.organizationId };
    // A temporary password was known to the admin who gave it: enforced here, not only by the web app, so no
    // client (a script, an old tab) can work under it.
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE, targets)) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'password_change_required',
        'This account signed in with a temporary password: change it (POST /api/auth/password) before anything else.',
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', `The ${user.role} role may not do this.`);
    }
    return true;
  }

  static tokenPayload(user: AuthUser, tokenVersion: number): TokenPayload {
    return { sub: user.id, email: user.email, role: user.role, org: user.organizationId, ver: tokenVersion };
  }
}
