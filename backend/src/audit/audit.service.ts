import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, pageOf } from '@backend/common/pagination.dto';
import type { Role } from '@backend/users/role';
import { AuditActor, currentActor } from './audit-context';
import { AuditAction, AuditChanges } from './audit-diff';
import { planOfSql } from './audit-plan';
import { AuditQueryDto } from './dto/audit-query.dto';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  changes: AuditChanges;
  /** Who; by default the staff member of the current request. */
  actor?: AuditActor;
  /** The plan it belongs to; by default found from the record (or, once removed, from the plan or parent its changes name). */
  planId?: string | null;
}

export interface AuditEventView {
  id: string;
  at: Date;
  actor: { id: string | null; email: string; role: Role } | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  changes: AuditChanges;
}

/** Writes one audit event with `em`, i.e. in the transaction of the change it describes. */
export async function recordAudit(em: EntityManager, entry: AuditEntry): Promise<void> {
  const actor = entry.actor ?? currentActor();
  // Writes with no staff member behind them (workers, the demo seed, migrations) are not staff changes: not audited.
  if (!actor) return;
  const plan =
    entry.planId !== undefined ? { sql: '$8::uuid', params: [entry.planId] } : planOfSql(entry.entityType, '$6', entry.changes, 8);
  await em.query(
    `INSERT INTO audit_events (actor_id, actor_email, actor_role, action, entity_type, entity_id, changes, plan_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, ${plan.sql})`,
    [actor.id, actor.email, actor.role, entry.action, entry.entityType, entry.entityId, JSON.stringify(entry.changes), ...plan.params],
  );
}

/**
 * The audit trail: what staff changed, by whom, when, from what to what (API.md « History »); `planId` gives the events
 * of a plan and of all its parts (the plan page's history).
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  record(em: EntityManager, entry: AuditEntry): Promise<void> {
    return recordAudit(em, entry);
  }

  async list(q: AuditQueryDto): Promise<Page<AuditEventView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.entityType) add('entity_type = ?', q.entityType);
    if (q.entityId) add('entity_id = ?', q.entityId);
    if (q.planId) add('plan_id = ?', q.planId);
    if (q.actorId) add('actor_id = ?', q.actorId);
    if (q.from) add('at >= ?::timestamptz', q.from);
    if (q.to) add('at <= ?::timestamptz', q.to);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM audit_events ${filter}`, params);
    const rows = await this.db.query<
      (Omit<AuditEventView, 'actor'> & { actorId: string | null; actorEmail: string | null; actorRole: Role | null })[]
    >(
      `SELECT id, at, actor_id AS "actorId", actor_email AS "actorEmail", actor_role AS "actorRole", action,
              entity_type AS "entityType", entity_id AS "entityId", changes
         FROM audit_events ${filter}
        ORDER BY at DESC, seq DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, (q.page - 1) * q.limit],
    );
    const items = rows.map(({ actorId, actorEmail, actorRole, ...e }) => ({
      ...e,
      actor: actorEmail && actorRole ? { id: actorId, email: actorEmail, role: actorRole } : null,
    }));
    return pageOf(items, total, q);
  }
}
