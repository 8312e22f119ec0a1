import { Module } from '@nestjs/common';
import { IndicatorsController, InstrumentsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { InstrumentsService } from './instruments.service';

@Module({
  controllers: [IndicatorsController, InstrumentsController],
  providers: [IndicatorsService, InstrumentsService],
  exports: [IndicatorsService, InstrumentsService],
})
export class IndicatorsModule {}
