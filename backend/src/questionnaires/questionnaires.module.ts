import { Module } from '@nestjs/common';
import { QuestionnaireLookupService } from './questionnaire-lookup.service';

/** Questionnaires: authoring, translations, versions, publishing, and the public rendering. */
@Module({ controllers: [], providers: [QuestionnaireLookupService], exports: [QuestionnaireLookupService] })
export class QuestionnairesModule {}
