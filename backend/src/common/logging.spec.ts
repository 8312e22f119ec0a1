import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import type { DestinationStream } from 'pino';
import pinoHttp, { Options } from 'pino-http';
import { isQuietRequest, levelFor, loggerParams, requestLevel } from './logging';

describe('log levels', () => {
  it("sends Nest's start-up wiring (modules, controllers, routes) down to debug, and nothing else", () => {
    expect(levelFor('RouterExplorer', 'info')).toBe('debug');
    expect(levelFor('RoutesResolver', 'info')).toBe('debug');
    expect(levelFor('InstanceLoader', 'info')).toBe('debug');
    expect(levelFor('NestApplication', 'info')).toBe('info');
    expect(levelFor('RouterExplorer', 'warn')).toBe('warn');
    expect(levelFor(undefined, 'info')).toBe('info');
  });

  it('keeps the health check and the web app files out of the info lines, unless they fail', () => {
    expect(isQuietRequest('/api/health')).toBe(true);
    expect(isQuietRequest('/api/health?probe=1')).toBe(true);
    expect(isQuietRequest('/assets/index-abc.js')).toBe(true);
    expect(isQuietRequest('/')).toBe(true);
    expect(isQuietRequest('/api/plans')).toBe(false);
    expect(isQuietRequest('/api')).toBe(false);
    expect(isQuietRequest('/apiary')).toBe(true);
    expect(requestLevel('/api/plans', 200, false)).toBe('info');
    expect(requestLevel('/api/plans', 404, false)).toBe('info');
    expect(requestLevel('/api/health', 200, false)).toBe('debug');
    expect(requestLevel('/api/health', 503, false)).toBe('error');
    expect(requestLevel('/api/plans', 200, true)).toBe('error');
  });
});

describe(loggerParams.name, () => {
  let server: Server;
  let output: string[];

  /** A logger as core.module.ts builds it, its lines collected, and an HTTP server answering with `status`. */
  async function start(settings: Parameters<typeof loggerParams>[0], status: (url: string) => number) {
    output = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) =>
      output.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((l) => l !== ''),
      ),
    );
    const [options, stream] = loggerParams(settings, sink).pinoHttp as [Options, DestinationStream];
    const middleware = pinoHttp(options, stream);
    server = createServer((req, res) => {
      middleware(req, res);
      res.statusCode = status(req.url ?? '');
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { logger: middleware.logger, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }
  /** Lines arrive when responses finish, through a stream: wait for `count` of them (and a moment for any extra). */
  async function settle(count: number) {
    for (let i = 0; i < 100 && output.length < count; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('pretty: one short line per request, no route listing, no health checks, no stack for a bare 5xx', async () => {
    const { logger, base } = await start({ logLevel: 'info', logFormat: 'pretty' }, (url) =>
      url === '/api/health' ? 503 : url === '/api/ping' ? 200 : 404,
    );
    logger.info({ context: 'RouterExplorer' }, 'Mapped {/api/plans, GET} route');
    logger.info({ context: 'NestApplication' }, 'Nest application successfully started');
    await fetch(`${base}/api/ping`);
    await fetch(`${base}/api/nope`);
    await fetch(`${base}/api/health`);
    await settle(4);
    expect(output).toHaveLength(4);
    expect(output[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: \[NestApplication\] Nest application successfully started$/);
    expect(output[1]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/api\/ping 200 \d+ms$/);
    expect(output[2]).toMatch(/INFO: GET \/api\/nope 404 \d+ms$/);
    expect(output[3]).toMatch(/ERROR: GET \/api\/health 503 \d+ms$/);
  });

  it('pretty at debug: the routes and the health checks are there', async () => {
    const { logger, base } = await start({ logLevel: 'debug', logFormat: 'pretty' }, () => 200);
    logger.info({ context: 'RouterExplorer' }, 'Mapped {/api/plans, GET} route');
    await fetch(`${base}/api/health`);
    await settle(2);
    expect(output).toHaveLength(2);
    expect(output[0]).toMatch(/DEBUG: \[RouterExplorer\] Mapped \{\/api\/plans, GET\} route$/);
    expect(output[1]).toMatch(/DEBUG: GET \/api\/health 200 \d+ms$/);
  });

  it('json: the same events and levels, one object per line, with the request and the status but no headers', async () => {
    const { logger, base } = await start({ logLevel: 'info', logFormat: 'json' }, () => 200);
    logger.info({ context: 'RouterExplorer' }, 'Mapped {/api/plans, GET} route');
    await fetch(`${base}/api/plans?page=2`, { headers: { authorization: 'Bearer secret' } });
    await settle(1);
    expect(output).toHaveLength(1);
    const line = JSON.parse(output[0]) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 30,
      msg: expect.stringMatching(/^GET \/api\/plans\?page=2 200 \d+ms$/),
      req: { method: 'GET', url: '/api/plans?page=2' },
      res: { statusCode: 200 },
    });
    expect(output[0]).not.toContain('secret');
  });
});
