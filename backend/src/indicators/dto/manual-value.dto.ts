import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';

export class CreateManualValueDto {
  @ApiProperty({ format: 'uuid', description: 'A manual indicator' })
  @IsUUID('all')
  indicatorId: string;

  @ApiProperty({ example: '2022-03-31' })
  @IsDateOnly()
  date: string;

  @ApiProperty({ example: 12 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @ApiProperty({ example: 'Rapport des publications Facebook, mars 2022', description: 'What the value rests on' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  evidence: string;
}

export class ManualValueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  indicatorId?: string;
}
