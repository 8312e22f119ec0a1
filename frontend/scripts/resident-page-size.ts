import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputBundle, OutputChunk } from 'rollup';
import type { Plugin } from 'vite';
import { compress } from './precompress';

/**
 * The resident's page must stay light on a cheap phone: JavaScript and CSS of its entry and everything it loads, as
 * transferred. Gzipped, since some clients lack brotli and get the gzip variant.
 */
export const RESIDENT_PAGE_LIMIT_BYTES = 120_000;

export interface ResidentPageSizeOptions {
  /** The html file of the page, as Rollup names its entry (q.html). */
  html: string;
  limitBytes?: number;
}

interface Row {
  file: string;
  raw: number;
  br: number;
  gzip: number;
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

/** The page's files: its chunks, then the stylesheets they import. */
function filesOf(bundle: OutputBundle, entry: OutputChunk): string[] {
  const chunks = chunksOf(bundle, entry);
  const css = new Set<string>();
  for (const chunk of chunks) chunk.viteMetadata?.importedCss.forEach((file) => css.add(file));
  return [...chunks.map((chunk) => chunk.fileName), ...css];
}

async function measure(outDir: string, file: string): Promise<Row> {
  // The file as written, after every plugin, compressed as the server sends it (precompress.ts).
  const content = await readFile(join(outDir, file));
  const { br, gzip } = await compress(content);
  return { file, raw: content.length, br: br.length, gzip: gzip.length };
}

const sum = (rows: Row[], key: 'raw' | 'br' | 'gzip'): number => rows.reduce((total, row) => total + row[key], 0);

function report(html: string, rows: Row[], limitBytes: number): string {
  const line = (file: string, raw: number, br: number, gzip: number) =>
    `  ${file.padEnd(40)} ${kB(raw).padStart(10)} │ brotli: ${kB(br).padStart(9)} │ gzip: ${kB(gzip).padStart(9)}`;
  const js = rows.filter((row) => row.file.endsWith('.js'));
  const css = rows.filter((row) => row.file.endsWith('.css'));
  return [
    '',
    `Resident page (/q/{slug}, ${html}): JavaScript and CSS it loads, as transferred`,
    ...rows.map((row) => line(row.file, row.raw, row.br, row.gzip)),
    line('JavaScript', sum(js, 'raw'), sum(js, 'br'), sum(js, 'gzip')),
    line('CSS', sum(css, 'raw'), sum(css, 'br'), sum(css, 'gzip')),
    line('total', sum(rows, 'raw'), sum(rows, 'br'), sum(rows, 'gzip')),
    `  resident page transferred: ${kB(sum(rows, 'br'))} brotli, ${kB(sum(rows, 'gzip'))} gzip ` + `(budget ${kB(limitBytes)} gzip)`,
    '',
  ].join('\n');
}

/**
 * Prints the transferred size of the resident's page after every build and fails the build above the budget, so
 * that an import of the staff app's router or i18n into the page is caught the day it is written. The figure is
 * printed when the build closes, after Vite's list of files, so that it is the last thing in the output.
 */
export function residentPageSize({ html, limitBytes = RESIDENT_PAGE_LIMIT_BYTES }: ResidentPageSizeOptions): Plugin {
  let measured: Row[] | null = null;
  return {
    name: 'repere:resident-page-size',
    apply: 'build',
    async writeBundle(options, bundle) {
      const entry = entryChunkOf(bundle, html);
      if (!entry) {
        this.error(`resident page size: no entry chunk for ${html} in the bundle`);
        return;
      }
      const outDir = options.dir ?? 'dist';
      measured = await Promise.all(filesOf(bundle, entry).map((file) => measure(outDir, file)));
    },
    closeBundle() {
      if (!measured) return; // the build failed before writing anything
      const rows = measured;
      measured = null;
      console.log(report(html, rows, limitBytes));
      const gzip = sum(rows, 'gzip');
      if (gzip > limitBytes) {
        this.error(
          `The resident page transfers ${kB(gzip)} of gzipped JavaScript and CSS, over its budget of ${kB(limitBytes)}. ` +
            'Keep the staff app (router, i18next, TanStack Query, charts) out of src/resident.',
        );
      }
    },
  };
}
