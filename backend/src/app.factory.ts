import { existsSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { registerSecurityHeaders, securityHeaders } from './common/security-headers';
import { appConfig } from './config/configuration';
import { validateEnv } from './config/env.validation';
import { directIngest, DirectRoute } from './responses/direct-ingest';
import { registerPublicRoutes } from './responses/public-route';
import { ResponsesService } from './responses/responses.service';

/** The API (and, when built, the web app) on one origin; used by main.ts and by the tests alike. */
export async function createApp(): Promise<NestFastifyApplication> {
  const env = validateEnv(process.env);
  // Residents' responses are served ahead of Fastify (responses/direct-ingest.ts); everything else goes to Fastify.
  let direct: DirectRoute | null = null;
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: true,
    serverFactory: (fastifyHandler: (req: IncomingMessage, res: ServerResponse) => void) => {
      const server = createServer((req, res) => {
        if (!direct?.(req, res)) fastifyHandler(req, res);
      });
      server.keepAliveTimeout = 72_000; // Fastify's own default: phones and proxies reuse their connections
      return server;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  const headers = securityHeaders();
  registerSecurityHeaders(app.getHttpAdapter().getInstance(), headers);

  // Per-client limit and body limits of the residents' routes; before app.init(), which registers the routes.
  const limits = registerPublicRoutes(app.getHttpAdapter().getInstance(), app.get<ConfigType<typeof appConfig>>(appConfig.KEY).publicRateLimit);
  const responses = app.get(ResponsesService);
  direct = directIngest({ submit: (slug, key, body) => responses.submit(slug, key, body), limits, headers });

  const document = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('Repère API')
    .setDescription('Plans, indicators, questionnaires and evaluations of social-development action plans.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build());
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  const web = app.get<ConfigType<typeof appConfig>>(appConfig.KEY).webDist;
  if (existsSync(`${web}/index.html`)) {
    app.useStaticAssets({ root: web, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  return app;
}
