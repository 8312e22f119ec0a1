import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AggregationModule } from '@backend/aggregation/aggregation.module';
import { EVALUATION_QUEUE } from '@backend/queue/queues';
import { EvaluationFreezerService } from './evaluation-freezer.service';
import { EvaluationQueueService } from './evaluation-queue.service';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsRepository } from './evaluations.repository';
import { EvaluationsService } from './evaluations.service';

/** Mid-term and final evaluations: opened by the API, frozen by the workers, assessed and closed by the committee. */
@Module({
  imports: [AggregationModule, BullModule.registerQueue({ name: EVALUATION_QUEUE })],
  controllers: [EvaluationsController],
  providers: [EvaluationsRepository, EvaluationsService, EvaluationFreezerService, EvaluationQueueService],
  exports: [EvaluationsService, EvaluationFreezerService, EvaluationQueueService, BullModule],
})
export class EvaluationsModule {}
