import { Module } from '@nestjs/common';
import { AggregationModule } from '@backend/aggregation/aggregation.module';
import { CoreModule } from '@backend/core.module';
import { EvaluationsModule } from '@backend/evaluations/evaluations.module';
import { EvidenceModule } from '@backend/evidence/evidence.module';
import { ImportsModule } from '@backend/imports/imports.module';
import { QueueModule } from '@backend/queue/queue.module';
import { ReportsModule } from '@backend/reports/reports.module';
import { AggregationProcessor } from './aggregation/aggregation.processor';
import { EvaluationProcessor } from './evaluations/evaluation.processor';
import { EvidenceProcessor } from './evidence/evidence.processor';
import { ImportProcessor } from './imports/import.processor';
import { ReportProcessor } from './reports/report.processor';
import { SystemProcessor } from './system.processor';

/** The worker process: the same domain and database as the API, no HTTP server, processors only. */
@Module({
  imports: [CoreModule, QueueModule.forRoot('worker'), AggregationModule, EvaluationsModule, ReportsModule, ImportsModule, EvidenceModule],
  providers: [SystemProcessor, AggregationProcessor, EvaluationProcessor, ReportProcessor, ImportProcessor, EvidenceProcessor],
})
export class WorkersModule {}
