import { randomUUID } from 'node:crypto';
import type { EvidenceItem, IndicatorSnapshot } from '@repere/contract';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import { Fixtures, fixtures, PlanFixture, WorkCellFixture } from './support/fixtures';
import { SAMPLE_FILES } from './support/stored-zip';
import { bearer, startTestApp, TestApp } from './support/test-app';

// « Every figure can be traced to its evidence »: the files behind an indicator — of its manual values, its
// instruments' counts, its document instruments, its action, its work cell's steps — as they stood at an instant,
// and as an evaluation froze them at its cut-off.

describe('Evidence behind an indicator (GET /api/indicators/{id}/evidence, evaluation snapshots)', () => {
  let t: TestApp;
  let fx: Fixtures;
  let plan: PlanFixture;
  let cell: WorkCellFixture;
  let documentInstrumentId: string;
  let countId: string;
  let manualValueId: string;
  /** An indicator of the work cell's steps (`source.workCellId`). */
  let stepsIndicatorId: string;
  let timeZone: string;

  const admin = () => bearer(t.tokens.admin);

  async function attach(ownerKind: string, ownerId: string, title: string, date = '2025-03-12'): Promise<string> {
    const res = await t
      .http()
      .post('/api/evidence')
      .query({ ownerKind, ownerId, title, date })
      .set(admin())
      .set('Content-Type', 'application/pdf')
      .send(SAMPLE_FILES.pdf())
      .expect(201);
    return (res.body as { id: string }).id;
  }

  const evidenceOf = async (indicatorId: string, query: Record<string, string> = {}): Promise<EvidenceItem[]> =>
    (await t.http().get(`/api/indicators/${indicatorId}/evidence`).query(query).set(admin()).expect(200)).body as EvidenceItem[];
  const titles = (items: EvidenceItem[]) => items.map((e) => e.title);
  /** When a file was added and removed, in the plan's zone: what a test on a cut-off needs to be exact. */
  const backdate = (id: string, createdAt: string, archivedAt: string | null = null) =>
    t.db.query(
      `UPDATE evidence_files SET created_at = $2::timestamp AT TIME ZONE $4,
              archived_at = $3::timestamp AT TIME ZONE $4 WHERE id = $1`,
      [id, createdAt, archivedAt, timeZone],
    );

  beforeAll(async () => {
    t = await startTestApp();
    fx = fixtures(t);
    plan = await fx.plan();
    timeZone = ((await t.http().get(`/api/plans/${plan.planId}`).set(admin()).expect(200)).body as { timeZone: string }).timeZone;
    const document = await t
      .http()
      .post('/api/instruments')
      .set(admin())
      .send({ planId: plan.planId, actionId: plan.actionId, kind: 'document', name: 'Comptes rendus du comité' })
      .expect(201);
    documentInstrumentId = (document.body as { id: string }).id;
    await t
      .http()
      .patch(`/api/indicators/${plan.indicatorId}`)
      .set(admin())
      .send({ instrumentIds: [plan.instrumentId, documentInstrumentId] })
      .expect(200);
    const count = await t
      .http()
      .post('/api/participation-counts')
      .set(admin())
      .set('Idempotency-Key', randomUUID())
      .send({ instrumentId: plan.instrumentId, activity: 'Journée de Bienvenue', date: '2025-03-12', total: 40 })
      .expect(201);
    countId = (count.body as { id: string }).id;
    const value = await t
      .http()
      .post('/api/manual-values')
      .set(admin())
      .send({ indicatorId: plan.indicatorId, date: '2025-03-01', value: 3, evidence: 'Rapport annuel' })
      .expect(201);
    manualValueId = (value.body as { id: string }).id;
    cell = await fx.workCell({ objectiveId: plan.objectiveId });
    const steps = await t
      .http()
      .post('/api/indicators')
      .set(admin())
      .send({ objectiveId: plan.objectiveId, name: 'Étapes franchies', kind: 'manual' })
      .expect(201);
    stepsIndicatorId = (steps.body as { id: string }).id;
    // Written straight to the row: what matters here is that a `source` naming a work cell brings its steps' files.
    await t.db.query(`UPDATE indicators SET source = jsonb_build_object('workCellId', $2::text) WHERE id = $1`, [
      stepsIndicatorId,
      cell.workCellId,
    ]);
  });
  afterAll(async () => {
    await fx.cleanup();
    await t.close();
  });

  it('lists, by date, the files of its count, its action, its manual value and its document instrument, not those of others', async () => {
    // Arrange
    await attach('participation_count', countId, 'Feuille de présence', '2025-03-12');
    await attach('action', plan.actionId, "Rapport d'activités", '2025-04-30');
    await attach('manual_value', manualValueId, 'Liste des publications', '2025-03-01');
    await attach('instrument', documentInstrumentId, 'Procès-verbal du comité', '2025-02-10');
    await attach('work_step', cell.workStepId, "Compte rendu de l'étape", '2025-05-02');

    // Act
    const items = await evidenceOf(plan.indicatorId);
    const ofSteps = await evidenceOf(stepsIndicatorId);

    // Assert
    expect(items.map((e) => [e.date, e.title, e.ownerKind])).toEqual([
      ['2025-02-10', 'Procès-verbal du comité', 'instrument'],
      ['2025-03-01', 'Liste des publications', 'manual_value'],
      ['2025-03-12', 'Feuille de présence', 'participation_count'],
      ['2025-04-30', "Rapport d'activités", 'action'],
    ]);
    expect(items[0]).toEqual({
      id: expect.any(String),
      title: 'Procès-verbal du comité',
      date: '2025-02-10',
      mediaType: 'application/pdf',
      ownerKind: 'instrument',
      url: `/api/evidence/${items[0].id}/file`,
    });
    expect(titles(ofSteps)).toEqual(["Compte rendu de l'étape"]);
    const file = await t.http().get(items[0].url).set(bearer(t.tokens.committee)).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('gives them as they stood at an instant: a file added since is not there yet, one removed since still is', async () => {
    // Arrange
    const removedLater = await attach('action', plan.actionId, 'Photo retirée ensuite', '2025-06-01');
    const [{ at }] = await t.db.query<{ at: Date }[]>('SELECT clock_timestamp() AS at');
    await attach('action', plan.actionId, 'Ajouté ensuite', '2025-06-02');
    await t.http().delete(`/api/evidence/${removedLater}`).set(admin()).expect(204);

    // Act
    const then = titles(await evidenceOf(plan.indicatorId, { at: at.toISOString() }));
    const now = titles(await evidenceOf(plan.indicatorId));

    // Assert
    expect(then).toContain('Photo retirée ensuite');
    expect(then).not.toContain('Ajouté ensuite');
    expect(now).toContain('Ajouté ensuite');
    expect(now).not.toContain('Photo retirée ensuite');
  });

  it('is frozen with the evaluation at its cut-off, and keeps a file removed after the freeze', async () => {
    // Arrange: a file added the evening of the cut-off (in the plan's zone), one the next morning, one removed before it
    const cutoff = '2025-06-30';
    const evening = await attach('participation_count', countId, 'Compte rendu du soir de la coupure', '2025-06-30');
    const nextMorning = await attach('participation_count', countId, 'Ajouté le lendemain', '2025-06-30');
    const removedBefore = await attach('action', plan.actionId, 'Retiré avant la coupure', '2025-05-01');
    await backdate(evening, '2025-06-30 23:30');
    await backdate(nextMorning, '2025-07-01 00:30');
    await backdate(removedBefore, '2025-05-01 10:00', '2025-06-15 10:00');
    const opened = await t
      .http()
      .post(`/api/plans/${plan.planId}/evaluations`)
      .set(bearer(t.tokens.committee))
      .send({ kind: 'midterm', cutoff })
      .expect(201);
    const evaluationId = (opened.body as { id: string }).id;
    // The API queued a job too; a worker (another test's) may freeze it first.
    await expect(t.app.get(EvaluationFreezerService).freeze(evaluationId)).resolves.toMatch(/^(frozen|already_frozen)$/);
    const snapshotEvidence = async () => {
      const res = await t.http().get(`/api/evaluations/${evaluationId}`).set(bearer(t.tokens.committee)).expect(200);
      const snapshot = (res.body as { snapshot: { orientations: { objectives: { indicators: IndicatorSnapshot[] }[] }[] } }).snapshot;
      const indicator = snapshot.orientations[0].objectives[0].indicators.find((i) => i.id === plan.indicatorId)!;
      return indicator.evidence ?? [];
    };

    // Act
    const frozen = await snapshotEvidence();
    await t.http().delete(`/api/evidence/${evening}`).set(admin()).expect(204);
    const afterRemoval = await snapshotEvidence();

    // Assert: the files of the earlier tests were added today, after the cut-off
    expect(titles(frozen)).toEqual(['Compte rendu du soir de la coupure']);
    expect(afterRemoval).toEqual(frozen);
    const file = await t.http().get(frozen[0].url).set(bearer(t.tokens.committee)).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('gives each assessment its id, which the committee attaches its documents to', async () => {
    // Arrange: an evaluation of its own (a final: the mid-term above stays as it is)
    const opened = await t
      .http()
      .post(`/api/plans/${plan.planId}/evaluations`)
      .set(bearer(t.tokens.committee))
      .send({ kind: 'final', cutoff: '2025-07-01' })
      .expect(201);
    const evaluation = opened.body as { id: string };
    await expect(t.app.get(EvaluationFreezerService).freeze(evaluation.id)).resolves.toMatch(/^(frozen|already_frozen)$/);
    await t
      .http()
      .put(`/api/evaluations/${evaluation.id}/assessments/${plan.objectiveId}`)
      .set(bearer(t.tokens.committee))
      .send({ rating: 'on_track' })
      .expect(200);

    // Act
    const res = await t.http().get(`/api/evaluations/${evaluation.id}`).set(bearer(t.tokens.committee)).expect(200);
    const [assessment] = (res.body as { assessments: { id: string; objectiveId: string }[] }).assessments;
    const added = await t
      .http()
      .post('/api/evidence')
      .query({ ownerKind: 'assessment', ownerId: assessment.id, title: 'Notes du comité', date: '2025-07-10' })
      .set(bearer(t.tokens.committee))
      .set('Content-Type', 'application/pdf')
      .send(SAMPLE_FILES.pdf());

    // Assert
    expect(assessment).toMatchObject({ id: expect.any(String), objectiveId: plan.objectiveId });
    expect(added.status).toBe(201);
  });

  describe('who reads it', () => {
    it.each(['admin', 'evaluator', 'partner', 'committee'] as const)('every staff role: %s', async (role) => {
      await t.http().get(`/api/indicators/${plan.indicatorId}/evidence`).set(bearer(t.tokens[role])).expect(200);
    });

    it('nobody without an account (a resident has none): 401', async () => {
      await t.http().get(`/api/indicators/${plan.indicatorId}/evidence`).expect(401);
    });

    it('answers 404 for an unknown indicator and 400 for an instant that is not one', async () => {
      await t.http().get(`/api/indicators/${randomUUID()}/evidence`).set(admin()).expect(404);
      const res = await t.http().get(`/api/indicators/${plan.indicatorId}/evidence`).query({ at: 'hier' }).set(admin()).expect(400);
      expect((res.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['at']);
    });
  });
});
