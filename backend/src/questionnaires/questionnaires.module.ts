import { Module } from '@nestjs/common';

/** Questionnaires: authoring, translations, versions, publishing, and the public rendering. */
@Module({ controllers: [], providers: [], exports: [] })
export class QuestionnairesModule {}
