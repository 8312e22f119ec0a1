import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordKey } from '@backend/disclosure/cell-key';
import { BreakdownCell, ParticipationCount } from '@backend/participation/participation-count.entity';
import { DEMO_KEYS } from './demo-questionnaire';
import { stableUuid } from './demo-rng';

export interface DemoCount {
  date: string;
  total: number;
  breakdown: BreakdownCell[];
}

/**
 * Writes counts on an instrument as a partner's entry would, with fixed idempotency and record keys (8 hex digits,
 * then the count's number): the same published figures on every machine (demo-questionnaire.ts).
 */
export async function writeDemoCounts(
  em: EntityManager,
  target: { instrumentId: string; organizationId: string | null; activity: string },
  counts: readonly DemoCount[],
  keys: { idempotencyPrefix: string; recordKey: (n: number) => string },
): Promise<ParticipationCount[]> {
  return em.save(
    counts.map((c, n) =>
      em.create(ParticipationCount, {
        ...c,
        ...target,
        idempotencyKey: stableUuid(keys.idempotencyPrefix, n),
        bodyHash: createHash('sha256').update(JSON.stringify(c)).digest('hex'),
        recordedBy: null,
        recordKey: recordKey(DEMO_KEYS, keys.recordKey(n)) | 0,
      }),
    ),
  );
}
