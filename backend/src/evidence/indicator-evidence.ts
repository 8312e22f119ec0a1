import type { EntityManager } from 'typeorm';
import type { EvidenceItem, EvidenceMediaType, EvidenceOwnerKind } from '@repere/contract';
import { notFound } from '@backend/common/errors';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * The records whose files stand behind an indicator's figure, one SELECT per kind of owner: its manual values; the
 * follow-up means it is fed by (indicator_instruments) — a document instrument's minutes are evidence themselves —
 * and their participation counts; the action it measures; and, for an indicator of a work cell's steps
 * (`source.workCellId`), those steps. Read from the JSON so that it holds for any kind that names a work cell.
 */
const OWNERS_SQL = `
  SELECT v.indicator_id, 'manual_value' AS owner_kind, v.id AS owner_id
    FROM indicator_manual_values v WHERE v.indicator_id = ANY($1)
  UNION ALL
  SELECT ii.indicator_id, 'instrument', ii.instrument_id
    FROM indicator_instruments ii WHERE ii.indicator_id = ANY($1)
  UNION ALL
  SELECT ii.indicator_id, 'participation_count', c.id
    FROM indicator_instruments ii JOIN participation_counts c ON c.instrument_id = ii.instrument_id
   WHERE ii.indicator_id = ANY($1)
  UNION ALL
  SELECT i.id, 'action', i.action_id FROM indicators i WHERE i.id = ANY($1) AND i.action_id IS NOT NULL
  UNION ALL
  SELECT i.id, 'work_step', s.id
    FROM indicators i JOIN work_steps s ON s.work_cell_id::text = i.source->>'workCellId'
   WHERE i.id = ANY($1) AND i.source ? 'workCellId'`;

/**
 * The files that existed at the instant: added by then and not removed (archived) by then. A file removed since is
 * still listed (an evaluation frozen before the removal names it, and its bytes stay downloadable).
 */
const EVIDENCE_SQL = `
  WITH owners AS (${OWNERS_SQL})
  SELECT o.indicator_id, f.id, f.title, f.date::text AS date, f.media_type, f.owner_kind
    FROM owners o
    JOIN evidence_files f ON f.owner_kind = o.owner_kind AND f.owner_id = o.owner_id
   WHERE f.created_at <= $2 AND (f.archived_at IS NULL OR f.archived_at > $2)
   ORDER BY o.indicator_id, f.date, f.created_at, f.id`;

interface EvidenceRow {
  indicator_id: string;
  id: string;
  title: string;
  date: string;
  media_type: EvidenceMediaType;
  owner_kind: EvidenceOwnerKind;
}

/**
 * Per indicator, the evidence behind its figure as it stood at `at`, by date (then as added). Every indicator asked
 * for has an entry, empty when nothing supports it. One query for all of them.
 */
export async function indicatorEvidence(db: Queryable, indicatorIds: readonly string[], at: Date): Promise<Map<string, EvidenceItem[]>> {
  const byIndicator = new Map<string, EvidenceItem[]>(indicatorIds.map((id) => [id, []]));
  if (indicatorIds.length === 0) return byIndicator;
  const rows = await db.query<EvidenceRow[]>(EVIDENCE_SQL, [indicatorIds, at]);
  for (const row of rows) byIndicator.get(row.indicator_id)?.push(evidenceItem(row));
  return byIndicator;
}

/** One indicator's evidence at `at`; 404 when there is no such indicator (an archived one is still read). */
export async function evidenceOfIndicator(db: Queryable, id: string, at: Date): Promise<EvidenceItem[]> {
  const [known] = await db.query<unknown[]>('SELECT 1 FROM indicators WHERE id = $1', [id]);
  if (!known) throw notFound('Indicator', id);
  return (await indicatorEvidence(db, [id], at)).get(id) ?? [];
}

/**
 * The instant an evaluation's cut-off stands for: the end of its day in the plan's zone (what was added that day
 * counts, as its data does), or now when the freeze runs on that very day (a file removed an hour ago is gone).
 */
export async function cutoffInstant(db: Queryable, cutoff: string, timeZone: string): Promise<Date> {
  const rows = await db.query<{ at: Date }[]>(`SELECT least(now(), (($1::date + 1)::timestamp AT TIME ZONE $2)) AS at`, [cutoff, timeZone]);
  return rows[0].at;
}

function evidenceItem(row: Omit<EvidenceRow, 'indicator_id'>): EvidenceItem {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    mediaType: row.media_type,
    ownerKind: row.owner_kind,
    url: `/api/evidence/${row.id}/file`,
  };
}
