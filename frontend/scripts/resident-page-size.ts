import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk } from 'rollup';
import type { Plugin } from 'vite';

/** The resident's page must stay light on a cheap phone: gzipped JavaScript of its entry and everything it loads. */
export const RESIDENT_PAGE_JS_LIMIT_BYTES = 120_000;

export interface ResidentPageSizeOptions {
  /** The html file of the page, as Rollup names its entry (q.html). */
  html: string;
  limitBytes?: number;
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(2)} kB`;

function entryChunkOf(bundle: OutputBundle, html: string): OutputChunk | undefined {
  return Object.values(bundle).find(
    (item): item is OutputChunk =>
      item.type === 'chunk' && item.isEntry && (item.facadeModuleId ?? '').replace(/\\/g, '/').endsWith(`/${html}`),
  );
}

/** The entry chunk and every chunk it imports, statically or lazily: all the JavaScript the page can load. */
function chunksOf(bundle: OutputBundle, entry: OutputChunk): OutputChunk[] {
  const seen = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk): void => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of [...chunk.imports, ...chunk.dynamicImports]) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  visit(entry);
  return [...seen.values()];
}

/**
 * Prints the gzipped size of the resident's page after every build and fails the build above the limit, so
 * that an import of the staff app's router or i18n into the page is caught the day it is written.
 */
export function residentPageSize({ html, limitBytes = RESIDENT_PAGE_JS_LIMIT_BYTES }: ResidentPageSizeOptions): Plugin {
  return {
    name: 'repere:resident-page-size',
    apply: 'build',
    writeBundle(options, bundle) {
      const entry = entryChunkOf(bundle, html);
      if (!entry) {
        this.error(`resident page size: no entry chunk for ${html} in the bundle`);
        return;
      }
      const outDir = options.dir ?? 'dist';
      const rows = chunksOf(bundle, entry).map((chunk) => {
        // The file as written, after every plugin: what the phone downloads.
        const code = readFileSync(join(outDir, chunk.fileName));
        return { file: chunk.fileName, raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
      });
      const css = new Set<string>();
      for (const chunk of chunksOf(bundle, entry)) chunk.viteMetadata?.importedCss.forEach((file) => css.add(file));
      const cssGzip = [...css].reduce(
        (sum, file) => sum + gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length,
        0,
      );
      const total = rows.reduce((sum, row) => sum + row.gzip, 0);
      const lines = [
        '',
        `Resident page (/q/{slug}, ${html}): JavaScript loaded by the page`,
        ...rows.map((row) => `  ${row.file.padEnd(40)} ${kB(row.raw).padStart(10)} │ gzip: ${kB(row.gzip).padStart(10)}`),
        `  total gzipped JavaScript: ${kB(total)} (limit ${kB(limitBytes)}); CSS: ${kB(cssGzip)} gzipped`,
        '',
      ];
      console.log(lines.join('\n'));
      if (total > limitBytes) {
        this.error(
          `The resident page loads ${kB(total)} of gzipped JavaScript, over its limit of ${kB(limitBytes)}. ` +
            'Keep the staff app (router, i18next, TanStack Query, charts) out of src/resident.',
        );
      }
    },
  };
}
