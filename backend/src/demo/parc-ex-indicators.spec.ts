import { classifyInstrument } from '@backend/indicators/classify-instrument';
import { generateCounts } from './parc-ex-counts';
import { PARC_EX_FED, PARC_EX_UNMEASURED } from './parc-ex-indicators';
import { generateAttendanceResponses, generateOfficeResponses } from './parc-ex-questionnaires';
import { PARC_EXTENSION_PLAN } from './parc-extension-plan';

const actions = PARC_EXTENSION_PLAN.orientations.flatMap((o) => o.objectives.flatMap((ob) => ob.actions));

describe('The Parc-Extension demo indicators', () => {
  it('give each success indicator of the plan a feed or a reason, once', () => {
    const named = [...PARC_EX_FED, ...PARC_EX_UNMEASURED].map((i) => i.name);
    expect([...named].sort()).toEqual(actions.flatMap((a) => a.indicators).sort());
  });

  it('feed every indicator whose row counts or asks, and leave without data only rows of documents', () => {
    const unmeasured = new Set(PARC_EX_UNMEASURED.map((i) => i.name));
    for (const action of actions) {
      const measurable = action.followUps.some((f) => classifyInstrument(f) !== 'document');
      for (const name of action.indicators)
        if (measurable) expect({ name, unmeasured: unmeasured.has(name) }).toEqual({ name, unmeasured: false });
    }
    for (const { note } of PARC_EX_UNMEASURED) expect(note.length).toBeGreaterThan(40);
  });

  it('sum counts from follow-up means of their own row that count', () => {
    for (const fed of PARC_EX_FED) {
      if (fed.feed.kind !== 'participation_sum') continue;
      const row = actions.find((a) => a.indicators.includes(fed.name))!;
      expect(row.followUps).toContain(fed.feed.instrument);
      expect(classifyInstrument(fed.feed.instrument)).not.toBe('document');
    }
  });

  it('generate the same counts and responses on every run, inside the plan, with breakdowns that never exceed the total', () => {
    for (const fed of PARC_EX_FED) {
      if (fed.feed.kind !== 'participation_sum') continue;
      const counts = generateCounts(fed.feed.series);
      expect(generateCounts(fed.feed.series)).toEqual(counts);
      for (const c of counts) {
        expect(c.date >= PARC_EXTENSION_PLAN.startDate && c.date <= PARC_EXTENSION_PLAN.endDate).toBe(true);
        for (const dimension of ['gender', 'age_group']) {
          const sum = c.breakdown.filter((b) => b.dimension === dimension).reduce((n, b) => n + b.count, 0);
          expect(sum).toBeLessThanOrEqual(c.total);
        }
      }
    }
    expect(generateAttendanceResponses()).toEqual(generateAttendanceResponses());
    expect(generateOfficeResponses().every((r) => r.answeredAt.toISOString() < '2024-01-01')).toBe(true);
  });
});
