import type { ConfigType } from '@nestjs/config';
import type { appConfig } from '@backend/config/configuration';
import type { Indicator } from '@backend/indicators/indicator.entity';
import type { Plan } from '@backend/plans/plan.entity';
import type { AggregationReads, AggregationRepository, FingerprintInputs, LinkedInstrument } from './aggregation.repository';
import { AggregationService } from './aggregation.service';
import { MonthCell, TOTAL } from './cells';
import type { CachedSpec, Changed } from './response-month-cache';
import type { ResponseSpec } from './response-months';
import type { Scope } from './source-queries';

// The rules of AggregationService against a fake repository: which rows each indicator reads, within which days,
// which reads are shared, what is stored and when an indicator is stale. The SQL itself is the e2e tests' (aggregation*).

const PLAN: Plan = {
  id: 'plan',
  timeZone: 'America/Toronto',
  startDate: '2024-01-01',
  midtermDate: '2025-01-01',
  endDate: '2026-12-31',
  dataFrom: null,
  dataUntil: null,
} as Plan;
const Q = 'questionnaire';
const app = { suppressionK: 1, disclosureMaxDeviation: 1 } as ConfigType<typeof appConfig>;

let nextId = 0;
function indicator(kind: Indicator['kind'], source: Indicator['source'] = {}, more: Partial<Indicator> = {}): Indicator {
  nextId += 1;
  return { id: `i${nextId}`, planId: PLAN.id, kind, source, dimensions: [], updatedAt: new Date(0), ...more } as Indicator;
}

const month = (m: string, num: number, den = num, key: number | null = 7): MonthCell => ({
  month: m,
  dimension: TOTAL,
  category: TOTAL,
  num,
  den,
  n: den,
  numKey: key,
  denKey: key,
});

/** An in-memory AggregationRepository: rows by indicator, instrument and questionnaire; what was read and written. */
class FakeRepository {
  indicators = new Map<string, Indicator>();
  linked = new Map<string, LinkedInstrument[]>();
  /** Month cells a questionnaire's responses give any spec, and those of instruments and manual entries. */
  responses = new Map<string, MonthCell[]>();
  participation = new Map<string, MonthCell[]>();
  manual = new Map<string, MonthCell[]>();
  /** What each indicator last read: its fingerprint as the repository computes it (here: the inputs, as text). */
  computed = new Map<string, string>();
  seen = { months: 0, read: 0 };
  calls: { what: string; args: unknown[] }[] = [];
  stored = new Map<string, { cells: number; changed: Changed }>();

  add(...list: Indicator[]) {
    for (const i of list) this.indicators.set(i.id, i);
  }

  private log(what: string, ...args: unknown[]) {
    this.calls.push({ what, args });
  }

  called(what: string) {
    return this.calls.filter((c) => c.what === what).map((c) => c.args);
  }

  private readonly snapshot: AggregationReads = {
    indicators: async (ids: string[]) => ids.map((id) => this.indicators.get(id)).filter((i): i is Indicator => !!i),
    plans: async () => new Map([[PLAN.id, PLAN]]),
    linkedInstruments: async (id: string) => this.linked.get(id) ?? [],
    dimensionQuestions: async () => [],
    responseMonths: async (questionnaireId: string, specs: ResponseSpec[], scope: Scope) => {
      this.log(
        'responseMonths',
        questionnaireId,
        specs.map((s) => s.kind),
        scope,
      );
      return specs.map(() => (this.responses.get(questionnaireId) ?? []).filter((c) => c.month <= scope.until));
    },
    cachedResponseMonths: async (questionnaireId: string, specs: CachedSpec[], full: boolean, scope: Scope) => {
      this.log(
        'cachedResponseMonths',
        questionnaireId,
        specs.map((s) => s.indicator.id),
        full,
        scope,
      );
      return specs.map(() => ({ cells: this.responses.get(questionnaireId) ?? [], changed: { from: '2024-02-01' } as Changed }));
    },
    participationMonths: async (instrumentIds: string[], _dims: unknown, scope: Scope) => {
      this.log('participationMonths', instrumentIds, scope);
      return instrumentIds.flatMap((id) => this.participation.get(id) ?? []);
    },
    manualMonths: async (id: string) => this.manual.get(id) ?? [],
    ratioPartMonths: async (part: Indicator['source']['numerator'], months: string[]) => {
      const out = new Map<string, { value: number; n: number; key: number }>();
      if (part!.kind === 'constant') for (const m of months) out.set(m, { value: part!.value ?? 0, n: 0, key: 0 });
      else
        for (const c of this.responses.get(part!.questionnaireId ?? '') ?? [])
          out.set(c.month, { value: c.num, n: c.n, key: c.numKey ?? 0 });
      return out;
    },
    storeValues: async (id: string, cells: unknown[], changed: Changed) => {
      this.stored.set(id, { cells: cells.length, changed });
    },
    fingerprint: async (inputs: FingerprintInputs) => JSON.stringify(inputs),
    recordComputation: async (id: string, fingerprint: string) => {
      this.computed.set(id, fingerprint);
    },
  } as unknown as AggregationReads;

  readonly repository = {
    recomputing: async <T>(ids: string[], work: (reads: AggregationReads) => Promise<T>) => {
      this.log('recomputing', ids);
      return work(this.snapshot);
    },
    inSnapshot: async <T>(work: (reads: AggregationReads) => Promise<T>) => work(this.snapshot),
    reads: () => this.snapshot,
    indicator: async (id: string) => this.indicators.get(id) ?? null,
    ofKinds: async (ids: string[], kinds: string[]) => ids.filter((id) => kinds.includes(this.indicators.get(id)?.kind ?? '')),
    definitions: async () => [...this.indicators.values()],
    fingerprints: async () => new Map(this.computed),
    monthsSeen: async () => this.seen,
    indicatorsFedBy: async ({ questionnaireId }: { questionnaireId?: string }) =>
      [...this.indicators.values()].filter((i) => i.source.questionnaireId === questionnaireId).map((i) => i.id),
    foldChanges: async () => undefined,
  } as unknown as AggregationRepository;
}

describe(AggregationService.name, () => {
  let fake: FakeRepository;
  let service: AggregationService;

  beforeEach(() => {
    fake = new FakeRepository();
    service = new AggregationService(fake.repository, app);
  });

  describe('recomputeMany', () => {
    it('recomputes under the locks of each indicator once, in one order, and says which no longer exist', async () => {
      const count = indicator('response_count', { questionnaireId: Q });
      fake.add(count);
      fake.responses.set(Q, [month('2024-01-01', 3)]);

      const results = await service.recomputeMany(['zz-gone', count.id, count.id]);

      expect(fake.called('recomputing')).toEqual([[[count.id, 'zz-gone'].sort()]]);
      expect(results).toEqual(
        new Map([
          [count.id, { cells: 3 }],
          ['zz-gone', null],
        ]),
      ); // a month, its quarter, its year
    });

    it("reads the indicators of one questionnaire in one shared read over their plan's data period", async () => {
      const count = indicator('response_count', { questionnaireId: Q });
      const share = indicator('answer_share', { questionnaireId: Q, questionId: 'q1', anyOf: ['yes'] });
      const mean = indicator('scale_mean', { questionnaireId: Q, questionId: 'q2' });
      fake.add(count, share, mean);
      fake.responses.set(Q, [month('2024-02-01', 4)]);

      await service.recomputeMany([count.id, share.id, mean.id], { full: true });

      const scope = { zone: PLAN.timeZone, from: '2024-01-01', until: '2026-12-31' };
      expect(fake.called('cachedResponseMonths')).toEqual([[Q, [count.id, share.id, mean.id], true, scope]]);
      expect(fake.stored.get(share.id)).toEqual({ cells: 3, changed: { from: '2024-02-01' } });
    });

    it('reads participation counts of the linked counts and tallies, manual values, and nothing without a source', async () => {
      const people = indicator('participation_sum');
      const typed = indicator('manual');
      const orphan = indicator('scale_mean', { questionId: 'q' });
      fake.add(people, typed, orphan);
      fake.linked.set(people.id, [
        { instrumentId: 'door', kind: 'participation_count', questionnaireId: null },
        { instrumentId: 'tally', kind: 'tally', questionnaireId: null },
        { instrumentId: 'doc', kind: 'document', questionnaireId: null },
      ]);
      fake.participation.set('door', [month('2024-03-01', 12)]);
      fake.manual.set(typed.id, [month('2024-03-01', 1, 1, null), month('2025-03-01', 2, 1, null)]);

      await service.recomputeMany([people.id, typed.id, orphan.id]);

      expect(fake.called('participationMonths').map(([ids]) => ids)).toEqual([['door', 'tally']]);
      expect(fake.stored.get(people.id)).toEqual({ cells: 3, changed: 'all' });
      expect(fake.stored.get(typed.id)).toEqual({ cells: 6, changed: 'all' });
      expect(fake.stored.get(orphan.id)).toEqual({ cells: 0, changed: 'all' });
      expect(fake.called('cachedResponseMonths')).toEqual([]);
    });

    it("records with the cells a fingerprint of everything the indicator reads, a ratio's two sides included", async () => {
      const ratio = indicator('ratio', {
        numerator: { kind: 'response_count', questionnaireId: Q },
        denominator: { kind: 'participation_sum', instrumentIds: ['door'] },
      });
      fake.add(ratio);

      await service.recomputeMany([ratio.id]);

      expect(JSON.parse(fake.computed.get(ratio.id)!)).toEqual({ indicatorId: ratio.id, questionnaireIds: [Q], instrumentIds: ['door'] });
    });
  });

  describe('cellsAt', () => {
    it('reads up to the cut-off, shares one read per questionnaire, and leaves out the periods after it', async () => {
      const count = indicator('response_count', { questionnaireId: Q }, { grain: 'month' });
      const share = indicator('answer_share', { questionnaireId: Q, questionId: 'q1', anyOf: ['yes'] });
      fake.add(count, share);
      fake.responses.set(Q, [month('2024-01-01', 2), month('2024-05-01', 3)]);

      const cells = await service.cellsAt([count.id, share.id], '2024-03-31');

      expect(fake.called('responseMonths')).toEqual([
        [Q, ['response_count', 'answer_share'], { zone: PLAN.timeZone, from: '2024-01-01', until: '2024-03-31' }],
      ]);
      expect(cells.get(count.id)!.map((c) => `${c.grain} ${c.periodStart} ${c.value}`)).toEqual([
        'month 2024-01-01 2',
        'quarter 2024-01-01 2',
        'year 2024-01-01 2',
      ]);
      expect(fake.stored.size).toBe(0);
    });

    it("divides a ratio's sides month by month, a constant standing for every month of the numerator", async () => {
      const perSession = indicator('ratio', {
        numerator: { kind: 'response_count', questionnaireId: Q },
        denominator: { kind: 'constant', value: 4 },
      });
      fake.add(perSession);
      fake.responses.set(Q, [month('2024-01-01', 2), month('2024-02-01', 6)]);

      const cells = (await service.cellsAt([perSession.id], '2024-12-31')).get(perSession.id)!;

      expect(cells.filter((c) => c.grain === 'month').map((c) => [c.periodStart, c.value, c.sums?.denKey])).toEqual([
        ['2024-01-01', 50, null],
        ['2024-02-01', 150, null],
      ]);
    });
  });

  describe('withSiblings', () => {
    it("reads with the questionnaire's other response indicators only when more than the latest months changed", async () => {
      const count = indicator('response_count', { questionnaireId: Q });
      const share = indicator('answer_share', { questionnaireId: Q, questionId: 'q1', anyOf: ['yes'] });
      const typed = indicator('manual', { questionnaireId: Q });
      fake.add(count, share, typed);

      fake.seen = { months: 2, read: 10 };
      expect(await service.withSiblings(count.id)).toEqual([count.id]);
      fake.seen = { months: 3, read: 10 };
      expect(await service.withSiblings(count.id)).toEqual([count.id, share.id]);
      fake.seen = { months: 0, read: 0 }; // never read: every month
      expect(await service.withSiblings(share.id)).toEqual([share.id, count.id]);
      expect(await service.withSiblings(typed.id)).toEqual([typed.id]);
      expect(await service.withSiblings('gone')).toEqual(['gone']);
    });
  });

  describe('stale', () => {
    it('lists the indicators never computed or whose inputs changed since', async () => {
      const count = indicator('response_count', { questionnaireId: Q });
      const typed = indicator('manual');
      fake.add(count, typed);
      await service.recomputeMany([count.id, typed.id]);
      expect(await service.stale()).toEqual([]);

      fake.add({ ...count, source: { questionnaireId: 'another' } } as Indicator);
      fake.add(indicator('scale_mean', { questionnaireId: Q, questionId: 'q' }, { id: 'new' }));

      expect(await service.stale()).toEqual([count.id, 'new']);
    });
  });
});
