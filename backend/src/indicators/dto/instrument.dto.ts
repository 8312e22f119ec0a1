import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { INSTRUMENT_KINDS, InstrumentKind } from '../instrument-kind';

export class CreateInstrumentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all')
  planId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The action whose follow-up it is (same plan)' })
  @IsOptional() @IsUUID('all')
  actionId?: string | null;

  @ApiProperty({ enum: INSTRUMENT_KINDS }) @IsIn(INSTRUMENT_KINDS)
  kind: InstrumentKind;

  @ApiProperty({ example: 'Questionnaire sur la fréquentation' }) @IsString() @IsNotEmpty() @MaxLength(500)
  name: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0)
  position?: number;
}

export class UpdateInstrumentDto extends PartialType(OmitType(CreateInstrumentDto, ['planId'] as const)) {}
