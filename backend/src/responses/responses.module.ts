import { Module } from '@nestjs/common';
import { AggregationModule } from '@backend/aggregation/aggregation.module';
import { QuestionnairesModule } from '@backend/questionnaires/questionnaires.module';
import { PublicQuestionnairesController } from './public-questionnaires.controller';
import { QuestionnaireResponsesController } from './questionnaire-responses.controller';
import { ResponsesAdminController } from './responses-admin.controller';
import { ResponseBrowserService } from './response-browser.service';
import { ResponseWriter } from './response-writer';
import { ResponsesService } from './responses.service';

/** Residents' responses: the public ingest, with idempotency and validation against the version. */
@Module({
  imports: [QuestionnairesModule, AggregationModule],
  controllers: [PublicQuestionnairesController, QuestionnaireResponsesController, ResponsesAdminController],
  providers: [ResponsesService, ResponseWriter, ResponseBrowserService],
})
export class ResponsesModule {}
