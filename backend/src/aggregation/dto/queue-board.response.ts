import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ANY_VALUE } from '@backend/common/record.response';

export class QueueFailureDto {
  @ApiPropertyOptional() id?: string;
  @ApiProperty() name: string;
  @ApiProperty({ ...ANY_VALUE, description: "The job's data" }) data: unknown;
  @ApiProperty({ type: 'integer' }) attemptsMade: number;
  @ApiProperty() failedReason: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedOn: string | null;
}

export class QueueStateDto {
  @ApiProperty({ example: 'aggregation' }) name: string;
  @ApiProperty({ type: 'integer' }) waiting: number;
  @ApiProperty({ type: 'integer' }) active: number;
  @ApiProperty({ type: 'integer' }) completed: number;
  @ApiProperty({ type: 'integer' }) failed: number;
  @ApiProperty({ type: 'integer' }) delayed: number;
  @ApiProperty({ type: 'integer', description: 'Among the latest jobs, those that needed more than one attempt' }) retried: number;
  @ApiProperty({ type: 'integer', description: 'How many of the latest jobs were looked at' }) recentlyExamined: number;
  @ApiProperty({ type: [QueueFailureDto], description: 'The ten latest failures' }) failures: QueueFailureDto[];
}

export class QueueBoardDto {
  @ApiProperty({ type: [QueueStateDto] }) queues: QueueStateDto[];
}
