import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@backend/users/role';

/** The staff member a request acts for: who an audit event names. */
export interface AuditActor {
  id: string;
  email: string;
  role: Role;
}

const storage = new AsyncLocalStorage<AuditActor>();

/** Runs `fn` (and everything it awaits) on behalf of `actor`. */
export function runAs<T>(actor: AuditActor, fn: () => T): T {
  return storage.run(actor, fn);
}

/** The acting staff member, or undefined outside a signed-in request (workers, demo seed, migrations, residents). */
export function currentActor(): AuditActor | undefined {
  return storage.getStore();
}
