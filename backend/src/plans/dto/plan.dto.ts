import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';

export class CreatePlanDto {
  @ApiProperty({ example: "Plan d'action 2021/2023" }) @IsString() @IsNotEmpty() @MaxLength(300)
  title: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all')
  ownerOrganizationId?: string | null;

  @ApiProperty({ example: '2021-06-28' }) @IsDateOnly()
  startDate: string;

  @ApiProperty({ example: '2023-12-31' }) @IsDateOnly()
  endDate: string;

  @ApiPropertyOptional({ description: 'Defaults to the midpoint between start and end' })
  @IsOptional() @IsDateOnly()
  midtermDate?: string;
}

export class UpdatePlanDto extends PartialType(CreatePlanDto) {}
