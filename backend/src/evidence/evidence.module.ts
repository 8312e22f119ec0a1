import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { EVIDENCE_QUEUE } from '@backend/queue/queues';
import { EvidenceThumbnailsService } from './evidence-thumbnails.service';
import { EvidenceController } from './evidence.controller';
import { IndicatorEvidenceController } from './indicator-evidence.controller';
import { EvidenceService } from './evidence.service';
import { EvidenceStores } from './storage/evidence-stores';
import { PostgresEvidenceStorage } from './storage/postgres-evidence-storage';

/** Files behind figures (issue 19): stored in PostgreSQL by default, or in an S3-compatible store (EVIDENCE_STORAGE). */
@Module({
  imports: [BullModule.registerQueue({ name: EVIDENCE_QUEUE })],
  controllers: [EvidenceController, IndicatorEvidenceController],
  providers: [EvidenceService, EvidenceStores, PostgresEvidenceStorage, EvidenceThumbnailsService],
  exports: [EvidenceService, EvidenceThumbnailsService],
})
export class EvidenceModule {}
