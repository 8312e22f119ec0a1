import Ajv, { ValidateFunction } from 'ajv';

// A small validator of real answers against the OpenAPI document (OpenAPI 3.0 schemas, which are nearly JSON Schema):
// `nullable: true` becomes a union with null, and every object that lists its properties is closed (no property the
// document does not name), so that a field added, removed or retyped on either side fails.

type Schema = Record<string, unknown>;

function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node as Schema)) {
    if (key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace('#/components/schemas/', 'openapi#/components/schemas/');
    else
      out[key] =
        key === 'properties'
          ? Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, toJsonSchema(v)]))
          : toJsonSchema(value);
  }
  if (out.properties && out.additionalProperties === undefined && out.type === 'object') out.additionalProperties = false;
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  delete out.nullable;
  return out;
}

export interface OperationValidator {
  /** The errors of `body` against the documented success answer of `method path` (a path of the document). */
  errors(method: string, path: string, status: number, body: unknown): string[];
}

export function openApiValidator(document: { components?: unknown; paths: Record<string, Record<string, unknown>> }): OperationValidator {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(toJsonSchema({ components: document.components }) as Schema, 'openapi');
  const cache = new Map<string, ValidateFunction>();
  return {
    errors(method, path, status, body) {
      const key = `${method} ${path} ${status}`;
      let validate = cache.get(key);
      if (!validate) {
        const op = document.paths[path]?.[method] as
          { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } | undefined;
        const schema = op?.responses?.[status]?.content?.['application/json']?.schema;
        if (!schema) return [`${key}: the document gives no JSON schema`];
        validate = ajv.compile(toJsonSchema(schema) as Schema);
        cache.set(key, validate);
      }
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    },
  };
}
