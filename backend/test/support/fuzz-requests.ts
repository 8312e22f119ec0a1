import { randomUUID } from 'node:crypto';

// Builds, from the OpenAPI document, the bad requests the fuzz test (fuzz.e2e-spec.ts) sends: for each route, each
// of its body fields, query parameters and path parameters, a value that is null, holds NUL or a lone surrogate, is
// very long, or has the wrong type; and per route a body nested 10,000 deep and one that is not UTF-8.

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  allOf?: Schema[];
  required?: string[];
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzRequest {
  method: string;
  /** The path with its parameters filled in and its query string, as sent. */
  url: string;
  /** A JSON value, or raw bytes sent as application/json. */
  body?: unknown;
  raw?: Buffer;
  /** What was mutated and how: `body.title = null`. */
  what: string;
}

const LONG = 'x'.repeat(20_000);
/** Values that no field accepts (or, where one does, that it must store or refuse without a 5xx). */
const BODY_MUTATIONS: [string, unknown][] = [
  ['null', null],
  ['NUL', 'a\u0000b'],
  ['lone surrogate', 'a\ud800b'],
  ['long string', LONG],
  ['number', 12345],
  ['object', { a: 1 }],
  ['array of NUL', ['\u0000']],
];
const QUERY_MUTATIONS: [string, string][] = [
  ['NUL', 'a%00b'],
  ['lone surrogate (CESU bytes)', '%ED%A0%80'],
  ['invalid UTF-8', '%FF%FE'],
  ['long string', LONG.slice(0, 4000)],
  ['array', 'a&{name}=b'],
];
const PATH_MUTATIONS: [string, string][] = [
  ['NUL', 'a%00b'],
  ['lone surrogate (CESU bytes)', '%ED%A0%80'],
  ['long string', LONG.slice(0, 2000)],
];
const DEEP = Buffer.from(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
const NOT_UTF8 = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);

function resolve(doc: OpenApi, schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''] ?? {};
  if (s.allOf)
    return s.allOf.reduce<Schema>((all, part) => {
      const r = resolve(doc, part);
      return { ...all, ...r, properties: { ...all.properties, ...r.properties } };
    }, {});
  return s;
}

/** A plausible value of `schema`, so that the one mutated field is what the route sees wrong. */
function sample(doc: OpenApi, schema: Schema | undefined, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (s.enum?.length) return s.enum[0];
  if (s.properties && depth < 3) return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, sample(doc, v, depth + 1)]));
  switch (s.type) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return s.format === 'uuid' ? randomUUID() : s.format === 'date' ? '2024-01-01' : s.format === 'email' ? 'fuzz@example.org' : 'fuzz';
  }
}

/** Every bad request for every operation; `idFor` fills a path parameter with a real id. */
export function fuzzRequests(doc: OpenApi, idFor: (path: string, param: string) => string): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = op.parameters ?? [];
      const fill = (except?: string, value?: string) =>
        template.replace(/\{(\w+)\}/g, (_, name: string) => (name === except ? value! : encodeURIComponent(idFor(template, name))));
      const path = fill();
      const label = `${method.toUpperCase()} ${template}`;
      for (const p of params.filter((x) => x.in === 'path')) {
        for (const [how, value] of PATH_MUTATIONS) out.push({ method, url: fill(p.name, value), what: `${label} path ${p.name} = ${how}` });
      }
      if (method === 'delete') continue; // only its id is fuzzed: the rest would delete our own fixtures midway
      for (const p of params.filter((x) => x.in === 'query')) {
        for (const [how, value] of QUERY_MUTATIONS)
          out.push({ method, url: `${path}?${p.name}=${value.replace('{name}', p.name)}`, what: `${label} query ${p.name} = ${how}` });
      }
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      const base = sample(doc, schema);
      out.push({ method, url: path, raw: DEEP, what: `${label} body nested 10,000 deep` });
      out.push({ method, url: path, raw: NOT_UTF8, what: `${label} body not UTF-8` });
      out.push({ method, url: path, body: null, what: `${label} body = null` });
      const fields = base !== null && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base) : [];
      for (const field of fields) {
        for (const [how, value] of BODY_MUTATIONS) {
          out.push({ method, url: path, body: { ...(base as object), [field]: value }, what: `${label} body.${field} = ${how}` });
        }
      }
    }
  }
  return out;
}
