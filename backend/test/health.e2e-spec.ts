import { startTestApp, TestApp } from './support/test-app';

describe('Service endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports the database and Redis up, and that the demo data is loaded', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', redis: 'up', demo: true });
  });

  it('sends security headers', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('documents every endpoint in OpenAPI', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths as Record<string, unknown>);
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/plans',
      '/api/plans/{id}/tree',
      '/api/work-cells',
      '/api/work-cells/{id}',
      '/api/organizations',
      '/api/orientations',
      '/api/objectives',
      '/api/actions',
      '/api/expected-results',
      '/api/indicators',
      '/api/instruments',
      '/api/work-steps/{id}',
      '/api/partnerships',
      '/api/users',
    ]) {
      expect(paths).toContain(path);
    }
    await t.http().get('/api/docs').expect(200);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.http().get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
  });
});
