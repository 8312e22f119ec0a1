import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/*
 * Brotli and gzip both ship with Node (node:zlib), at the same settings any compression plugin would use, so a
 * dependency would only add a walk over dist/ and a supply-chain risk. The API server sends these files as they are
 * (@fastify/static's preCompressed), so the work is done once per build instead of on every request.
 */

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.xml', '.map', '.wasm']);

/**
 * Smaller files are left alone: the gain is a few hundred bytes at most. Low enough that the two html pages (just
 * under 1 kB, and fetched on every visit since they are never cached) are compressed.
 */
export const PRECOMPRESS_MIN_BYTES = 512;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export interface Compressed {
  br: Buffer;
  gzip: Buffer;
}

/** What the server sends for `content`: brotli at its maximum quality and gzip at level 9, as the phone receives them. */
export async function compress(content: Buffer): Promise<Compressed> {
  const [br, gzipped] = await Promise.all([
    brotli(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    gz(content, { level: 9 }),
  ]);
  return { br, gzip: gzipped };
}

export function isCompressible(file: string, size: number): boolean {
  return COMPRESSIBLE.has(extname(file).toLowerCase()) && size >= PRECOMPRESS_MIN_BYTES;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Writes file.br and file.gz beside every compressible file of the build, once everything (public/ too) is written. */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'repere:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await filesUnder(outDir);
      await Promise.all(
        files.map(async (file) => {
          const content = await readFile(file);
          if (!isCompressible(file, content.length)) return;
          const { br, gzip: gzipped } = await compress(content);
          // A variant no smaller than the file would only cost the client the decoding.
          if (br.length < content.length) await writeFile(`${file}.br`, br);
          if (gzipped.length < content.length) await writeFile(`${file}.gz`, gzipped);
        }),
      );
    },
  };
}
