import { Module, RequestMethod } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { appConfig, CONFIGS, databaseConfig } from './config/configuration';
import { validateEnv } from './config/env.validation';
import { dataSourceOptions } from './database/data-source-options';

/** What both processes (API and workers) stand on: validated config, structured logs, the database. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv, load: CONFIGS }),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => ({
        // Residents' responses are counted, not logged one by one: a per-request logger there cost about a sixth of
        // the ingest's CPU (bench:ingest). Their failures are still logged by the service.
        exclude: [{ method: RequestMethod.POST, path: 'public/questionnaires/:slug/responses' }],
        // Named, as path-to-regexp 8 wants (nestjs-pino's default '*' is converted with a warning at each start).
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: app.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
          // Residents answer anonymously: no address or user agent in the logs either.
          serializers: { req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url }) },
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: ConfigType<typeof databaseConfig>) => dataSourceOptions(db.url),
    }),
  ],
})
export class CoreModule {}
