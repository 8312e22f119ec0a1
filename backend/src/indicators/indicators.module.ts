import { Module } from '@nestjs/common';
import { AggregationModule } from '@backend/aggregation/aggregation.module';
import { IndicatorsController, InstrumentsController, ManualValuesController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { InstrumentsService } from './instruments.service';

@Module({
  imports: [AggregationModule],
  controllers: [IndicatorsController, InstrumentsController, ManualValuesController],
  providers: [IndicatorsService, InstrumentsService],
  exports: [IndicatorsService, InstrumentsService],
})
export class IndicatorsModule {}
