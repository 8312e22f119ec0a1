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

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The staged rows are in the encoding `responses` stores, so that the commit is one INSERT … SELECT with nothing to
 * compute: answers keyed by the version's answer keys, as jsonb, their codes, and the month of the date in the plan's
 * zone (`zone`), computed by PostgreSQL as each row arrives. Two kinds of rows, in one COPY: a response (`key` not
 * null) names its answers by `answers_id`; the answers themselves come once per distinct combination (`key` null),
 * as an export repeats a few thousand of them a million times: PostgreSQL then parses a few thousand jsonb values
 * instead of a million (2.7 s → 1.5 s of COPY for a million rows, bench/README.md), and the commit joins them back.
 */
export async function createStaging(client: PoolClient, importId: string, generation: number, zone: string): Promise<void> {
  const table = stagingTable(importId, generation);
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  // Unlogged: a crash empties it, and the commit then reads the file again (its row count tells).
  await client.query(`CREATE UNLOGGED TABLE ${table} (line int, key uuid, answered_at timestamptz, language text,
    answers_id int NOT NULL, answers jsonb, codes bytea,
    answered_month date GENERATED ALWAYS AS (date_trunc('month', answered_at AT TIME ZONE ${literal(zone)})::date) STORED)`);
}

/** Drops every staging table of an import (all generations). */
export async function dropStaging(run: <T>(sql: string, params?: unknown[]) => Promise<T>, importId: string): Promise<void> {
  const tables = await run<{ tablename: string }[]>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'import_staging' AND starts_with(tablename, $1)",
    [prefix(importId)],
  );
  for (const { tablename } of tables) await run(`DROP TABLE IF EXISTS import_staging."${tablename}"`);
}

// COPY's text format: a backslash starts an escape, so the JSON's own backslashes are doubled (JSON.stringify already
// wrote tabs and line breaks as \t and \n).
const escapeCopy = (s: string) => (s.includes('\\') ? s.replace(/\\/g, '\\\\') : s);

/** Which answers ids were staged already: a bit each. */
class IdSet {
  private bits = new Uint8Array(1 << 12);

  /** True the first time `id` is given. */
  add(id: number): boolean {
    const byte = id >>> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, byte + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    const bit = 1 << (id & 7);
    if ((this.bits[byte] & bit) !== 0) return false;
    this.bits[byte] |= bit;
    return true;
  }
}

/**
 * Streams rows into the staging table with COPY, the fastest way into PostgreSQL. Dates without an offset are
 * read in the plan's time zone, as a resident's phone where the plan runs would have sent them. A response's line is
 * ASCII (numbers, a uuid, a date, a language tag): written as Latin-1, the cheapest string to encode.
 */
export async function copyIntoStaging(client: PoolClient, table: string, batches: AsyncIterable<StagedRow[]>, zone: string): Promise<void> {
  await client.query(`SELECT set_config('TimeZone', $1, false)`, [zone]);
  try {
    const copy = client.query(copyFrom(`COPY ${table} (line, key, answered_at, language, answers_id, answers, codes) FROM STDIN`));
    const staged = new IdSet();
    async function* chunks(): AsyncGenerator<Buffer> {
      for await (const batch of batches) {
        let rows = '';
        let answers = '';
        for (const r of batch) {
          if (staged.add(r.answersId)) {
            answers += `\\N\t\\N\t\\N\t\\N\t${r.answersId}\t${escapeCopy(r.answersJson)}\t${r.codesHex === null ? '\\N' : `\\\\x${r.codesHex}`}\n`;
          }
          rows += `${r.line}\t${r.key}\t${r.answeredAt}\t${r.language}\t${r.answersId}\t\\N\t\\N\n`;
        }
        if (answers !== '') yield Buffer.from(answers, 'utf8');
        if (rows !== '') yield Buffer.from(rows, 'latin1');
      }
    }
    await pipeline(Readable.from(chunks()), copy);
  } finally {
    await client.query('RESET TimeZone');
  }
}
