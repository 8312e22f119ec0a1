import { BullModule } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
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
import { UPLOAD_TYPES } from './upload-types';
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
export class ImportsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Uploads reach the controller as a stream, never buffered whole: a file may weigh 200 MB. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // the workers have no HTTP server
    if (fastify.hasContentTypeParser('text/plain')) fastify.removeContentTypeParser('text/plain');
    fastify.addContentTypeParser([...UPLOAD_TYPES], (req, payload, done) => {
      if (req.url.startsWith('/api/imports')) return done(null, payload);
      // Every other route reads JSON: a file or text sent there is refused before it is read.
      done(
        Object.assign(new Error(`This route reads application/json, not ${req.headers['content-type'] ?? 'this type'}`), {
          statusCode: 415,
        }),
        undefined,
      );
    });
  }
}
