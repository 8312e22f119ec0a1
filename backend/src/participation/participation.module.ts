import { Module } from '@nestjs/common';

/** Participation counts recorded by partner staff, with their history. */
@Module({ controllers: [], providers: [] })
export class ParticipationModule {}
