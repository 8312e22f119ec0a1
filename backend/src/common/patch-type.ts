import type { Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';

/**
 * The DTO of a PATCH: every field of `classRef` may be left out, but one sent is validated as in `classRef`.
 * PartialType's default adds @IsOptional, which lets `null` through every check, so `{"title": null}` reached a
 * NOT NULL column (a 500). Fields that may be cleared keep their own @IsOptional in `classRef`, which accepts null.
 */
export function PatchType<T>(classRef: Type<T>) {
  return PartialType(classRef, { skipNullProperties: false });
}
