import { existsSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { registerSecurityHeaders, securityHeaders } from './common/security-headers';
import { registerInputRules } from './common/input-hooks';
import { registerFileUploads } from './common/file-uploads';
import { EVIDENCE_UPLOAD_TYPES } from './evidence/evidence-upload-types';
import { UPLOAD_TYPES } from './imports/upload-types';
import { trustFunction } from './common/client-address';
import { appConfig, redisConfig } from './config/configuration';
import { loadEnv } from './config/load-env';
import { directIngest, DirectRoute } from './responses/direct-ingest';
import { registerPublicRoutes } from './common/public-route';
import { setupOpenApi } from './common/openapi';
import { ResponsesService } from './responses/responses.service';
import { serveWebApp } from './web/serve-web-app';

/** The API (and, when built, the web app) on one origin; used by main.ts and by the tests alike. */
export async function createApp(): Promise<NestFastifyApplication> {
  const env = loadEnv();
  const trust = trustFunction(env.TRUST_PROXY);
  // Residents' responses are served ahead of Fastify (responses/direct-ingest.ts); everything else goes to Fastify.
  let direct: DirectRoute | null = null;
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    // Off unless TRUST_PROXY names the proxies: otherwise X-Forwarded-For would let any client pick its address.
    trustProxy: trust ?? false,
    serverFactory: (fastifyHandler: (req: IncomingMessage, res: ServerResponse) => void) => {
      const server = createServer((req, res) => {
        if (!direct?.(req, res)) fastifyHandler(req, res);
      });
      server.keepAliveTimeout = 72_000; // Fastify's own default: phones and proxies reuse their connections
      return server;
    },
  });
  // bodyParser off: JSON is parsed by common/input-hooks.ts, with the input rules every route shares.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  const config = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  const fastify = app.getHttpAdapter().getInstance();
  const headers = securityHeaders(config.publicUrl);
  registerSecurityHeaders(fastify, headers);
  registerInputRules(fastify, env.BODY_LIMIT_BYTES);
  registerFileUploads(fastify, [
    { prefix: '/api/imports', types: UPLOAD_TYPES },
    { prefix: '/api/evidence', types: EVIDENCE_UPLOAD_TYPES },
  ]);

  // Per-client limits and body limits of the routes reached without an account; before app.init(), which
  // registers the routes. The counts are in Redis, shared by every API process.
  const redis = rateLimitRedis(app.get<ConfigType<typeof redisConfig>>(redisConfig.KEY).url);
  fastify.addHook('onClose', async () => {
    redis.disconnect();
  });
  const submitLimit = await registerPublicRoutes(fastify, {
    publicPerMinute: config.publicRateLimit,
    loginPerMinute: config.loginRateLimit,
    redis,
    keyPrefix: app.get<ConfigType<typeof redisConfig>>(redisConfig.KEY).queuePrefix,
  });
  const responses = app.get(ResponsesService);
  direct = directIngest({ submit: (slug, key, body) => responses.submit(slug, key, body), submitLimit, trust, headers });

  setupOpenApi(app, config.publicUrl);

  const web = config.webDist;
  if (existsSync(`${web}/index.html`)) {
    serveWebApp(app, web);
  }
  return app;
}

/**
 * The rate limits' own connection: its commands fail at once while Redis is away (no offline queue), so that the
 * limiter skips itself instead of holding residents' requests until Redis returns.
 */
function rateLimitRedis(url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2000 });
  redis.on('error', () => undefined); // reconnects by itself; the health check reports Redis's state
  return redis;
}
