import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AGGREGATION_QUEUE } from '@backend/queue/queues';
import { AggregationQueueService } from './aggregation-queue.service';
import { AggregationService } from './aggregation.service';
import { IndicatorValuesController } from './indicator-values.controller';
import { IndicatorValuesService } from './indicator-values.service';

/** Indicator values: computed by the workers from the raw rows, read by the API. */
@Module({
  imports: [BullModule.registerQueue({ name: AGGREGATION_QUEUE })],
  controllers: [IndicatorValuesController],
  providers: [AggregationService, AggregationQueueService, IndicatorValuesService],
  exports: [AggregationService, AggregationQueueService, BullModule],
})
export class AggregationModule {}
