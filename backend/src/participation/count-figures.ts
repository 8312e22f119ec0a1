import type { AuthUser } from '@backend/auth/auth.decorators';
import { readsTrueFigures } from '@backend/disclosure/disclosure';
import { keyFromSum, mixKey, type PerturbationTable, protectCount } from '@backend/disclosure/cell-key';
import type { BreakdownCell } from './participation-count.entity';

/** A breakdown cell as a reader gets it: `count` null and `hidden` true when the disclosure layer hides it. */
export interface PublishedBreakdownCell {
  dimension: string;
  category: string;
  count: number | null;
  hidden: boolean;
}

/** An entry's figures as a reader gets them: as entered, or through the disclosure layer (`protectedFigures`). */
export interface CountFigures {
  total: number | null;
  totalHidden: boolean;
  breakdown: PublishedBreakdownCell[];
}

/**
 * Who reads an entry's true figures: evaluators and admins (who read the raw rows anyway), and a partner reading an
 * entry its own organization recorded (they typed it). The committee, and a partner reading another organization's
 * entry, read them through the disclosure layer, as the indicators built on them publish them.
 */
export function readsTrueCounts(user: AuthUser, entryOrganizationId: string | null): boolean {
  if (readsTrueFigures(user.role)) return true;
  return user.role === 'partner' && !!user.organizationId && entryOrganizationId === user.organizationId;
}

/** The figures as entered. */
export function trueFigures(total: number, breakdown: readonly BreakdownCell[]): CountFigures {
  return {
    total,
    totalHidden: false,
    breakdown: breakdown.map((c) => ({ dimension: c.dimension, category: c.category, count: c.count, hidden: false })),
  };
}

/**
 * The figures through the cell-key method (disclosure/cell-key.ts), with the keys the indicator figures give the
 * same entry (aggregation/source-queries.ts participationMonths): the total at the entry's record key, each category at
 * `mixKey(record key, "<dimension>|<category>")`. An entry alone in a month's cell is published the same here and
 * there, and the same on every read (its record key never changes): asking again gives nothing new. A count from 1 to
 * k − 1 is hidden (null); zeros stay zeros; the others move by at most ±D and never under k.
 */
export function protectedFigures(
  total: number,
  breakdown: readonly BreakdownCell[],
  recordKey: number,
  table: PerturbationTable,
): CountFigures {
  const key = keyFromSum(recordKey);
  const published = protectCount(total, key, table);
  return {
    total: published.value,
    totalHidden: published.hidden,
    breakdown: breakdown.map((c) => {
      const cell = protectCount(c.count, mixKey(key, `${c.dimension}|${c.category}`), table);
      return { dimension: c.dimension, category: c.category, count: cell.value, hidden: cell.hidden };
    }),
  };
}
