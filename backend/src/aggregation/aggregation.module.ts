import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AGGREGATION_QUEUE, SYSTEM_QUEUE } from '@backend/queue/queues';
import { AggregationQueueService } from './aggregation-queue.service';
import { AggregationRepository } from './aggregation.repository';
import { AggregationService } from './aggregation.service';
import { FiguresService } from './figures.service';
import { IndicatorValuesController } from './indicator-values.controller';
import { IndicatorValuesService } from './indicator-values.service';
import { QueueBoardController } from './queue-board.controller';
import { QueueBoardService } from './queue-board.service';

/** Indicator values: computed by the workers from the raw rows, read by the API. */
@Module({
  imports: [BullModule.registerQueue({ name: AGGREGATION_QUEUE }, { name: SYSTEM_QUEUE })],
  controllers: [IndicatorValuesController, QueueBoardController],
  providers: [
    AggregationRepository,
    AggregationService,
    AggregationQueueService,
    FiguresService,
    IndicatorValuesService,
    QueueBoardService,
  ],
  exports: [AggregationRepository, AggregationService, AggregationQueueService, FiguresService, BullModule],
})
export class AggregationModule {}
