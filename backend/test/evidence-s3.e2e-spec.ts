import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Fixtures, fixtures, PlanFixture } from './support/fixtures';
import { S3Store, startS3Store } from './support/s3-store';
import { SAMPLE_FILES } from './support/stored-zip';
import { bearer, startTestApp, TestApp } from './support/test-app';

/** The settings a deployment with an S3-compatible store sets; put back as they were after this file. */
const S3_SETTINGS = ['EVIDENCE_STORAGE', 'S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

describe('Evidence files in an S3-compatible store (EVIDENCE_STORAGE=s3)', () => {
  let store: S3Store;
  let t: TestApp;
  let fx: Fixtures;
  let plan: PlanFixture;
  const saved = Object.fromEntries(S3_SETTINGS.map((k) => [k, process.env[k]]));

  beforeAll(async () => {
    store = await startS3Store();
    Object.assign(process.env, {
      EVIDENCE_STORAGE: 's3',
      S3_ENDPOINT: store.endpoint,
      S3_BUCKET: store.bucket,
      S3_ACCESS_KEY_ID: store.accessKeyId,
      S3_SECRET_ACCESS_KEY: store.secretAccessKey,
    });
    t = await startTestApp();
    fx = fixtures(t);
    plan = await fx.plan();
  });
  afterAll(async () => {
    await fx.cleanup();
    await t.close();
    await store.stop();
    for (const k of S3_SETTINGS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  const upload = (bytes: Buffer, title = 'Procès-verbal du comité') =>
    t
      .http()
      .post('/api/evidence')
      .query({ ownerKind: 'action', ownerId: plan.actionId, title, date: '2023-01-15' })
      .set(bearer(t.tokens.evaluator))
      .set('Content-Type', 'application/pdf')
      .send(bytes);
  const download = (url: string) =>
    t
      .http()
      .get(url)
      .set(bearer(t.tokens.committee))
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => done(null, Buffer.concat(parts)));
      });

  it('writes the bytes to the store, not to PostgreSQL, and serves them back', async () => {
    // Arrange
    const bytes = SAMPLE_FILES.pdf();
    // Act
    const res = await upload(bytes).expect(201);
    // Assert
    const [row] = await t.db.query<{ storage: string; storage_key: string }[]>(
      'SELECT storage, storage_key FROM evidence_files WHERE id = $1',
      [res.body.id],
    );
    expect(row.storage).toBe('s3');
    const [{ n }] = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM evidence_blobs WHERE key = $1', [row.storage_key]);
    expect(n).toBe(0);
    const client = new S3Client({
      endpoint: store.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey },
    });
    const object = await client.send(new GetObjectCommand({ Bucket: store.bucket, Key: row.storage_key }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(bytes)).toBe(true);
    client.destroy();
    const file = await download(res.body.url).expect(200);
    expect((file.body as Buffer).equals(bytes)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('still serves a file kept in PostgreSQL before the deployment moved to the store', async () => {
    // Arrange: a row and its bytes as the default storage wrote them.
    const bytes = SAMPLE_FILES.png();
    const [{ id }] = await t.db.transaction(async (em) => {
      await em.query("INSERT INTO evidence_blobs (key, bytes) VALUES ('before-the-move', $1)", [bytes]);
      return em.query<{ id: string }[]>(
        `INSERT INTO evidence_files (owner_kind, owner_id, plan_id, title, date, media_type, size, sha256, storage, storage_key)
         VALUES ('action', $1, $2, 'Photo', '2022-06-01', 'image/png', $3, sha256($4), 'postgres', 'before-the-move') RETURNING id`,
        [plan.actionId, plan.planId, bytes.length, bytes],
      );
    });
    // Act
    const file = await download(`/api/evidence/${id}/file`).expect(200);
    // Assert
    expect((file.body as Buffer).equals(bytes)).toBe(true);
    expect(file.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('answers 503 and keeps no row when the store is unreachable', async () => {
    // Arrange
    await store.stop();
    const [{ n: before }] = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM evidence_files WHERE plan_id = $1', [
      plan.planId,
    ]);
    // Act
    const res = await upload(SAMPLE_FILES.pdf(), 'Rapport d’activités').expect(503);
    // Assert
    expect(res.body.code).toBe('unavailable');
    const [{ n: after }] = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM evidence_files WHERE plan_id = $1', [
      plan.planId,
    ]);
    expect(after).toBe(before);
  });
});
