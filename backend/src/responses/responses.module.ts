import { Module } from '@nestjs/common';
import { QuestionnairesModule } from '@backend/questionnaires/questionnaires.module';

/** Residents' responses: the public ingest, with idempotency and validation against the version. */
@Module({ imports: [QuestionnairesModule], controllers: [], providers: [] })
export class ResponsesModule {}
