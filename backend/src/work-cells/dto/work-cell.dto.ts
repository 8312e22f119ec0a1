import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PatchType } from '@backend/common/patch-type';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';
import { NETWORKS, Network } from '@backend/organizations/network';

export class WorkStepFieldsDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  done?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'PHASE 1' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  phase?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2019-11-01' })
  @IsOptional()
  @IsDateOnly()
  date?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2021-03-15',
    description:
      "The day it was done, in its plan's time zone: today when ticked unless given (evaluators and admins); cleared when unticked",
  })
  @IsOptional()
  @IsDateOnly()
  doneOn?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class PartnershipFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  organizationId: string;

  @ApiPropertyOptional({ nullable: true, enum: NETWORKS, description: 'The network it represents in this work cell' })
  @IsOptional()
  @IsIn(NETWORKS)
  network?: Network | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sector?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class CreateWorkCellDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  objectiveId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  objectiveText?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsDateOnly()
  startDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Hiver 2021' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  startDateText?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  mandate?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  contact?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  partnersNote?: string | null;

  @ApiPropertyOptional({ type: [WorkStepFieldsDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => WorkStepFieldsDto)
  steps?: WorkStepFieldsDto[];

  @ApiPropertyOptional({ type: [PartnershipFieldsDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PartnershipFieldsDto)
  partnerships?: PartnershipFieldsDto[];
}

export class UpdateWorkCellDto extends PatchType(OmitType(CreateWorkCellDto, ['steps', 'partnerships'] as const)) {}

export class CreateWorkStepDto extends WorkStepFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  workCellId: string;
}
export class UpdateWorkStepDto extends PatchType(WorkStepFieldsDto) {}

export class CreatePartnershipDto extends PartnershipFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  workCellId: string;
}
export class UpdatePartnershipDto extends PatchType(OmitType(PartnershipFieldsDto, ['organizationId'] as const)) {}
