import { HttpStatus } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { EntityManager, EntityTarget, FindOperator, IsNull, Not } from 'typeorm';
import { ARCHIVE_READERS } from '@repere/contract';
import type { AuthUser } from '@backend/auth/auth.decorators';
import type { ArchivableEntity } from './archivable.entity';
import { ApiError, notFound } from './errors';

/** `?archived=true`: the archived rows only (admins and evaluators); without it, lists hide them. */
export class ArchivedQuery {
  @ApiPropertyOptional({ description: 'true: the archived rows only (admins and evaluators); lists hide them otherwise' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  archived?: boolean;
}

/** The `archived_at` condition of a list, after checking the caller may ask for archived rows. */
export function archivedWhere(q: { archived?: boolean }, user?: Pick<AuthUser, 'role'>): FindOperator<Date> {
  if (q.archived && user && !ARCHIVE_READERS.includes(user.role)) {
    throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'Only admins and evaluators may list archived records.');
  }
  return (q.archived ? Not(IsNull()) : IsNull()) as FindOperator<Date>;
}

/** The same as SQL, for query builders: `alias.archived_at IS [NOT] NULL`. */
export function archivedSql(alias: string, q: { archived?: boolean }, user?: Pick<AuthUser, 'role'>): string {
  archivedWhere(q, user);
  return `${alias}.archived_at IS ${q.archived ? 'NOT ' : ''}NULL`;
}

/** 410 Gone for a write to an archived row. */
export function refuseIfArchived(row: Pick<ArchivableEntity, 'archivedAt'> & { id: string }, what: string): void {
  if (row.archivedAt) {
    throw new ApiError(HttpStatus.GONE, 'archived', `${what} ${row.id} is archived: an admin must restore it before it can be changed.`);
  }
}

/**
 * Archives one row: an UPDATE of archived_at / archived_by through save() in one transaction (the audit trail records
 * it as « archive »). Archiving an archived row changes nothing. Nothing else is touched: what used it keeps it.
 */
export async function archiveRow<T extends ArchivableEntity>(
  em: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  what: string,
  user: Pick<AuthUser, 'id'>,
): Promise<void> {
  await em.transaction(async (tx) => {
    const row = await tx.findOne(entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound(what, id);
    if (row.archivedAt) return;
    row.archivedAt = new Date();
    row.archivedBy = user.id;
    await tx.save(entity, row);
  });
}

/** Brings an archived row back (admins): the UPDATE the audit trail records as « restore ». */
export async function restoreRow<T extends ArchivableEntity>(
  em: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  what: string,
): Promise<void> {
  await em.transaction(async (tx) => {
    const row = await tx.findOne(entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound(what, id);
    if (!row.archivedAt) return;
    row.archivedAt = null;
    row.archivedBy = null;
    await tx.save(entity, row);
  });
}

/**
 * Orientations and objectives are deleted for good (they hold no history of their own), but not while indicators hang
 * under them: that delete would cascade to the indicators, their manual values and their figures. 409 naming them.
 */
export async function refuseIfHoldsIndicators(em: EntityManager, part: 'orientation' | 'objective', id: string): Promise<void> {
  const sql =
    part === 'orientation'
      ? `SELECT i.name AS title FROM indicators i JOIN objectives o ON o.id = i.objective_id WHERE o.orientation_id = $1 ORDER BY i.name`
      : `WITH RECURSIVE sub AS (SELECT id FROM objectives WHERE id = $1 UNION SELECT o.id FROM objectives o JOIN sub ON o.parent_id = sub.id)
       SELECT i.name AS title FROM indicators i WHERE i.objective_id IN (SELECT id FROM sub) ORDER BY i.name`;
  const rows = await em.query<{ title: string }[]>(sql, [id]);
  if (rows.length === 0) return;
  const names =
    rows
      .slice(0, 5)
      .map((r) => `« ${r.title} »`)
      .join(', ') + (rows.length > 5 ? ` and ${rows.length - 5} more` : '');
  throw new ApiError(
    HttpStatus.CONFLICT,
    'has_indicators',
    `This ${part} holds ${rows.length} indicator(s) (archived ones included): ${names}. Deleting it would delete them with their history; move them to another objective, or archive the plan.`,
  );
}
