import { relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/** Vite names every file under assets/ after a hash of its content: a new version is a new URL. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** The html pages name the current assets, so a browser must never keep one: a new version is picked up at once. */
export const PAGE_CACHE_CONTROL = 'no-store';
/** Anything else at the root (favicon…) keeps its name across versions. */
export const OTHER_CACHE_CONTROL = 'public, max-age=3600';

/** The Cache-Control of a file of the web app, `file` being its path, or that of its .br or .gz variant. */
export function cacheControlFor(root: string, file: string): string {
  const served = file.replace(/\.(br|gz)$/, '');
  if (served.endsWith('.html')) return PAGE_CACHE_CONTROL;
  return relative(root, served).split(sep)[0] === 'assets' ? ASSET_CACHE_CONTROL : OTHER_CACHE_CONTROL;
}

/**
 * Serves the built web app (frontend/dist) beside the API. The build writes a brotli and a gzip copy beside each
 * text file (frontend/scripts/precompress.ts); @fastify/static sends the one the client's Accept-Encoding allows, or
 * the file itself, with Vary: Accept-Encoding. The same applies to reply.sendFile, so the pages the exceptions filter
 * sends for the web app's own routes (/q/{slug}, /plans/…) are compressed and never cached too.
 */
export function serveWebApp(app: NestFastifyApplication, dist: string): void {
  const root = resolve(dist);
  void app.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per file found at start-up rather than a catch-all, so that other paths reach the exceptions filter.
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // The .br and .gz files are encodings of their originals, not files of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) => {
      void reply.header('cache-control', cacheControlFor(root, file));
    },
  });
}
