import { Module } from '@nestjs/common';
import { CoreModule } from '@backend/core.module';
import { QueueModule } from '@backend/queue/queue.module';
import { SystemProcessor } from './system.processor';

/** The worker process: the same domain and database as the API, no HTTP server, processors only. */
@Module({
  imports: [CoreModule, QueueModule.forRoot('worker')],
  providers: [SystemProcessor],
})
export class WorkersModule {}
