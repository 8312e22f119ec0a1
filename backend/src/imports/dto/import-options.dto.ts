import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength, registerDecorator, ValidationArguments } from 'class-validator';
import { IMPORT_OPTION_MAX } from '@repere/contract';
import { IsDateOnly } from '@backend/common/is-date-only.decorator';

/** An object whose values are strings (depth 1) or objects of strings (depth 2): column and label mappings. */
function IsStringRecord(depth: 1 | 2): PropertyDecorator {
  const ok = (v: unknown, d: number): boolean =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length <= 1000 &&
    Object.values(v).every((x) => (d === 1 ? typeof x === 'string' && x.length <= 500 : ok(x, 1)));
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStringRecord',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => ok(value, depth),
        defaultMessage: (args: ValidationArguments) =>
          depth === 1
            ? `${args.property} must be an object of strings (column header → question id or @date, @id, @language, @ignore)`
            : `${args.property} must be an object of objects of strings (question id → label → choice code)`,
      },
    });
}

/** The options a user sets on the preview; each kind takes its own (the service refuses the others). */
export class ImportOptionsDto {
  @ApiPropertyOptional({ description: "plan: the title (default: the document's)" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(IMPORT_OPTION_MAX.title)
  title?: string;

  @ApiPropertyOptional({ description: 'plan: the organization that carries it (merged with the directory by name)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(IMPORT_OPTION_MAX.ownerName)
  ownerName?: string;

  @ApiPropertyOptional({ description: 'plan: its description' })
  @IsOptional()
  @IsString()
  @MaxLength(IMPORT_OPTION_MAX.description)
  description?: string;

  @ApiPropertyOptional({ description: "plan: YYYY-MM-DD (default: the document's date, or 1 January of its first year)" })
  @IsOptional()
  @IsDateOnly()
  startDate?: string;

  @ApiPropertyOptional({ description: 'plan: YYYY-MM-DD (default: 31 December of the last year its title names)' })
  @IsOptional()
  @IsDateOnly()
  endDate?: string;

  @ApiPropertyOptional({ description: "work-cell: the plan whose objective the fiche's sub-objective code names" })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ description: "work-cell: another name than the fiche's" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(IMPORT_OPTION_MAX.name)
  name?: string;

  @ApiPropertyOptional({
    description: 'responses: column header → question id, @date, @id, @language or @ignore',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsStringRecord(1)
  columns?: Record<string, string>;

  @ApiPropertyOptional({
    description: 'responses: question id → { label in the file → choice code }',
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
  })
  @IsOptional()
  @IsStringRecord(2)
  choices?: Record<string, Record<string, string>>;
}

export const OPTIONS_BY_KIND = {
  plan: ['title', 'ownerName', 'description', 'startDate', 'endDate'],
  'work-cell': ['planId', 'name'],
  responses: ['columns', 'choices'],
} as const;
