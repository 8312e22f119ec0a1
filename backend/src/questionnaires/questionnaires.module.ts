import { Module } from '@nestjs/common';
import { QuestionnaireLookupService } from './questionnaire-lookup.service';
import { QuestionnairesController } from './questionnaires.controller';
import { QuestionnairesService } from './questionnaires.service';

/** Questionnaires: authoring, translations, versions, publishing, and the public rendering. */
@Module({
  controllers: [QuestionnairesController],
  providers: [QuestionnaireLookupService, QuestionnairesService],
  exports: [QuestionnaireLookupService],
})
export class QuestionnairesModule {}
