import { Module } from '@nestjs/common';
import { AggregationModule } from '@backend/aggregation/aggregation.module';
import { IndicatorsController, InstrumentsController, ManualValuesController } from './indicators.controller';
import { IndicatorOverviewService } from './indicator-overview.service';
import { IndicatorsService } from './indicators.service';
import { InstrumentsService } from './instruments.service';

@Module({
  imports: [AggregationModule],
  controllers: [IndicatorsController, InstrumentsController, ManualValuesController],
  providers: [IndicatorsService, InstrumentsService, IndicatorOverviewService],
  exports: [IndicatorsService, InstrumentsService],
})
export class IndicatorsModule {}
