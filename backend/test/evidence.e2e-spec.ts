import { createHash, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import sharp from 'sharp';
import { EvidenceThumbnailsService } from '@backend/evidence/evidence-thumbnails.service';
import { EVIDENCE_QUEUE } from '@backend/queue/queues';
import { Fixtures, fixtures, PlanFixture, WorkCellFixture } from './support/fixtures';
import { SAMPLE_FILES } from './support/stored-zip';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface Evidence {
  id: string;
  ownerKind: string;
  ownerId: string;
  planId: string;
  title: string;
  date: string;
  mediaType: string;
  fileName: string;
  size: number;
  sha256: string;
  url: string;
  addedBy: string | null;
  addedByName: string | null;
  archivedAt: string | null;
}

const PDF_TYPE = 'application/pdf';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('Evidence files (/api/evidence)', () => {
  let t: TestApp;
  let fx: Fixtures;
  let plan: PlanFixture;
  let cell: WorkCellFixture;
  let partnerOrg: string;
  let otherActionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    fx = fixtures(t);
    plan = await fx.plan();
    partnerOrg = (await t.http().get('/api/auth/me').set(bearer(t.tokens.partner)).expect(200)).body.organizationId;
    // The partner's organization is responsible for the plan's action and part of a work cell of it.
    await t
      .http()
      .patch(`/api/actions/${plan.actionId}`)
      .set(bearer(t.tokens.admin))
      .send({ responsibleOrganizationIds: [partnerOrg] })
      .expect(200);
    cell = await fx.workCell({ partnerOrganizationId: partnerOrg, objectiveId: plan.objectiveId });
    const other = await t
      .http()
      .post('/api/actions')
      .set(bearer(t.tokens.admin))
      .send({ objectiveId: plan.objectiveId, description: 'Action sans le partenaire', schedule: { text: 'Annuel' } })
      .expect(201);
    otherActionId = other.body.id;
  });
  afterAll(async () => {
    await fx.cleanup();
    await t.close();
  });

  const upload = (token: string, query: Record<string, string>, bytes: Buffer, type = PDF_TYPE) =>
    t
      .http()
      .post('/api/evidence')
      .query({
        ownerKind: 'action',
        ownerId: plan.actionId,
        title: 'Compte rendu de la rencontre du 12 mars',
        date: '2022-03-12',
        ...query,
      })
      .set(bearer(token))
      .set('Content-Type', type)
      .send(bytes);
  const stored = async () =>
    (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM evidence_files WHERE plan_id = $1', [plan.planId]))[0].n;
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  /** supertest buffers a binary body only when asked. */
  const download = (token: string, url: string) =>
    t
      .http()
      .get(url)
      .set(bearer(token))
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => done(null, Buffer.concat(parts)));
      });

  describe('upload and download', () => {
    it('keeps a PDF in PostgreSQL and gives it back byte for byte, inline, in a sandbox', async () => {
      // Arrange
      const bytes = SAMPLE_FILES.pdf();
      // Act
      const res = await upload(t.tokens.evaluator, {}, bytes).expect(201);
      // Assert
      const e = res.body as Evidence;
      expect(e).toMatchObject({
        ownerKind: 'action',
        ownerId: plan.actionId,
        planId: plan.planId,
        title: 'Compte rendu de la rencontre du 12 mars',
        date: '2022-03-12',
        mediaType: PDF_TYPE,
        fileName: '2022-03-12-compte-rendu-de-la-rencontre-du-12-mars.pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        url: `/api/evidence/${e.id}/file`,
        addedByName: expect.any(String),
        archivedAt: null,
      });
      const [blob] = await t.db.query<{ bytes: Buffer }[]>(
        'SELECT b.bytes FROM evidence_files f JOIN evidence_blobs b ON b.key = f.storage_key WHERE f.id = $1 AND f.storage = $2',
        [e.id, 'postgres'],
      );
      expect(blob.bytes.equals(bytes)).toBe(true);
      const file = await download(t.tokens.committee, e.url).expect(200);
      expect((file.body as Buffer).equals(bytes)).toBe(true);
      expect(file.headers['content-type']).toBe(PDF_TYPE);
      expect(file.headers['content-disposition']).toBe(`inline; filename="${e.fileName}"`);
      expect(file.headers['content-security-policy']).toMatch(/(^|; )sandbox($|;)/);
      expect(file.headers['content-security-policy']).toContain("default-src 'none'");
      expect(file.headers['x-content-type-options']).toBe('nosniff');
    });

    it('sends an office document as an attachment, with the type its bytes prove whatever the client said', async () => {
      const res = await upload(
        t.tokens.admin,
        { title: 'Entente de partenariat signée' },
        SAMPLE_FILES.docx(),
        'application/octet-stream',
      ).expect(201);
      expect(res.body.mediaType).toBe(DOCX_TYPE);
      const file = await download(t.tokens.partner, res.body.url).expect(200);
      expect(file.headers['content-type']).toBe(DOCX_TYPE);
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename=".+\.docx"$/);
    });

    it('lists a record’s evidence by date, for every staff role', async () => {
      await upload(t.tokens.evaluator, { title: 'Photos de la fête', date: '2021-06-20' }, SAMPLE_FILES.png(), 'image/png').expect(201);
      for (const role of ['admin', 'evaluator', 'partner', 'committee'] as const) {
        const res = await t
          .http()
          .get('/api/evidence')
          .query({ ownerKind: 'action', ownerId: plan.actionId })
          .set(bearer(t.tokens[role]))
          .expect(200);
        const dates = (res.body as Evidence[]).map((e) => e.date);
        expect(dates[0]).toBe('2021-06-20');
        expect([...dates].sort()).toEqual(dates);
      }
    });
  });

  describe('what is refused, leaving nothing behind', () => {
    it('refuses an executable renamed as a PDF (415, from its bytes)', async () => {
      const before = await stored();
      const res = await upload(t.tokens.evaluator, { title: 'rapport.pdf' }, SAMPLE_FILES.elf(), PDF_TYPE).expect(415);
      expect(res.body.code).toBe('unsupported_media_type');
      expect(fields(res.body)).toEqual(['file']);
      expect(await stored()).toBe(before);
    });

    it.each([
      ['an HTML page', SAMPLE_FILES.html()],
      ['an SVG', SAMPLE_FILES.svg()],
      ['a Word document with macros', SAMPLE_FILES.docm()],
    ])('refuses %s', async (_what, bytes) => {
      const before = await stored();
      await upload(t.tokens.evaluator, {}, bytes, 'application/octet-stream').expect(415);
      expect(await stored()).toBe(before);
    });

    it('refuses a type the route does not take before reading it (415)', async () => {
      const res = await upload(t.tokens.evaluator, {}, Buffer.from('<p>hi</p>'), 'text/html').expect(415);
      expect(res.body.statusCode).toBe(415);
    });

    it('refuses a file over 25 MB with a 413 naming the file', async () => {
      const before = await stored();
      const bytes = Buffer.concat([SAMPLE_FILES.pdf(), Buffer.alloc(25 * 1024 * 1024)]);
      const res = await upload(t.tokens.evaluator, {}, bytes).expect(413);
      expect(res.body).toMatchObject({ code: 'too_large', errors: [{ field: 'file', message: 'larger than 25 MB' }] });
      expect(await stored()).toBe(before);
    });

    it.each([
      ['title', { title: '' }],
      ['date', { date: '2022-02-30' }],
      ['ownerKind', { ownerKind: 'plan' }],
      ['ownerId', { ownerId: 'not-a-uuid' }],
      ['ownerId', { ownerId: randomUUID() }],
    ])('answers 400 naming %s', async (field, query) => {
      const before = await stored();
      const res = await upload(t.tokens.evaluator, query, SAMPLE_FILES.pdf()).expect(400);
      expect(fields(res.body)).toContain(field);
      expect(await stored()).toBe(before);
    });

    it('answers 400 for an empty body', async () => {
      const res = await upload(t.tokens.evaluator, {}, Buffer.alloc(0), 'application/octet-stream').expect(400);
      expect(fields(res.body)).toEqual(['file']);
    });
  });

  describe('thumbnails (made by the workers)', () => {
    it('asks the workers for a thumbnail of an image, which is then served small and upright', async () => {
      // Arrange: a 1200 × 800 photo.
      const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 120, b: 200 } } })
        .jpeg()
        .toBuffer();
      const added = (await upload(t.tokens.evaluator, { title: 'Photo de la fête de quartier' }, photo, 'image/jpeg').expect(201))
        .body as Evidence & {
        thumbnailUrl: string | null;
      };
      expect(added.thumbnailUrl).toBeNull();
      const queue = t.app.get<Queue>(getQueueToken(EVIDENCE_QUEUE));
      expect(await queue.getJob(`thumbnail-${added.id}`)).toMatchObject({ name: 'make-thumbnail', data: { evidenceId: added.id } });
      const thumbnails = t.app.get(EvidenceThumbnailsService);
      expect(await thumbnails.missing(10_000)).toContain(added.id);
      // Act: what the workers' processor runs for that job.
      await expect(thumbnails.make(added.id)).resolves.toBe('made');
      // Assert
      const again = (await t.http().get(`/api/evidence/${added.id}`).set(bearer(t.tokens.committee)).expect(200)).body;
      expect(again.thumbnailUrl).toBe(`/api/evidence/${added.id}/thumbnail`);
      const res = await download(t.tokens.committee, again.thumbnailUrl).expect(200);
      expect(res.headers['content-type']).toBe('image/webp');
      const meta = await sharp(res.body as Buffer).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'webp', width: 320, height: 213 });
      expect(await thumbnails.missing(10_000)).not.toContain(added.id);
    });

    it('makes none for a document, and refuses to decode an image claiming gigapixels', async () => {
      const pdf = (await upload(t.tokens.evaluator, {}, SAMPLE_FILES.pdf()).expect(201)).body as Evidence;
      const thumbnails = t.app.get(EvidenceThumbnailsService);
      await expect(thumbnails.make(pdf.id)).resolves.toBe('not_an_image');
      await t.http().get(`/api/evidence/${pdf.id}/thumbnail`).set(bearer(t.tokens.admin)).expect(404);
      // A PNG whose header says 100,000 × 100,000 pixels: a few bytes that would claim 40 GB decoded.
      const bomb = SAMPLE_FILES.png();
      bomb.writeUInt32BE(100_000, 16);
      bomb.writeUInt32BE(100_000, 20);
      bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29); // the header chunk's checksum, as a real file has
      const added = (await upload(t.tokens.evaluator, {}, bomb, 'image/png').expect(201)).body as Evidence;
      await expect(thumbnails.make(added.id)).rejects.toThrow(/pixel limit/i);
    });
  });

  describe('who may add and remove', () => {
    it('lets a partner attach minutes to its own action, step and count, and nothing else', async () => {
      await upload(t.tokens.partner, {}, SAMPLE_FILES.pdf()).expect(201);
      await upload(
        t.tokens.partner,
        { ownerKind: 'work_step', ownerId: cell.workStepId },
        SAMPLE_FILES.odt(),
        'application/octet-stream',
      ).expect(201);
      const count = await t
        .http()
        .post('/api/participation-counts')
        .set(bearer(t.tokens.partner))
        .set('Idempotency-Key', randomUUID())
        .send({ instrumentId: plan.instrumentId, activity: 'Atelier', date: '2022-05-01', total: 30 })
        .expect(201);
      await upload(t.tokens.partner, { ownerKind: 'participation_count', ownerId: count.body.id }, SAMPLE_FILES.pdf()).expect(201);
      const refused = await upload(t.tokens.partner, { ownerId: otherActionId }, SAMPLE_FILES.pdf()).expect(403);
      expect(refused.body.code).toBe('forbidden');
      await upload(t.tokens.partner, { ownerKind: 'manual_value', ownerId: randomUUID() }, SAMPLE_FILES.pdf()).expect(400);
    });

    it('lets the committee read but not attach to an action', async () => {
      await upload(t.tokens.committee, {}, SAMPLE_FILES.pdf()).expect(403);
    });

    it('archives a removed file: gone from the list, still downloadable, and both steps in the audit trail', async () => {
      // Arrange
      const added = (await upload(t.tokens.evaluator, { title: 'Procès-verbal à retirer' }, SAMPLE_FILES.pdf()).expect(201))
        .body as Evidence;
      // Act
      await t.http().delete(`/api/evidence/${added.id}`).set(bearer(t.tokens.committee)).expect(403);
      await t.http().delete(`/api/evidence/${added.id}`).set(bearer(t.tokens.evaluator)).expect(204);
      // Assert
      const listed = await t
        .http()
        .get('/api/evidence')
        .query({ ownerKind: 'action', ownerId: plan.actionId })
        .set(bearer(t.tokens.admin))
        .expect(200);
      expect((listed.body as Evidence[]).map((e) => e.id)).not.toContain(added.id);
      const archived = await t
        .http()
        .get('/api/evidence')
        .query({ ownerKind: 'action', ownerId: plan.actionId, archived: 'true' })
        .set(bearer(t.tokens.evaluator))
        .expect(200);
      expect((archived.body as Evidence[]).find((e) => e.id === added.id)?.archivedAt).toEqual(expect.any(String));
      await download(t.tokens.committee, added.url).expect(200);
      const events = await t
        .http()
        .get('/api/audit-events')
        .query({ entityType: 'evidence', entityId: added.id })
        .set(bearer(t.tokens.admin))
        .expect(200);
      const items = events.body.items as { action: string; actor: { id: string | null } | null }[];
      expect(items.map((e) => e.action).sort()).toEqual(['archive', 'create']);
      expect(items.every((e) => e.actor?.id === added.addedBy)).toBe(true);
      const [{ n }] = await t.db.query<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'evidence' AND entity_id = $1 AND plan_id = $2",
        [added.id, plan.planId],
      );
      expect(n).toBe(2);
    });

    describe('a follow-up means of kind « document » (owner kind instrument)', () => {
      const instrument = async (kind: 'document' | 'questionnaire', actionId = plan.actionId): Promise<string> => {
        const res = await t
          .http()
          .post('/api/instruments')
          .set(bearer(t.tokens.admin))
          .send({ planId: plan.planId, actionId, kind, name: kind === 'document' ? 'Compte rendu des rencontres' : 'Sondage' })
          .expect(201);
        fx.track(`/api/instruments/${res.body.id}`);
        return res.body.id as string;
      };
      const listOf = async (token: string, instrumentId: string) =>
        (await t.http().get('/api/evidence').query({ ownerKind: 'instrument', ownerId: instrumentId }).set(bearer(token)).expect(200))
          .body as Evidence[];

      it('keeps a document instrument’s minutes, listed by date', async () => {
        // Arrange
        const minutes = await instrument('document');
        // Act
        const later = (
          await upload(
            t.tokens.evaluator,
            { ownerKind: 'instrument', ownerId: minutes, title: 'PV du 3 mai', date: '2023-05-03' },
            SAMPLE_FILES.pdf(),
          ).expect(201)
        ).body as Evidence;
        const earlier = (
          await upload(
            t.tokens.admin,
            { ownerKind: 'instrument', ownerId: minutes, title: 'PV du 8 février', date: '2023-02-08' },
            SAMPLE_FILES.pdf(),
          ).expect(201)
        ).body as Evidence;
        // Assert
        expect(later).toMatchObject({ ownerKind: 'instrument', ownerId: minutes, planId: plan.planId });
        expect((await listOf(t.tokens.committee, minutes)).map((e) => e.id)).toEqual([earlier.id, later.id]);
      });

      it('answers 400 naming ownerId for an instrument of another kind', async () => {
        const survey = await instrument('questionnaire');
        const before = await stored();
        const res = await upload(t.tokens.evaluator, { ownerKind: 'instrument', ownerId: survey }, SAMPLE_FILES.pdf()).expect(400);
        expect(fields(res.body)).toEqual(['ownerId']);
        expect(await stored()).toBe(before);
      });

      it('lets a partner of the instrument’s action attach its minutes, and refuses another partner', async () => {
        // Arrange: the demo partner is responsible for the plan's action; another organization's partner is not.
        const minutes = await instrument('document');
        const { organizationId } = await fx.organization();
        const other = await fx.user({ role: 'partner', organizationId });
        const otherPartner = (await t.http().post('/api/auth/login').send({ email: other.email, password: other.password }).expect(200))
          .body.accessToken as string;
        // Act
        const ours = await upload(
          t.tokens.partner,
          { ownerKind: 'instrument', ownerId: minutes, title: 'Compte rendu' },
          SAMPLE_FILES.pdf(),
        );
        const theirs = await upload(otherPartner, { ownerKind: 'instrument', ownerId: minutes }, SAMPLE_FILES.pdf());
        // Assert
        expect(ours.status).toBe(201);
        expect(theirs.status).toBe(403);
        expect(theirs.body.code).toBe('forbidden');
        expect((await listOf(t.tokens.partner, minutes)).map((e) => e.id)).toEqual([ours.body.id]);
      });
    });

    it('answers 404 for an unknown file', async () => {
      await t.http().get(`/api/evidence/${randomUUID()}/file`).set(bearer(t.tokens.admin)).expect(404);
    });
  });
});
