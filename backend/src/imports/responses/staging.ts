import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { StagedRow } from './row-reader';

const prefix = (importId: string) => `i_${importId.replace(/-/g, '')}_`;

/**
 * The unlogged table where one import's responses wait between preview and confirmation; one per generation of its
 * options, so that an analysis overtaken by a newer one never writes into the newer one's table.
 */
export function stagingTable(importId: string, generation: number): string {
  return `import_staging."${prefix(importId)}${generation}"`;
}

export async function createStaging(client: PoolClient, importId: string, generation: number): Promise<void> {
  const table = stagingTable(importId, generation);
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  // Unlogged: a crash empties it, and the commit then reads the file again (its row count tells).
  await client.query(`CREATE UNLOGGED TABLE ${table} (line int NOT NULL, key uuid NOT NULL, answered_at timestamptz NOT NULL,
    language text NOT NULL, answers jsonb NOT NULL, codes bytea)`);
}

/** Drops every staging table of an import (all generations). */
export async function dropStaging(run: <T>(sql: string, params?: unknown[]) => Promise<T>, importId: string): Promise<void> {
  const tables = await run<{ tablename: string }[]>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'import_staging' AND starts_with(tablename, $1)", [prefix(importId)]);
  for (const { tablename } of tables) await run(`DROP TABLE IF EXISTS import_staging."${tablename}"`);
}

// COPY's text format: a backslash starts an escape, so the JSON's own backslashes are doubled.
const escapeCopy = (s: string) => (s.includes('\\') ? s.replace(/\\/g, '\\\\') : s);

function copyLine(r: StagedRow): string {
  return `${r.line}\t${r.key}\t${r.answeredAt}\t${r.language}\t${escapeCopy(r.answersJson)}\t${r.codesHex === null ? '\\N' : `\\\\x${r.codesHex}`}\n`;
}

/**
 * Streams rows into the staging table with COPY, the fastest way into PostgreSQL. Dates without an offset are
 * read in the plan's time zone, as a resident's phone where the plan runs would have sent them.
 */
export async function copyIntoStaging(client: PoolClient, table: string, batches: AsyncIterable<StagedRow[]>, zone: string): Promise<void> {
  await client.query(`SELECT set_config('TimeZone', $1, false)`, [zone]);
  try {
    const copy = client.query(copyFrom(`COPY ${table} (line, key, answered_at, language, answers, codes) FROM STDIN`));
    async function* lines(): AsyncGenerator<string> {
      for await (const batch of batches) {
        let text = '';
        for (const row of batch) text += copyLine(row);
        if (text !== '') yield text;
      }
    }
    await pipeline(Readable.from(lines()), copy);
  } finally {
    await client.query('RESET TimeZone');
  }
}
