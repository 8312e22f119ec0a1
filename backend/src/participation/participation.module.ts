import { Module } from '@nestjs/common';
import { ParticipationCountsController } from './participation-counts.controller';
import { ParticipationCountsService } from './participation-counts.service';

/** Participation counts recorded by partner staff, with their history. */
@Module({ controllers: [ParticipationCountsController], providers: [ParticipationCountsService] })
export class ParticipationModule {}
