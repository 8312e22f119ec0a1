import { existsSync, readFileSync } from 'node:fs';
import { IncomingHttpHeaders, request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ConfigType } from '@nestjs/config';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@backend/app.factory';
import { appConfig } from '@backend/config/configuration';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes on the wire, not decoded (supertest would decompress them). */
  body: Buffer;
}

const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

describe('The web app, as a phone downloads it', () => {
  let app: NestFastifyApplication;
  let port: number;
  let dist: string;
  /** The resident page's own script, named after its content's hash (/assets/q-….js). */
  let script: string;

  const get = (path: string, acceptEncoding?: string): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
      const req = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  const file = (name: string): Buffer => readFileSync(join(dist, name));
  const varies = (res: RawResponse): string[] =>
    String(res.headers.vary ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase());

  beforeAll(async () => {
    app = await createApp();
    dist = app.get<ConfigType<typeof appConfig>>(appConfig.KEY).webDist;
    // npm test builds the web app before Jest runs; without it, these tests would check nothing.
    if (!existsSync(join(dist, 'q.html'))) {
      throw new Error(`The web app is not built (no ${join(dist, 'q.html')}): run \`npm run build:web\` first.`);
    }
    const src = /<script[^>]+src="(\/assets\/q-[^"]+\.js)"/.exec(file('q.html').toString())?.[1];
    if (!src) throw new Error('q.html names no /assets/q-….js script');
    script = src;
    // Listening through Fastify, so that app.close() closes the server too.
    await app.listen(0, '127.0.0.1');
    port = ((app.getHttpServer() as Server).address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('a hashed script of the resident page', () => {
    it('comes as brotli to a client that accepts it, smaller than the file and decoding to it', async () => {
      const raw = file(script);
      const res = await get(script, 'br');
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.body.length).toBeLessThan(raw.length);
      expect(brotliDecompressSync(res.body).equals(raw)).toBe(true);
    });

    it('comes as gzip to a client that accepts only gzip', async () => {
      const raw = file(script);
      const res = await get(script, 'gzip');
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.body.length).toBeLessThan(raw.length);
      expect(gunzipSync(res.body).equals(raw)).toBe(true);
    });

    it('comes as brotli to a browser that offers every encoding', async () => {
      const res = await get(script, 'gzip, deflate, br, zstd');
      expect(res.headers['content-encoding']).toBe('br');
    });

    it('comes as the file itself to a client that accepts no encoding', async () => {
      const res = await get(script);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.equals(file(script))).toBe(true);
    });

    it('is kept by the browser for a year without asking again, whatever the encoding, and varies by Accept-Encoding', async () => {
      for (const encoding of ['br', 'gzip', undefined]) {
        const res = await get(script, encoding);
        expect(res.headers['cache-control']).toBe(YEAR_IMMUTABLE);
        expect(varies(res)).toContain('accept-encoding');
      }
    });

    it('has its stylesheet served the same way', async () => {
      const css = /<link[^>]+rel="stylesheet"[^>]+href="(\/assets\/[^"]+\.css)"/.exec(file('q.html').toString())?.[1];
      expect(css).toBeDefined();
      const res = await get(css!, 'br');
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe(YEAR_IMMUTABLE);
      expect(brotliDecompressSync(res.body).equals(file(css!.slice(1)))).toBe(true);
    });
  });

  describe('the pages, which name the current scripts and so are never cached', () => {
    it.each([
      ['/', 'index.html'],
      ['/index.html', 'index.html'],
      ['/q.html', 'q.html'],
      ['/q/some-slug', 'q.html'],
      ['/q/some-slug?lang=ar', 'q.html'],
      ['/plans/anything', 'index.html'],
    ])('%s is %s, compressed, with no-store', async (path, page) => {
      const res = await get(path, 'br, gzip');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(varies(res)).toContain('accept-encoding');
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.body).equals(file(page))).toBe(true);
    });

    it('are sent as they are, still never cached, to a client that accepts no encoding', async () => {
      for (const [path, page] of [
        ['/q/some-slug', 'q.html'],
        ['/plans/anything', 'index.html'],
      ]) {
        const res = await get(path);
        expect(res.headers['content-encoding']).toBeUndefined();
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.body.equals(file(page))).toBe(true);
      }
    });
  });

  it('answers a missing asset with a 404, not with a page of the web app', async () => {
    const res = await get('/assets/x.js', 'br, gzip');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body.toString())).toMatchObject({ statusCode: 404, code: 'not_found' });
  });

  it('does not serve the compressed copies as files of their own', async () => {
    const res = await get(`${script}.br`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('leaves the API as it was: JSON, not compressed, not cached as an asset', async () => {
    const res = await get('/api/health', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBeUndefined();
    expect(JSON.parse(res.body.toString())).toMatchObject({ status: 'ok' });
  });
});
