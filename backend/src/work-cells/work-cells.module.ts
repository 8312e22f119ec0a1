import { Module } from '@nestjs/common';
import { AggregationModule } from '@backend/aggregation/aggregation.module';
import { PartnershipsController, WorkCellsController, WorkStepsController } from './work-cells.controller';
import { WorkCellsService } from './work-cells.service';
import { WorkStepsService } from './work-steps.service';

@Module({
  imports: [AggregationModule],
  controllers: [WorkCellsController, WorkStepsController, PartnershipsController],
  providers: [WorkCellsService, WorkStepsService],
  exports: [WorkCellsService],
})
export class WorkCellsModule {}
