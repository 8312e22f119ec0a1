import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { EvidenceItem } from '@repere/contract';
import type { AggregationService } from '@backend/aggregation/aggregation.service';
import type { ComputedCell } from '@backend/aggregation/cells';
import type { appConfig } from '@backend/config/configuration';
import type { Indicator } from '@backend/indicators/indicator.entity';
import type { Objective } from '@backend/plans/objective.entity';
import type { Orientation } from '@backend/plans/orientation.entity';
import type { Plan } from '@backend/plans/plan.entity';
import type { EventDetail } from './evaluation-event.entity';
import { EvaluationFreezerService } from './evaluation-freezer.service';
import type { EvaluationAction, EvaluationState } from './evaluation-kind';
import type { EvaluationSnapshot } from './evaluation-snapshot';
import type { EvaluationToFreeze } from './evaluation-views';
import type { EvaluationsRepository, EvaluationWrites, PlanTree } from './evaluations.repository';

// The freeze's rules against a fake repository: when it stores (the state read first, then again under the row lock
// in the transaction that stores), what a snapshot holds and in which order. The locks, the kill midway and two
// freezes at once against the real database are the e2e tests' (evaluations, kill-midway).

const app = { suppressionK: 5, disclosureMaxDeviation: 2, freezeRecoveryGraceSeconds: 60 } as ConfigType<typeof appConfig>;
const CUTOFF = '2024-06-30';

const PLAN = {
  id: 'plan',
  title: 'Plan d’action',
  startDate: '2024-01-01',
  midtermDate: '2025-01-01',
  endDate: '2026-12-31',
  timeZone: 'America/Toronto',
  dataFrom: '2023-07-01',
  dataUntil: null,
} as Plan;

const orientation = (id: string, number: number): Orientation =>
  ({ id, planId: PLAN.id, number, title: `Orientation ${number}` }) as Orientation;
const objective = (id: string, orientationId: string, code: string, parentId: string | null = null): Objective =>
  ({ id, planId: PLAN.id, orientationId, parentId, code, title: `Objectif ${code}` }) as Objective;
const indicator = (id: string, objectiveId: string): Indicator =>
  ({
    id,
    planId: PLAN.id,
    objectiveId,
    name: `Indicateur ${id}`,
    kind: 'response_count',
    unit: null,
    grain: 'quarter',
    direction: 'up',
    dimensions: [],
    status: 'active',
    source: {},
    baselineValue: null,
    baselineDate: null,
    midtermTarget: null,
    finalTarget: null,
  }) as unknown as Indicator;

/** An in-memory EvaluationsRepository as the freezer uses it: one plan's tree, evaluation rows, what was written. */
class FakeRepository {
  plan: Plan | null = PLAN;
  tree: PlanTree = { orientations: [], objectives: [], indicators: [] };
  /** The state the first read sees, and the one read again under the row lock (another freeze may have stored since). */
  rows = new Map<string, EvaluationToFreeze>();
  lockedStates = new Map<string, EvaluationState | undefined>();
  stored: { id: string; snapshot: EvaluationSnapshot }[] = [];
  events: { evaluationId: string; userId: string | null; action: EvaluationAction; detail: EventDetail }[] = [];
  calls: string[] = [];
  /** Per indicator, the files behind it at the cut-off (the SQL is indicator-evidence.e2e-spec.ts's subject). */
  evidence = new Map<string, EvidenceItem[]>();
  evidenceAsked: [string[], string, string][] = [];

  row(id: string, state: EvaluationState): void {
    this.rows.set(id, { id, planId: PLAN.id, cutoff: CUTOFF, state });
  }

  private readonly tx = {
    lockState: async (id: string) => {
      this.calls.push('lockState');
      return this.lockedStates.has(id) ? this.lockedStates.get(id) : this.rows.get(id)?.state;
    },
    storeSnapshot: async (id: string, snapshot: EvaluationSnapshot) => {
      this.calls.push('storeSnapshot');
      this.stored.push({ id, snapshot });
    },
    recordEvent: async (evaluationId: string, userId: string | null, action: EvaluationAction, detail: EventDetail) => {
      this.calls.push('recordEvent');
      this.events.push({ evaluationId, userId, action, detail });
    },
  } as unknown as EvaluationWrites;

  readonly repository = {
    toFreeze: async (id: string) => this.rows.get(id) ?? null,
    transaction: async <T>(work: (tx: EvaluationWrites) => Promise<T>) => {
      this.calls.push('begin');
      const result = await work(this.tx);
      this.calls.push('commit');
      return result;
    },
    freezingSince: async (seconds: number) => {
      this.calls.push(`freezingSince ${seconds}`);
      return [...this.rows.values()].filter((r) => r.state === 'freezing').map((r) => r.id);
    },
    plan: async () => this.plan,
    planTree: async () => this.tree,
    evidenceAt: async (ids: string[], cutoff: string, timeZone: string) => {
      this.evidenceAsked.push([ids, cutoff, timeZone]);
      return this.evidence;
    },
  } as unknown as EvaluationsRepository;
}

describe(EvaluationFreezerService.name, () => {
  let fake: FakeRepository;
  let cellsAt: jest.Mock<Promise<Map<string, ComputedCell[]>>, [string[], string]>;
  let freezer: EvaluationFreezerService;

  // The « frozen » log line says nothing here.
  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    fake = new FakeRepository();
    cellsAt = jest.fn(async (_ids: string[], _cutoff: string) => new Map<string, ComputedCell[]>());
    freezer = new EvaluationFreezerService(fake.repository, { cellsAt } as unknown as AggregationService, app);
  });

  describe('freeze', () => {
    it('stores the snapshot, the row locked and still freezing, with its « frozen » event, in one transaction', async () => {
      // Arrange
      fake.row('e', 'freezing');
      fake.tree = {
        orientations: [orientation('o1', 1)],
        objectives: [objective('a', 'o1', '1.1')],
        indicators: [indicator('i1', 'a'), indicator('i2', 'a')],
      };

      // Act
      const outcome = await freezer.freeze('e');

      // Assert
      expect(outcome).toBe('frozen');
      expect(fake.calls).toEqual(['begin', 'lockState', 'storeSnapshot', 'recordEvent', 'commit']);
      expect(fake.stored).toHaveLength(1);
      expect(fake.stored[0]).toMatchObject({ id: 'e', snapshot: { cutoff: CUTOFF, plan: { id: PLAN.id } } });
      expect(fake.events).toEqual([{ evaluationId: 'e', userId: null, action: 'frozen', detail: { cutoff: CUTOFF, indicators: 2 } }]);
      expect(cellsAt).toHaveBeenCalledWith(['i1', 'i2'], CUTOFF);
    });

    it('leaves an evaluation already frozen, without building anything', async () => {
      // Arrange
      fake.row('e', 'open');

      // Act / Assert
      await expect(freezer.freeze('e')).resolves.toBe('already_frozen');
      expect(cellsAt).not.toHaveBeenCalled();
      expect(fake.calls).toEqual([]);
    });

    it('leaves one another freeze stored while this one built its snapshot: it stores nothing', async () => {
      // Arrange: freezing when read first, open once locked
      fake.row('e', 'freezing');
      fake.lockedStates.set('e', 'open');

      // Act / Assert
      await expect(freezer.freeze('e')).resolves.toBe('already_frozen');
      expect(fake.calls).toEqual(['begin', 'lockState', 'commit']);
      expect(fake.stored).toEqual([]);
      expect(fake.events).toEqual([]);
    });

    it('says « missing » for an evaluation that does not exist, whose plan is gone, or that went while it was built', async () => {
      // Arrange
      fake.row('gone-midway', 'freezing');
      fake.lockedStates.set('gone-midway', undefined);

      // Act
      const nowhere = await freezer.freeze('nowhere');
      const goneMidway = await freezer.freeze('gone-midway');
      fake.plan = null;
      fake.row('planless', 'freezing');
      const planless = await freezer.freeze('planless');

      // Assert
      expect([nowhere, goneMidway, planless]).toEqual(['missing', 'missing', 'missing']);
      expect(fake.stored).toEqual([]);
    });

    it('fails without opening a transaction when the values cannot be read: the evaluation stays freezing', async () => {
      // Arrange
      fake.row('e', 'freezing');
      fake.tree = { orientations: [orientation('o1', 1)], objectives: [objective('a', 'o1', '1.1')], indicators: [indicator('i1', 'a')] };
      cellsAt.mockRejectedValueOnce(new Error('connection lost'));

      // Act / Assert
      await expect(freezer.freeze('e')).rejects.toThrow('connection lost');
      expect(fake.calls).toEqual([]);
    });
  });

  it('recovers the evaluations freezing for longer than the grace period', async () => {
    // Arrange
    fake.row('waiting', 'freezing');
    fake.row('done', 'open');

    // Act / Assert
    await expect(freezer.pending()).resolves.toEqual(['waiting']);
    expect(fake.calls).toEqual(['freezingSince 60']);
  });

  describe('buildSnapshot', () => {
    it('lists each orientation’s objectives in reading order, sub-objectives after their objective', async () => {
      // Arrange: the repository gives the objectives by position; 1.1's parent is not in the plan (it is a root)
      fake.tree = {
        orientations: [orientation('o1', 1), orientation('o2', 2)],
        objectives: [
          objective('a', 'o1', '1.1'),
          objective('b', 'o1', '1.2'),
          objective('b1', 'o1', '1.2.1', 'b'),
          objective('b11', 'o1', '1.2.1.1', 'b1'),
          objective('a1', 'o1', '1.1.1', 'a'),
          objective('c', 'o2', '2.1', 'not-in-this-plan'),
        ],
        indicators: [indicator('i1', 'b1'), indicator('i2', 'a'), indicator('i3', 'b1')],
      };

      // Act
      const snapshot = (await freezer.buildSnapshot(PLAN.id, CUTOFF))!;

      // Assert
      expect(snapshot.orientations.map((o) => [o.number, o.objectives.map((x) => x.code)])).toEqual([
        [1, ['1.1', '1.1.1', '1.2', '1.2.1', '1.2.1.1']],
        [2, ['2.1']],
      ]);
      const indicatorsOf = Object.fromEntries(snapshot.orientations[0].objectives.map((x) => [x.code, x.indicators.map((i) => i.id)]));
      expect(indicatorsOf).toEqual({ '1.1': ['i2'], '1.1.1': [], '1.2': [], '1.2.1': ['i1', 'i3'], '1.2.1.1': [] });
    });

    it('holds the plan, its data period, the cut-off and the disclosure settings the figures were published with', async () => {
      // Act
      const snapshot = (await freezer.buildSnapshot(PLAN.id, CUTOFF))!;

      // Assert
      expect(snapshot).toMatchObject({
        plan: {
          id: PLAN.id,
          title: PLAN.title,
          startDate: '2024-01-01',
          midtermDate: '2025-01-01',
          endDate: '2026-12-31',
          timeZone: 'America/Toronto',
        },
        dataPeriod: { from: '2023-07-01', until: '2026-12-31' },
        cutoff: CUTOFF,
        suppressionK: 5,
        maxDeviation: 2,
        orientations: [],
      });
      expect(Number.isNaN(Date.parse(snapshot.frozenAt))).toBe(false);
      // No indicator: nothing to compute.
      expect(cellsAt).not.toHaveBeenCalled();
    });

    it('lists, per indicator, the evidence that existed at the cut-off in the plan’s zone, and none for the others', async () => {
      // Arrange
      const minutes: EvidenceItem = {
        id: 'f1',
        title: 'Compte rendu',
        date: '2024-03-12',
        mediaType: 'application/pdf',
        ownerKind: 'participation_count',
        url: '/api/evidence/f1/file',
      };
      fake.tree = {
        orientations: [orientation('o1', 1)],
        objectives: [objective('a', 'o1', '1.1')],
        indicators: [indicator('i1', 'a'), indicator('i2', 'a')],
      };
      fake.evidence = new Map([['i1', [minutes]]]);

      // Act
      const snapshot = (await freezer.buildSnapshot(PLAN.id, CUTOFF))!;

      // Assert
      expect(snapshot.orientations[0].objectives[0].indicators.map((i) => [i.id, i.evidence])).toEqual([
        ['i1', [minutes]],
        ['i2', []],
      ]);
      expect(fake.evidenceAsked).toEqual([[['i1', 'i2'], CUTOFF, 'America/Toronto']]);
    });

    it('is null when the plan does not exist', async () => {
      fake.plan = null;
      await expect(freezer.buildSnapshot('nowhere', CUTOFF)).resolves.toBeNull();
    });
  });
});
