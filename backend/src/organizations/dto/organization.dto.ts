import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { NETWORKS, Network } from '../network';

export class CreateOrganizationDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300)
  name: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60)
  acronym?: string | null;

  @ApiPropertyOptional({ enum: NETWORKS }) @IsOptional() @IsIn(NETWORKS)
  network?: Network | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  sector?: string | null;
}

export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) {}

export class OrganizationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or acronym, accents and case ignored' })
  @IsOptional() @IsString() @MaxLength(100)
  search?: string;
}
