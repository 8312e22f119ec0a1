/** What an audit event says changed: each field's value before and after. */
export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

export type AuditAction = 'create' | 'update' | 'archive' | 'restore' | 'delete';

/** Fields no audit event ever holds: secrets, and bookkeeping that says nothing about the change. */
const SECRET = /password|secret|token|hash|idempotency|recordkey/i;
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);

export function auditedField(name: string, excluded: readonly string[] = []): boolean {
  return !SECRET.test(name) && !BOOKKEEPING.has(name) && !excluded.includes(name);
}

/** A value as JSON keeps it: dates as ISO strings, undefined as null. */
export function auditValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (Buffer.isBuffer(v)) return null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/** JSON with object keys sorted: jsonb does not keep the order keys were written in. */
function stable(v: unknown): string {
  return JSON.stringify(auditValue(v), (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

function same(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

/** The fields whose value differs between `before` and `after` (both plain records keyed by field name). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): AuditChanges {
  const changes: AuditChanges = {};
  for (const f of fields) {
    if (!(f in after) && !(f in before)) continue;
    if (!(f in after)) continue; // not part of what was written
    if (!same(before[f], after[f])) changes[f] = { from: auditValue(before[f]), to: auditValue(after[f]) };
  }
  return changes;
}

const ARCHIVE_FIELDS = ['archivedAt', 'archivedBy'];

/** An update that only sets or clears `archivedAt` (and who archived it) is an archive or a restore. */
export function updateAction(changes: AuditChanges): AuditAction {
  const keys = Object.keys(changes);
  if (changes.archivedAt && keys.every((k) => ARCHIVE_FIELDS.includes(k))) return changes.archivedAt.to === null ? 'restore' : 'archive';
  return 'update';
}

/** A new record's fields, as an audit event's changes (from nothing to each value). */
export function auditCreated(fields: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [f, v] of Object.entries(fields))
    if (v !== null && v !== undefined && auditedField(f)) changes[f] = { from: null, to: auditValue(v) };
  return changes;
}
