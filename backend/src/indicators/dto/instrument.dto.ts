import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PatchType } from '@backend/common/patch-type';
import { INSTRUMENT_KINDS, InstrumentKind } from '../instrument-kind';

export class CreateInstrumentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  planId: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'The action whose follow-up it is (same plan)' })
  @IsOptional()
  @IsUUID('all')
  actionId?: string | null;

  @ApiProperty({ enum: INSTRUMENT_KINDS })
  @IsIn(INSTRUMENT_KINDS)
  kind: InstrumentKind;

  @ApiProperty({ example: 'Questionnaire sur la fréquentation' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdateInstrumentDto extends PatchType(OmitType(CreateInstrumentDto, ['planId'] as const)) {}
