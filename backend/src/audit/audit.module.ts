import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit.controller';
import { AuditContextInterceptor } from './audit.interceptor';
import { AuditService } from './audit.service';
import { AuditSubscriber } from './audit.subscriber';

/** The audit trail of staff changes (README « History / Historique »). API only: the workers' writes are not staff changes. */
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditSubscriber, { provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}
