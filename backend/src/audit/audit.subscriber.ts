import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityMetadata, EntitySubscriberInterface, InsertEvent, ObjectLiteral, RemoveEvent, UpdateEvent } from 'typeorm';
import { currentActor } from './audit-context';
import { AuditChanges, auditedField, auditValue, diff, updateAction } from './audit-diff';
import { recordAudit } from './audit.service';

/**
 * The staff-written tables, by the entity type their events carry, with the fields that stay out of the trail
 * (derived, computed or bulky; secrets are always left out, audit-diff.ts). Not here, so never audited through
 * the subscriber: residents' responses and anything holding answers, computed caches (indicator values, months,
 * computations), reports' files, import chunks, and the histories that are themselves records of changes.
 */
const AUDITED: Record<string, { type: string; exclude?: string[] }> = {
  organizations: { type: 'organization', exclude: ['nameKey'] },
  users: { type: 'user' },
  plans: { type: 'plan' },
  orientations: { type: 'orientation' },
  objectives: { type: 'objective' },
  actions: { type: 'action' },
  expected_results: { type: 'expected_result' },
  indicators: { type: 'indicator' },
  instruments: { type: 'instrument' },
  indicator_manual_values: { type: 'manual_value' },
  participation_counts: { type: 'participation_count' },
  questionnaires: { type: 'questionnaire' },
  questionnaire_versions: { type: 'questionnaire_version' },
  evaluations: { type: 'evaluation', exclude: ['snapshot'] },
  evaluation_assessments: { type: 'assessment' },
  work_cells: { type: 'work_cell' },
  work_steps: { type: 'work_step' },
  partnerships: { type: 'partnership' },
  evidence_files: { type: 'evidence', exclude: ['sha256', 'storage', 'storageKey'] },
  imports: { type: 'import', exclude: ['preview', 'problems', 'problemCount', 'progress', 'result', 'error', 'generation', 'size'] },
};

export const AUDITED_ENTITY_TYPES = Object.values(AUDITED).map((a) => a.type);

/**
 * Writes an audit event for every insert, update and removal TypeORM makes of an audited entity during a staff
 * request, with the event's own manager: in the transaction of the change, so a change rolled back leaves no event.
 * Updates are diffed from the row as loaded before the save. What goes around it (raw SQL, `em.update`) is audited
 * where it is written, with `AuditService.record`.
 */
@Injectable()
export class AuditSubscriber implements EntitySubscriberInterface {
  constructor(@InjectDataSource() db: DataSource) {
    db.subscribers.push(this);
  }

  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    const audited = this.audited(event.metadata);
    if (!audited || !event.entity) return;
    const id = this.idOf(event.metadata, event.entity);
    if (!id) return;
    const changes: AuditChanges = {};
    for (const [field, value] of this.values(event.metadata, event.entity, audited.exclude)) {
      if (value !== null && value !== undefined) changes[field] = { from: null, to: auditValue(value) };
    }
    await recordAudit(event.manager, { action: 'create', entityType: audited.type, entityId: id, changes });
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    const audited = this.audited(event.metadata);
    // A query-builder update (em.update) has no row before it: audited where it is made.
    if (!audited || !event.entity || !event.databaseEntity) return;
    const id = this.idOf(event.metadata, event.databaseEntity);
    if (!id) return;
    const before = Object.fromEntries(this.values(event.metadata, event.databaseEntity, audited.exclude));
    const after = Object.fromEntries(this.values(event.metadata, event.entity as ObjectLiteral, audited.exclude));
    const changes = diff(before, after, Object.keys(after));
    if (Object.keys(changes).length === 0) return;
    await recordAudit(event.manager, { action: updateAction(changes), entityType: audited.type, entityId: id, changes });
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const audited = this.audited(event.metadata);
    const row = event.databaseEntity ?? event.entity;
    if (!audited || !row) return;
    const id =
      this.idOf(event.metadata, row) ??
      (typeof event.entityId === 'string' ? event.entityId : (event.entityId as { id?: string } | undefined)?.id);
    if (!id) return;
    const changes: AuditChanges = {};
    for (const [field, value] of this.values(event.metadata, row, audited.exclude)) {
      if (value !== null && value !== undefined) changes[field] = { from: auditValue(value), to: null };
    }
    await recordAudit(event.manager, { action: 'delete', entityType: audited.type, entityId: id, changes });
  }

  private audited(metadata: EntityMetadata | undefined) {
    if (!metadata || !currentActor()) return undefined;
    return AUDITED[metadata.tableName];
  }

  private idOf(metadata: EntityMetadata, row: ObjectLiteral): string | undefined {
    const id: unknown = metadata.primaryColumns[0]?.getEntityValue(row);
    return typeof id === 'string' ? id : undefined;
  }

  /** The row's audited columns that it holds, by property name. */
  private *values(metadata: EntityMetadata, row: ObjectLiteral, exclude: readonly string[] = []): Iterable<[string, unknown]> {
    for (const column of metadata.columns) {
      if (column.isVirtual) continue; // a relation's join column with no property of its own
      const field = column.propertyPath;
      if (!auditedField(field, exclude)) continue;
      const value: unknown = column.getEntityValue(row);
      if (value === undefined) continue;
      yield [field, value];
    }
  }
}
