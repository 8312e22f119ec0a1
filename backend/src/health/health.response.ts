import { ApiProperty } from '@nestjs/swagger';

const PART = ['up', 'down'] as const;

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'], description: 'ok when every part is up (200), error otherwise (503)' }) status: 'ok' | 'error';
  @ApiProperty({ enum: PART, enumName: 'ServiceState' }) database: 'up' | 'down';
  @ApiProperty({ enum: PART, enumName: 'ServiceState' }) redis: 'up' | 'down';
  @ApiProperty({ description: 'The demo data is loaded (its accounts exist): the web app says its figures are generated' })
  demo: boolean;
}
