import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { appConfig, CONFIGS, databaseConfig } from './config/configuration';
import { validateEnv } from './config/env.validation';
import { dataSourceOptions } from './database/data-source-options';
import { loggerParams } from './common/logging';

/** What both processes (API and workers) stand on: validated config, structured logs, the database. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv, load: CONFIGS }),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      // Readable lines at a terminal, JSON for a collector (LOG_FORMAT); the same levels either way (logging.ts).
      useFactory: (app: ConfigType<typeof appConfig>) => loggerParams(app),
    }),
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: ConfigType<typeof databaseConfig>) => dataSourceOptions(db.url),
    }),
  ],
})
export class CoreModule {}
