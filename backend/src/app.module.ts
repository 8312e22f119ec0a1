import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AggregationModule } from './aggregation/aggregation.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { createValidationPipe } from './common/validation.pipe';
import { CoreModule } from './core.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { EvidenceModule } from './evidence/evidence.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ParticipationModule } from './participation/participation.module';
import { PlansModule } from './plans/plans.module';
import { QuestionnairesModule } from './questionnaires/questionnaires.module';
import { QueueModule } from './queue/queue.module';
import { ReportsModule } from './reports/reports.module';
import { ResponsesModule } from './responses/responses.module';
import { UsersModule } from './users/users.module';
import { WorkCellsModule } from './work-cells/work-cells.module';

@Module({
  imports: [
    CoreModule,
    QueueModule.forRoot('failFast'),
    AuthModule,
    UsersModule,
    OrganizationsModule,
    PlansModule,
    IndicatorsModule,
    WorkCellsModule,
    QuestionnairesModule,
    ResponsesModule,
    ParticipationModule,
    HealthModule,
    AggregationModule,
    EvaluationsModule,
    ReportsModule,
    ImportsModule,
    EvidenceModule,
    AuditModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
