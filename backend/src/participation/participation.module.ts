import { Module } from '@nestjs/common';
import { AggregationModule } from '@backend/aggregation/aggregation.module';
import { ParticipationCountsController } from './participation-counts.controller';
import { ParticipationCountsService } from './participation-counts.service';

/** Participation counts recorded by partner staff, with their history. */
@Module({ imports: [AggregationModule], controllers: [ParticipationCountsController], providers: [ParticipationCountsService] })
export class ParticipationModule {}
