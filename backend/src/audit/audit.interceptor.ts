import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { runAs } from './audit-context';

/**
 * Carries the signed-in staff member (set by the AuthGuard, which runs before interceptors) through the handler's
 * async calls, so the audit subscriber knows who made each write. The handler is subscribed to inside the context:
 * Nest calls it lazily, on subscription.
 */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) return next.handle();
    const actor = { id: user.id, email: user.email, role: user.role };
    return new Observable((subscriber) => runAs(actor, () => next.handle().subscribe(subscriber)));
  }
}
