import { Module } from '@nestjs/common';
import { QuestionnairesModule } from '@backend/questionnaires/questionnaires.module';
import { PublicQuestionnairesController } from './public-questionnaires.controller';
import { QuestionnaireResponsesController } from './questionnaire-responses.controller';
import { ResponseWriter } from './response-writer';
import { ResponsesService } from './responses.service';

/** Residents' responses: the public ingest, with idempotency and validation against the version. */
@Module({
  imports: [QuestionnairesModule],
  controllers: [PublicQuestionnairesController, QuestionnaireResponsesController],
  providers: [ResponsesService, ResponseWriter],
})
export class ResponsesModule {}
