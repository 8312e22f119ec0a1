import type { AuditEntry } from '@backend/audit/audit.service';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { todayIn } from '@backend/common/time-zone';
import type { Plan } from '@backend/plans/plan.entity';
import type { EventDetail } from './evaluation-event.entity';
import type { EvaluationAction, EvaluationKind, EvaluationState } from './evaluation-kind';
import type { EvaluationQueueService } from './evaluation-queue.service';
import type { EvaluationSnapshot } from './evaluation-snapshot';
import type { AssessmentView, AuditedAssessment, MidtermComparison } from './evaluation-views';
import type { Evaluation } from './evaluation.entity';
import type { EvaluationsRepository, EvaluationWrites, NewEvaluation } from './evaluations.repository';
import { EvaluationsService } from './evaluations.service';

// The rules of EvaluationsService against a fake repository: the cut-off's bounds, one evaluation of each kind not
// closed per plan, what may be written in which state, what is recorded and audited, and which statements run inside
// the one transaction. The SQL, the locks and the races themselves are the e2e tests' (evaluations, kill-midway).

const committee: AuthUser = { id: 'user-committee', email: 'c@example.org', role: 'committee', organizationId: null };
const OBJECTIVE = 'objective-a';

type PlanDates = Pick<Plan, 'id' | 'startDate' | 'timeZone'>;
type StoredAssessment = AssessmentView & { id: string };

/** A snapshot whose only content is the objectives it lists (what an assessment checks against). */
const snapshotWith = (...objectiveIds: string[]) =>
  ({ orientations: [{ objectives: objectiveIds.map((id) => ({ id })) }] }) as unknown as EvaluationSnapshot;

/**
 * An in-memory EvaluationsRepository: plans, evaluations, assessments, events and audit entries; every call in order
 * (`begin`, `commit` and `rollback` around transactions), and a transaction that throws leaves the rows as they were.
 */
class FakeRepository {
  plans = new Map<string, PlanDates>();
  evaluations = new Map<string, Evaluation>();
  assessments = new Map<string, StoredAssessment>();
  events: { evaluationId: string; userId: string | null; action: EvaluationAction; detail: EventDetail }[] = [];
  audits: AuditEntry[] = [];
  midterm: MidtermComparison | null = null;
  calls: { what: string; args: unknown[] }[] = [];
  private nextId = 0;

  plan(id: string, startDate = '2024-01-01', timeZone = 'America/Toronto'): PlanDates {
    const plan = { id, startDate, timeZone };
    this.plans.set(id, plan);
    return plan;
  }

  evaluation(planId: string, kind: EvaluationKind, state: EvaluationState, more: Partial<Evaluation> = {}): Evaluation {
    this.nextId += 1;
    const e = {
      id: `evaluation-${this.nextId}`,
      planId,
      kind,
      cutoff: '2024-06-30',
      state,
      snapshot: state === 'freezing' ? null : snapshotWith(OBJECTIVE),
      frozenAt: state === 'freezing' ? null : new Date('2024-07-01T00:00:00Z'),
      openedBy: 'user-admin',
      openedAt: new Date(`2024-07-01T00:00:${String(this.nextId).padStart(2, '0')}Z`),
      closedBy: null,
      closedAt: null,
      ...more,
    } as Evaluation;
    this.evaluations.set(e.id, e);
    return e;
  }

  whats(): string[] {
    return this.calls.map((c) => c.what);
  }

  called(what: string): unknown[][] {
    return this.calls.filter((c) => c.what === what).map((c) => c.args);
  }

  private log(what: string, ...args: unknown[]): void {
    this.calls.push({ what, args });
  }

  private readonly tx: EvaluationWrites = {
    lockOpensOf: async (planId: string) => this.log('lockOpensOf', planId),
    notClosed: async (planId: string, kind: EvaluationKind) => {
      this.log('notClosed', planId, kind);
      return [...this.evaluations.values()]
        .filter((e) => e.planId === planId && e.kind === kind && e.state !== 'closed')
        .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())[0];
    },
    insert: async (fields: NewEvaluation) => {
      this.log('insert', fields);
      this.nextId += 1;
      const saved = { id: `evaluation-${this.nextId}`, ...fields } as Evaluation;
      this.evaluations.set(saved.id, saved);
      return saved;
    },
    lockForAssessment: async (id: string, objectiveId: string) => {
      this.log('lockForAssessment', id, objectiveId);
      const e = this.evaluations.get(id);
      if (!e) return undefined;
      const objectives = e.snapshot?.orientations.flatMap((o) => o.objectives) ?? [];
      return { state: e.state, hasObjective: objectives.some((o) => o.id === objectiveId) };
    },
    lockSummary: async (id: string) => {
      this.log('lockSummary', id);
      const e = this.evaluations.get(id);
      return e ? { ...e, snapshot: undefined } : null;
    },
    lockState: async (id: string) => this.evaluations.get(id)?.state,
    assessment: async (evaluationId: string, objectiveId: string) => {
      this.log('assessment', evaluationId, objectiveId);
      const a = this.assessments.get(`${evaluationId}|${objectiveId}`);
      return a && { id: a.id, rating: a.rating, comment: a.comment, recommendations: a.recommendations };
    },
    assessmentId: async (evaluationId: string, objectiveId: string) => this.assessments.get(`${evaluationId}|${objectiveId}`)!.id,
    upsertAssessment: async (evaluationId: string, objectiveId: string, fields: AuditedAssessment, updatedBy: string) => {
      this.log('upsertAssessment', evaluationId, objectiveId, fields, updatedBy);
      const key = `${evaluationId}|${objectiveId}`;
      const saved = { id: this.assessments.get(key)?.id ?? `assessment-${key}`, objectiveId, ...fields, updatedBy, updatedAt: new Date() };
      this.assessments.set(key, saved);
      const { id: _id, ...view } = saved;
      return view;
    },
    markClosed: async (id: string, closedBy: string, closedAt: Date) => {
      this.log('markClosed', id, closedBy, closedAt);
      Object.assign(this.evaluations.get(id)!, { state: 'closed', closedBy, closedAt });
    },
    storeSnapshot: async () => undefined,
    recordEvent: async (evaluationId: string, userId: string | null, action: EvaluationAction, detail: EventDetail) => {
      this.log('recordEvent', action);
      this.events.push({ evaluationId, userId, action, detail });
    },
    audit: async (entry: AuditEntry) => {
      this.log('audit', entry.action);
      this.audits.push(entry);
    },
  } as unknown as EvaluationWrites;

  readonly repository = {
    transaction: async <T>(work: (tx: EvaluationWrites) => Promise<T>): Promise<T> => {
      const before = structuredClone({
        evaluations: this.evaluations,
        assessments: this.assessments,
        events: this.events,
        audits: this.audits,
      });
      this.log('begin');
      try {
        const result = await work(this.tx);
        this.log('commit');
        return result;
      } catch (err) {
        Object.assign(this, before);
        this.log('rollback');
        throw err;
      }
    },
    planDates: async (id: string) => this.plans.get(id) ?? null,
    planExists: async (id: string) => this.plans.has(id),
    page: async (planId: string, skip: number, take: number) => {
      this.log('page', planId, skip, take);
      const rows = [...this.evaluations.values()].filter((e) => e.planId === planId);
      return [rows.slice(skip, skip + take), rows.length];
    },
    evaluation: async (id: string) => this.evaluations.get(id) ?? null,
    assessments: async (id: string) =>
      [...this.assessments.entries()].filter(([key]) => key.startsWith(`${id}|`)).map(([, { id: _id, ...view }]) => view),
    history: async () => [],
    lastMidtermBefore: async (planId: string, cutoff: string, openedAt: Date) => {
      this.log('lastMidtermBefore', planId, cutoff, openedAt);
      return this.midterm;
    },
  } as unknown as EvaluationsRepository;
}

describe(EvaluationsService.name, () => {
  let fake: FakeRepository;
  let queue: { requestFreeze: jest.Mock<Promise<boolean>, [string]> };
  let service: EvaluationsService;

  beforeEach(() => {
    fake = new FakeRepository();
    queue = {
      requestFreeze: jest.fn(async (id: string) => {
        fake.calls.push({ what: 'requestFreeze', args: [id] });
        return true;
      }),
    };
    service = new EvaluationsService(fake.repository, queue as unknown as EvaluationQueueService);
  });

  describe('open', () => {
    it('opens the evaluation freezing, under the plan’s lock, records it, and asks for its freeze once committed', async () => {
      // Arrange
      fake.plan('plan');

      // Act
      const summary = await service.open('plan', { kind: 'midterm', cutoff: '2024-06-30' }, committee);

      // Assert
      expect(summary).toMatchObject({ planId: 'plan', kind: 'midterm', cutoff: '2024-06-30', state: 'freezing', openedBy: committee.id });
      expect(summary).not.toHaveProperty('snapshot');
      expect(fake.whats()).toEqual(['begin', 'lockOpensOf', 'notClosed', 'insert', 'recordEvent', 'commit', 'requestFreeze']);
      expect(fake.called('insert')[0][0]).toMatchObject({
        state: 'freezing',
        snapshot: null,
        frozenAt: null,
        closedBy: null,
        closedAt: null,
      });
      expect(fake.events).toEqual([
        { evaluationId: summary.id, userId: committee.id, action: 'opened', detail: { kind: 'midterm', cutoff: '2024-06-30' } },
      ]);
      expect(queue.requestFreeze).toHaveBeenCalledWith(summary.id);
    });

    it('refuses a second evaluation of a kind not closed, naming it, and writes nothing nor asks for a freeze', async () => {
      // Arrange
      fake.plan('plan');
      const pending = fake.evaluation('plan', 'midterm', 'open', { cutoff: '2024-03-31' });
      const events = fake.events.length;

      // Act
      const opening = service.open('plan', { kind: 'midterm', cutoff: '2024-06-30' }, committee);

      // Assert
      await expect(opening).rejects.toMatchObject({
        status: 409,
        response: { code: 'evaluation_already_open', message: expect.stringContaining(`${pending.id}, cut-off 2024-03-31, open`) },
      });
      expect(fake.whats()).toEqual(['begin', 'lockOpensOf', 'notClosed', 'rollback']);
      expect([...fake.evaluations.keys()]).toEqual([pending.id]);
      expect(fake.events).toHaveLength(events);
      expect(queue.requestFreeze).not.toHaveBeenCalled();
    });

    it('opens a kind whose earlier evaluations are closed, beside an open one of the other kind', async () => {
      // Arrange
      fake.plan('plan');
      fake.evaluation('plan', 'midterm', 'closed');
      fake.evaluation('plan', 'final', 'freezing');
      fake.evaluation('other-plan', 'midterm', 'open');

      // Act
      const summary = await service.open('plan', { kind: 'midterm', cutoff: '2024-06-30' }, committee);

      // Assert
      expect(summary.state).toBe('freezing');
      expect(fake.called('notClosed')).toEqual([['plan', 'midterm']]);
    });

    it('refuses a cut-off after today in the plan’s time zone, or before the plan starts, naming the field', async () => {
      // Arrange: UTC-11 and UTC+14 are 25 hours apart, so Kiritimati's today is always a later day than Pago Pago's.
      fake.plan('west', '2024-01-01', 'Pacific/Pago_Pago');
      fake.plan('east', '2024-01-01', 'Pacific/Kiritimati');
      const eastToday = todayIn('Pacific/Kiritimati');

      // Act
      const [tooLate, tooEarly, today] = await Promise.allSettled([
        service.open('west', { kind: 'midterm', cutoff: eastToday }, committee),
        service.open('east', { kind: 'midterm', cutoff: '2023-12-31' }, committee),
        service.open('east', { kind: 'final', cutoff: eastToday }, committee),
      ]);

      // Assert
      const field = (cause: string) => ({
        status: 400,
        response: { code: 'invalid_reference', errors: [{ field: 'cutoff', message: cause }] },
      });
      expect(tooLate).toMatchObject({
        status: 'rejected',
        reason: field(expect.stringContaining(`after today (${todayIn('Pacific/Pago_Pago')})`)),
      });
      expect(tooEarly).toMatchObject({ status: 'rejected', reason: field("must not be before the plan's start (2024-01-01)") });
      expect(today).toMatchObject({ status: 'fulfilled', value: { planId: 'east', cutoff: eastToday } });
      expect(fake.called('insert')).toHaveLength(1);
    });

    it('says which plan does not exist, before any transaction', async () => {
      await expect(service.open('nowhere', { kind: 'final', cutoff: '2024-06-30' }, committee)).rejects.toMatchObject({
        status: 404,
        response: { code: 'not_found', message: 'Plan nowhere was not found' },
      });
      expect(fake.whats()).toEqual([]);
    });
  });

  describe('list', () => {
    it('reads the page asked for, as summaries without snapshots', async () => {
      // Arrange
      fake.plan('plan');
      for (let i = 0; i < 5; i += 1) fake.evaluation('plan', 'midterm', 'closed');

      // Act
      const page = await service.list('plan', { page: 2, limit: 2 });

      // Assert
      expect(fake.called('page')).toEqual([['plan', 2, 2]]);
      expect(page).toMatchObject({ total: 5, page: 2, limit: 2 });
      expect(page.items).toHaveLength(2);
      for (const item of page.items) expect(item).not.toHaveProperty('snapshot');
    });

    it('says which plan does not exist', async () => {
      await expect(service.list('nowhere', { page: 1, limit: 50 })).rejects.toMatchObject({ status: 404 });
    });
  });

  describe('get', () => {
    it('shows a final with the last mid-term opened before it, or null when there is none', async () => {
      // Arrange
      fake.plan('plan');
      const final = fake.evaluation('plan', 'final', 'open', { cutoff: '2025-06-30' });
      const comparison: MidtermComparison = { id: 'm', cutoff: '2024-06-30', indicators: {} };

      // Act
      fake.midterm = comparison;
      const withMidterm = await service.get(final.id);
      fake.midterm = null;
      const withoutMidterm = await service.get(final.id);

      // Assert
      expect(fake.called('lastMidtermBefore')[0]).toEqual(['plan', '2025-06-30', final.openedAt]);
      expect(withMidterm).toMatchObject({ id: final.id, state: 'open', snapshot: final.snapshot, midterm: comparison });
      expect(withoutMidterm.midterm).toBeNull();
    });

    it('shows a mid-term without any comparison', async () => {
      // Arrange
      fake.plan('plan');
      const midterm = fake.evaluation('plan', 'midterm', 'open');

      // Act
      const detail = await service.get(midterm.id);

      // Assert
      expect(detail).not.toHaveProperty('midterm');
      expect(fake.called('lastMidtermBefore')).toEqual([]);
    });

    it('says which evaluation does not exist', async () => {
      await expect(service.get('nowhere')).rejects.toMatchObject({
        status: 404,
        response: { message: 'Evaluation nowhere was not found' },
      });
    });
  });

  describe('assess', () => {
    it('writes a first assessment in one transaction, the row locked first: recorded, audited as created (empty fields left out)', async () => {
      // Arrange
      fake.plan('plan');
      const e = fake.evaluation('plan', 'midterm', 'open');

      // Act
      const saved = await service.assess(e.id, OBJECTIVE, { rating: 'achieved', comment: 'Bien' }, committee);

      // Assert
      expect(saved).toMatchObject({
        objectiveId: OBJECTIVE,
        rating: 'achieved',
        comment: 'Bien',
        recommendations: null,
        updatedBy: committee.id,
      });
      expect(fake.whats()).toEqual(['begin', 'lockForAssessment', 'assessment', 'upsertAssessment', 'recordEvent', 'audit', 'commit']);
      expect(fake.events.at(-1)).toEqual({
        evaluationId: e.id,
        userId: committee.id,
        action: 'assessed',
        detail: { objectiveId: OBJECTIVE, rating: 'achieved' },
      });
      expect(fake.audits).toEqual([
        {
          action: 'create',
          entityType: 'assessment',
          entityId: `assessment-${e.id}|${OBJECTIVE}`,
          changes: {
            evaluationId: { from: null, to: e.id },
            objectiveId: { from: null, to: OBJECTIVE },
            rating: { from: null, to: 'achieved' },
            comment: { from: null, to: 'Bien' },
          },
        },
      ]);
    });

    it('replaces an assessment whole (what is left out is cleared), auditing only what changed', async () => {
      // Arrange
      fake.plan('plan');
      const e = fake.evaluation('plan', 'midterm', 'open');
      await service.assess(e.id, OBJECTIVE, { rating: 'achieved', comment: 'Bien', recommendations: 'Continuer' }, committee);
      fake.audits = [];

      // Act
      await service.assess(e.id, OBJECTIVE, { rating: 'achieved', comment: 'Bien' }, committee);
      await service.assess(e.id, OBJECTIVE, { rating: 'achieved', comment: 'Bien' }, committee);

      // Assert
      expect(fake.called('upsertAssessment').at(-1)![2]).toEqual({ rating: 'achieved', comment: 'Bien', recommendations: null });
      expect(fake.audits).toEqual([
        {
          action: 'update',
          entityType: 'assessment',
          entityId: `assessment-${e.id}|${OBJECTIVE}`,
          changes: { recommendations: { from: 'Continuer', to: null } },
        },
      ]);
      expect(fake.events.filter((x) => x.action === 'assessed')).toHaveLength(3);
    });

    it.each([
      ['freezing', 409, 'evaluation_freezing'],
      ['closed', 409, 'evaluation_closed'],
    ] as const)('refuses an evaluation %s, writing nothing', async (state, status, code) => {
      // Arrange
      fake.plan('plan');
      const e = fake.evaluation('plan', 'midterm', state);

      // Act
      const assessing = service.assess(e.id, OBJECTIVE, { rating: 'achieved' }, committee);

      // Assert
      await expect(assessing).rejects.toMatchObject({ status, response: { code } });
      expect(fake.whats()).toEqual(['begin', 'lockForAssessment', 'rollback']);
      expect(fake.events).toEqual([]);
      expect(fake.audits).toEqual([]);
    });

    it('refuses an objective its snapshot does not have, and an evaluation that does not exist', async () => {
      // Arrange
      fake.plan('plan');
      const e = fake.evaluation('plan', 'midterm', 'open');

      // Act / Assert
      await expect(service.assess(e.id, 'elsewhere', { rating: 'achieved' }, committee)).rejects.toMatchObject({
        status: 404,
        response: { code: 'not_found', message: `Objective elsewhere is not among the objectives of evaluation ${e.id}'s plan` },
      });
      await expect(service.assess('nowhere', OBJECTIVE, { rating: 'achieved' }, committee)).rejects.toMatchObject({
        status: 404,
        response: { message: 'Evaluation nowhere was not found' },
      });
      expect(fake.called('upsertAssessment')).toEqual([]);
    });
  });

  describe('close', () => {
    it('closes an open evaluation under its row lock: recorded, audited, and answered closed', async () => {
      // Arrange
      fake.plan('plan');
      const e = fake.evaluation('plan', 'final', 'open');

      // Act
      const summary = await service.close(e.id, committee);

      // Assert
      expect(fake.whats()).toEqual(['begin', 'lockSummary', 'markClosed', 'audit', 'recordEvent', 'commit']);
      const [, closedBy, closedAt] = fake.called('markClosed')[0] as [string, string, Date];
      expect(summary).toMatchObject({ id: e.id, state: 'closed', closedBy: committee.id, closedAt });
      expect(closedBy).toBe(committee.id);
      expect(fake.audits).toEqual([
        {
          action: 'update',
          entityType: 'evaluation',
          entityId: e.id,
          changes: {
            state: { from: 'open', to: 'closed' },
            closedBy: { from: null, to: committee.id },
            closedAt: { from: null, to: closedAt.toISOString() },
          },
        },
      ]);
      expect(fake.events).toEqual([{ evaluationId: e.id, userId: committee.id, action: 'closed', detail: {} }]);
    });

    it.each([
      ['freezing', 'evaluation_freezing'],
      ['closed', 'evaluation_closed'],
    ] as const)('refuses to close an evaluation %s', async (state, code) => {
      // Arrange
      fake.plan('plan');
      const e = fake.evaluation('plan', 'midterm', state);

      // Act / Assert
      await expect(service.close(e.id, committee)).rejects.toMatchObject({ status: 409, response: { code } });
      expect(fake.called('markClosed')).toEqual([]);
      expect(fake.events).toEqual([]);
    });

    it('says which evaluation does not exist', async () => {
      await expect(service.close('nowhere', committee)).rejects.toMatchObject({ status: 404 });
    });
  });
});
