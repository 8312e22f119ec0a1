import type { FastifyInstance } from 'fastify';

/** A route prefix whose POST takes a file as its body, and the types a client may name it with. */
export interface FileUploadRoute {
  readonly prefix: string;
  readonly types: readonly string[];
}

/**
 * Files reach their controllers as a stream, never buffered whole by Fastify (an import may weigh 200 MB). One
 * parser for every upload type, since two routes share some (application/octet-stream): the type is passed on only
 * to a route that takes it; every other route reads JSON, and a file or text sent there is refused before it is read.
 */
export function registerFileUploads(fastify: FastifyInstance, routes: readonly FileUploadRoute[]): void {
  const types = [...new Set(routes.flatMap((r) => r.types))];
  for (const type of types) if (fastify.hasContentTypeParser(type)) fastify.removeContentTypeParser(type);
  fastify.addContentTypeParser(types, (req, payload, done) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (routes.some((r) => req.url.startsWith(r.prefix) && r.types.includes(type))) return done(null, payload);
    done(
      Object.assign(new Error(`This route reads application/json, not ${req.headers['content-type'] ?? 'this type'}`), {
        statusCode: 415,
      }),
      undefined,
    );
  });
}
