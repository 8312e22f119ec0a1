/**
 * `npm run openapi`: writes the API's OpenAPI document to openapi.json, from the compiled server (dist/, built by the
 * npm script: tsx cannot emit the decorator metadata the document is read from) in preview mode: no provider is
 * instantiated, so no database or Redis is needed. `--check` writes it to a temporary file instead and fails when the
 * committed openapi.json differs (npm run lint:openapi, in CI).
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

const ROOT = join(__dirname, '..');
const COMMITTED = join(ROOT, 'openapi.json');
// The committed document names no origin (its paths are relative to wherever it is served from); a deployment
// serves its own PUBLIC_URL at /api/docs-json.
const SERVER = '/';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { AppModule } = require(join(ROOT, 'dist/backend/src/app.module.js')) as { AppModule: new () => unknown };
  const { buildOpenApiDocument } = require(join(ROOT, 'dist/backend/src/common/openapi.js')) as typeof import('../backend/src/common/openapi');
  const app: INestApplication = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false });
  app.setGlobalPrefix('api');
  const text = `${JSON.stringify(buildOpenApiDocument(app, SERVER), null, 2)}\n`;
  await app.close();
  if (!check) {
    writeFileSync(COMMITTED, text);
    console.log(`openapi.json written (${text.length} bytes)`);
    return;
  }
  const fresh = join(tmpdir(), `openapi-${process.pid}.json`);
  writeFileSync(fresh, text);
  const committed = readFileSync(COMMITTED, 'utf8');
  if (committed !== text) {
    console.error(`openapi.json is out of date: run \`npm run openapi\` and commit it (fresh copy: ${fresh})`);
    process.exit(1);
  }
  unlinkSync(fresh);
  console.log('openapi.json is up to date');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
