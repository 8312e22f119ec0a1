import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkersModule } from './workers.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkersModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM and SIGINT close the BullMQ workers, which finish or hand back their current job.
  app.enableShutdownHooks();
  console.log(`Repère workers are ready (pid ${process.pid})`);
}

void bootstrap();
