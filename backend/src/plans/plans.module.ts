import { Module } from '@nestjs/common';
import { AggregationModule } from '@backend/aggregation/aggregation.module';
import { ActionsService } from './actions.service';
import { ExpectedResultsService } from './expected-results.service';
import { ObjectivesService } from './objectives.service';
import { OrientationsService } from './orientations.service';
import { ActionsController, ExpectedResultsController, ObjectivesController, OrientationsController } from './plan-parts.controller';
import { PlanTreeService } from './plan-tree.service';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({
  imports: [AggregationModule],
  controllers: [PlansController, OrientationsController, ObjectivesController, ActionsController, ExpectedResultsController],
  providers: [PlansService, PlanTreeService, OrientationsService, ObjectivesService, ActionsService, ExpectedResultsService],
  exports: [PlansService, OrientationsService, ObjectivesService, ActionsService, ExpectedResultsService],
})
export class PlansModule {}
