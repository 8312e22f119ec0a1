import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORGANIZATION_TEXT_MAX } from '@repere/contract';
import { ArchivedQuery } from '@backend/common/archive';
import { PatchType } from '@backend/common/patch-type';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { NETWORKS, Network } from '../network';

export class CreateOrganizationDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ORGANIZATION_TEXT_MAX.name)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(ORGANIZATION_TEXT_MAX.acronym)
  acronym?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: NETWORKS })
  @IsOptional()
  @IsIn(NETWORKS)
  network?: Network | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(ORGANIZATION_TEXT_MAX.sector)
  sector?: string | null;
}

export class UpdateOrganizationDto extends PatchType(CreateOrganizationDto) {}

export class OrganizationQueryDto extends IntersectionType(PageQueryDto, ArchivedQuery) {
  @ApiPropertyOptional({ description: 'Part of the name or acronym, accents and case ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}
