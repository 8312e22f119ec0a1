import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { invalidField, notFound } from './errors';

/** Loads a row by id or answers 404: for the id in the path. */
export async function findOr404<T extends ObjectLiteral & { id: string }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  what: string,
): Promise<T> {
  const row = await em.findOneBy(entity, { id } as FindOptionsWhere<T>);
  if (!row) throw notFound(what, id);
  return row;
}

/** Loads a row a body field points to, or answers 400 naming that field: for ids in the body. */
export async function findReferenced<T extends ObjectLiteral & { id: string }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  field: string,
): Promise<T> {
  const row = await em.findOneBy(entity, { id } as FindOptionsWhere<T>);
  if (!row) throw invalidField(field, `no such record (${id})`);
  return row;
}

/** Same, and the row must belong to the given plan: a link across plans is refused. */
export async function findInPlan<T extends ObjectLiteral & { id: string; planId: string }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  planId: string,
  field: string,
): Promise<T> {
  const row = await findReferenced(em, entity, id, field);
  if (row.planId !== planId) throw invalidField(field, 'belongs to another plan');
  return row;
}

/** One page of a plan's parts (orientations, objectives…), optionally of one plan, in their order. */
export async function listPlanParts<T extends ObjectLiteral & { planId: string; position: number }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  q: { planId?: string; page: number; limit: number },
  where: FindOptionsWhere<T> = {},
): Promise<{ items: T[]; total: number; page: number; limit: number }> {
  const [items, total] = await em.findAndCount(entity, {
    where: { ...where, ...(q.planId ? { planId: q.planId } : {}) } as FindOptionsWhere<T>,
    order: { planId: 'ASC', position: 'ASC', id: 'ASC' } as never,
    skip: (q.page - 1) * q.limit,
    take: q.limit,
  });
  return { items, total, page: q.page, limit: q.limit };
}
