import type { EntityManager } from 'typeorm';
import { invalidField } from '@backend/common/errors';

/**
 * Today in the time zone of the plan a work cell serves (`fallbackZone` for a cell tied to no plan): the day a step
 * ticked now was done, as the plan's figures count days.
 */
export async function todayOfCell(em: EntityManager, workCellId: string, fallbackZone: string): Promise<string> {
  const [row]: { today: string }[] = await em.query(
    `SELECT to_char(now() AT TIME ZONE coalesce(
              (SELECT p.time_zone FROM work_cells c JOIN objectives o ON o.id = c.objective_id JOIN plans p ON p.id = o.plan_id
                WHERE c.id = $1), $2), 'YYYY-MM-DD') AS today`,
    [workCellId, fallbackZone],
  );
  return row.today;
}

/**
 * A step's `doneOn` once a change is applied: set to today when it is ticked, kept while it stays done, cleared when it
 * is unticked; a day given (`asked`) replaces it, for a done step only and never after today (a step is not done
 * ahead of time: the figures as of today would count it).
 */
export function doneOnAfter(
  before: { done: boolean; doneOn: string | null },
  change: { done?: boolean; doneOn?: string | null },
  today: string,
): string | null {
  const done = change.done ?? before.done;
  if (!done) {
    if (change.doneOn) throw invalidField('doneOn', 'only a done step has a day it was done');
    return null;
  }
  if (change.doneOn) {
    if (change.doneOn > today) throw invalidField('doneOn', `is after today (${today})`);
    return change.doneOn;
  }
  return before.done && before.doneOn ? before.doneOn : today;
}
