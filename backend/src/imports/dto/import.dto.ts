import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { IMPORT_KINDS, ImportKind } from '../import-kind';
import { ImportOptionsDto } from './import-options.dto';

export class CreateImportQueryDto {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS)
  kind: ImportKind;

  @ApiProperty({ description: "The file's name, as the user chose it (shown in the list; .csv makes a text file a CSV)" })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  fileName: string;

  @ApiPropertyOptional({ description: 'responses: the questionnaire they answered (required for that kind)' })
  @ValidateIf((q: CreateImportQueryDto) => q.kind === 'responses' || q.questionnaireId !== undefined)
  @IsUUID()
  questionnaireId?: string;
}

export class UpdateImportDto {
  @ApiProperty({ type: ImportOptionsDto })
  @ValidateNested()
  @Type(() => ImportOptionsDto)
  options: ImportOptionsDto;
}

export class ImportListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_KINDS })
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;
}
