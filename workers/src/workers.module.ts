import { Module } from '@nestjs/common';
import { AggregationModule } from '@backend/aggregation/aggregation.module';
import { CoreModule } from '@backend/core.module';
import { QueueModule } from '@backend/queue/queue.module';
import { AggregationProcessor } from './aggregation/aggregation.processor';
import { SystemProcessor } from './system.processor';

/** The worker process: the same domain and database as the API, no HTTP server, processors only. */
@Module({
  imports: [CoreModule, QueueModule.forRoot('worker'), AggregationModule],
  providers: [SystemProcessor, AggregationProcessor],
})
export class WorkersModule {}
