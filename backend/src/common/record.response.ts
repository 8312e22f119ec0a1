import { Type } from '@nestjs/common';
import { ApiProperty, ApiSchema, type ApiPropertyOptions } from '@nestjs/swagger';
import type { Page } from './pagination.dto';

// The documented shapes every answer shares: a stored record's id and times, an archivable record's archive marks,
// a page of a list. Dates without a time are `format: date` (YYYY-MM-DD), instants `format: date-time` (ISO 8601).

/** OpenAPI options of a YYYY-MM-DD string. */
export const DATE = { type: String, format: 'date', example: '2024-08-17' } as const;
/** OpenAPI options of an instant (JSON gives Dates as ISO 8601 strings). */
export const INSTANT = { type: String, format: 'date-time' } as const;
export const UUID = { type: String, format: 'uuid' } as const;

/** Any JSON value (a changed field's old or new value, a job's data). */
export const ANY_VALUE: ApiPropertyOptions = {
  // OpenAPI 3.0 has no null type: `nullable` sits on one of the alternatives (a sibling of oneOf needs a type).
  oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }, { type: 'object' }, { type: 'array', items: {} }],
};

/** A string per language code: { "fr": "…", "en": "…" }. */
export const TRANSLATIONS = { type: 'object', additionalProperties: { type: 'string' }, example: { fr: 'Bonjour', en: 'Hello' } } as const;

export class RecordDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty(INSTANT) createdAt: Date;
  @ApiProperty(INSTANT) updatedAt: Date;
}

export class ArchivableRecordDto extends RecordDto {
  @ApiProperty({ ...INSTANT, nullable: true, description: 'When it was archived; null while in use' }) archivedAt: Date | null;
  @ApiProperty({ ...UUID, nullable: true, description: 'Who archived it' }) archivedBy: string | null;
}

const pages = new Map<Type<unknown>, Type<Page<unknown>>>();

/** The documented page of `item`s (`{ items, total, page, limit }`), named after the item: PlanPageDto, UserPageDto… */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  const known = pages.get(item);
  if (known) return known as Type<Page<T>>;
  const name = `${item.name.replace(/Dto$/, '')}PageDto`;
  @ApiSchema({ name })
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ type: 'integer', minimum: 0, description: 'How many match, over every page' }) total: number;
    @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
    @ApiProperty({ type: 'integer', minimum: 1, maximum: 200 }) limit: number;
  }
  Object.defineProperty(PageDto, 'name', { value: name });
  pages.set(item, PageDto);
  return PageDto;
}
