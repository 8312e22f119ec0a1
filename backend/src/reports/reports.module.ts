import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AggregationModule } from '@backend/aggregation/aggregation.module';
import { EvaluationsModule } from '@backend/evaluations/evaluations.module';
import { REPORT_QUEUE } from '@backend/queue/queues';
import { ReportQueueService } from './report-queue.service';
import { ReportRenderService } from './report-render.service';
import { ReportSourcesService } from './report-sources.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Reports: asked for through the API, rendered and stored by the workers, downloaded from the API. */
@Module({
  imports: [AggregationModule, EvaluationsModule, BullModule.registerQueue({ name: REPORT_QUEUE })],
  controllers: [ReportsController],
  providers: [ReportsService, ReportQueueService, ReportSourcesService, ReportRenderService],
  exports: [ReportsService, ReportRenderService],
})
export class ReportsModule {}
