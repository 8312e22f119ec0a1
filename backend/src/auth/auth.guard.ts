import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ApiError } from '@backend/common/errors';
import type { Role } from '@backend/users/role';
import { AuthUser, IS_PUBLIC, ROLES_KEY } from './auth.decorators';

interface TokenPayload {
  sub: string;
  email: string;
  role: Role;
  org: string | null;
}

/** Registered globally: every route needs a valid bearer token unless marked @Public(), and the right role. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly jwt: JwtService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'A valid bearer token is required.');
    }
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'The token is invalid or has expired.');
    }
    request.user = { id: payload.sub, email: payload.email, role: payload.role, organizationId: payload.org };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(payload.role)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', `The ${payload.role} role may not do this.`);
    }
    return true;
  }

  static tokenPayload(user: AuthUser): TokenPayload {
    return { sub: user.id, email: user.email, role: user.role, org: user.organizationId };
  }
}
