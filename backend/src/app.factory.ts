import { existsSync } from 'node:fs';
import { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { registerSecurityHeaders } from './common/security-headers';
import { appConfig } from './config/configuration';
import { validateEnv } from './config/env.validation';
import { registerPublicRoutes } from './responses/public-route';

/** The API (and, when built, the web app) on one origin; used by main.ts and by the tests alike. */
export async function createApp(): Promise<NestFastifyApplication> {
  const env = validateEnv(process.env);
  const adapter = new FastifyAdapter({ bodyLimit: env.BODY_LIMIT_BYTES, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  registerSecurityHeaders(app.getHttpAdapter().getInstance());

  // Per-client limit and body limits of the residents' routes; before app.init(), which registers the routes.
  await registerPublicRoutes(app, app.get<ConfigType<typeof appConfig>>(appConfig.KEY).publicRateLimit);

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
