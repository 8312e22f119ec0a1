import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AggregationModule } from '@backend/aggregation/aggregation.module';
import { OrganizationsModule } from '@backend/organizations/organizations.module';
import { IMPORT_QUEUE } from '@backend/queue/queues';
import { ImportFilesService } from './import-files.service';
import { ImportQueueService } from './import-queue.service';
import { ImportRunnerService } from './import-runner.service';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { PlanImportService } from './plan-table/plan-import.service';
import { ResponsesImportService } from './responses/responses-import.service';
import { WorkCellImportService } from './work-cell-fiche/work-cell-import.service';

/** Bringing existing material in: action plans' tables, work cells' fiches and past responses, previewed then written. */
@Module({
  imports: [AggregationModule, OrganizationsModule, BullModule.registerQueue({ name: IMPORT_QUEUE })],
  controllers: [ImportsController],
  providers: [
    ImportsService,
    ImportsRepository,
    ImportFilesService,
    ImportQueueService,
    ImportRunnerService,
    PlanImportService,
    WorkCellImportService,
    ResponsesImportService,
  ],
  exports: [ImportRunnerService, ImportQueueService, BullModule],
})
export class ImportsModule {}
