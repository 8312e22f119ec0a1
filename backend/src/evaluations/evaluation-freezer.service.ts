import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { appConfig } from '@backend/config/configuration';
import type { Objective } from '@backend/plans/objective.entity';
import { dataPeriodOf } from '@backend/plans/plan.entity';
import { indicatorsOf, type EvaluationSnapshot, type ObjectiveSnapshot } from './evaluation-snapshot';
import { EvaluationsRepository } from './evaluations.repository';
import { indicatorSnapshot } from './snapshot-builder';

export type FreezeOutcome = 'frozen' | 'already_frozen' | 'missing';

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/**
 * Freezes an evaluation: the plan's tree and every indicator's values at the cut-off, stored once. The workers run it
 * (the freeze job, and the recovery of evaluations whose job was never queued); nothing here runs in a request. The
 * rules (when a freeze stores, what a snapshot holds and in which order) are here; the SQL is EvaluationsRepository's.
 */
@Injectable()
export class EvaluationFreezerService {
  private readonly logger = new Logger(EvaluationFreezerService.name);

  constructor(
    private readonly repository: EvaluationsRepository,
    private readonly aggregation: AggregationService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /**
   * Idempotent, and all or nothing: the snapshot is built outside any write, then stored with the state in one
   * transaction that first locks the row and checks it is still freezing. A second run (a retried or duplicated job)
   * finds it open and leaves it; a process killed before the commit leaves it freezing, for the recovery to pick up.
   */
  async freeze(evaluationId: string): Promise<FreezeOutcome> {
    const evaluation = await this.repository.toFreeze(evaluationId);
    if (!evaluation) return 'missing';
    if (evaluation.state !== 'freezing') return 'already_frozen';
    const snapshot = await this.buildSnapshot(evaluation.planId, evaluation.cutoff);
    if (!snapshot) return 'missing';
    return this.repository.transaction(async (tx) => {
      const state = await tx.lockState(evaluationId);
      if (!state) return 'missing';
      if (state !== 'freezing') return 'already_frozen';
      await tx.storeSnapshot(evaluationId, snapshot);
      const indicators = indicatorsOf(snapshot).length;
      await tx.recordEvent(evaluationId, null, 'frozen', { cutoff: evaluation.cutoff, indicators });
      this.logger.log(`evaluation ${evaluationId} frozen at ${evaluation.cutoff} (${indicators} indicators)`);
      return 'frozen';
    });
  }

  /**
   * Evaluations still waiting for their snapshot, oldest first: what the workers' recovery freezes. Only those opened
   * longer ago than the grace period (FREEZE_RECOVERY_GRACE_SECONDS): a younger one's freeze job is normally under
   * way, in this process or another, and every workers process freezing it too would only race it (freeze is
   * idempotent, but the caller who opened it would see its own freeze find it « already frozen »). Measured on the
   * database's clock (created_at's default), so that the processes' clocks do not matter.
   */
  pending(): Promise<string[]> {
    return this.repository.freezingSince(this.app.freezeRecoveryGraceSeconds);
  }

  /**
   * The plan's tree (orientations → objectives and their sub-objectives → indicators, by position) with its values
   * and the evidence behind them at the cut-off.
   */
  async buildSnapshot(planId: string, cutoff: string): Promise<EvaluationSnapshot | null> {
    const plan = await this.repository.plan(planId);
    if (!plan) return null;
    // An archived indicator is left out of a new snapshot (a frozen one keeps what it froze).
    const { orientations, objectives, indicators } = await this.repository.planTree(planId);
    const ids = indicators.map((i) => i.id);
    const cells = indicators.length ? await this.aggregation.cellsAt(ids, cutoff) : new Map();
    const evidence = await this.repository.evidenceAt(ids, cutoff, plan.timeZone);
    const indicatorsOf = groupBy(indicators, (i) => i.objectiveId);
    const known = new Set(objectives.map((o) => o.id));
    const childrenOf = groupBy(
      objectives.filter((o) => o.parentId && known.has(o.parentId)),
      (o) => o.parentId,
    );
    const rootsOf = groupBy(
      objectives.filter((o) => !o.parentId || !known.has(o.parentId)),
      (o) => o.orientationId,
    );
    // Sub-objectives (3.2.1) follow their objective (3.2): the snapshot lists an orientation's objectives flat, in reading order.
    const inOrder = (o: Objective): Objective[] => [o, ...(childrenOf.get(o.id) ?? []).flatMap(inOrder)];
    const objectiveSnapshot = (o: Objective): ObjectiveSnapshot => ({
      id: o.id,
      code: o.code,
      title: o.title,
      indicators: (indicatorsOf.get(o.id) ?? []).map((i) =>
        indicatorSnapshot(i, cells.get(i.id) ?? [], plan, cutoff, evidence.get(i.id) ?? []),
      ),
    });
    return {
      plan: {
        id: plan.id,
        title: plan.title,
        startDate: plan.startDate,
        midtermDate: plan.midtermDate,
        endDate: plan.endDate,
        timeZone: plan.timeZone,
      },
      dataPeriod: dataPeriodOf(plan),
      cutoff,
      frozenAt: new Date().toISOString(),
      suppressionK: this.app.suppressionK,
      maxDeviation: this.app.disclosureMaxDeviation,
      orientations: orientations.map((o) => ({
        id: o.id,
        number: o.number,
        title: o.title,
        objectives: (rootsOf.get(o.id) ?? []).flatMap(inOrder).map(objectiveSnapshot),
      })),
    };
  }
}
