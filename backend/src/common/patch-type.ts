import type { Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';

// @nestjs/swagger's metadata keys (its DECORATORS constants, which its package exports do not expose).
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

/**
 * The DTO of a PATCH: every field of `classRef` may be left out, but one sent is validated as in `classRef`.
 * PartialType's default adds @IsOptional, which lets `null` through every check, so `{"title": null}` reached a
 * NOT NULL column (a 500). Fields that may be cleared keep their own @IsOptional in `classRef`, which accepts null.
 *
 * The document's `default`s are dropped too: on a creation a missing field takes its default, on a PATCH it keeps
 * its stored value, and a partner's generated client would otherwise send (or assume) `status: draft` on every PATCH.
 */
export function PatchType<T>(classRef: Type<T>) {
  const patch = PartialType(classRef, { skipNullProperties: false });
  withoutDefaults(patch.prototype as object);
  return patch;
}

/** Removes `default` from the OpenAPI metadata of each documented property (PartialType copied it from `classRef`). */
function withoutDefaults(prototype: object): void {
  const keys = (Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, prototype) as string[] | undefined) ?? [];
  for (const key of keys.map((name) => name.slice(1))) {
    const metadata = Reflect.getMetadata(API_MODEL_PROPERTIES, prototype, key) as Record<string, unknown> | undefined;
    if (metadata === undefined || !('default' in metadata)) continue;
    const { default: _dropped, ...rest } = metadata;
    Reflect.defineMetadata(API_MODEL_PROPERTIES, rest, prototype, key);
  }
}
