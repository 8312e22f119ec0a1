/**
 * `npm start`: checks PostgreSQL and Redis, builds, migrates, loads the demo data, then runs the API (which
 * serves the web app) and the worker process until Ctrl-C. Run with tsx; it only orchestrates compiled code.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from '../backend/src/config/defaults';

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const port = Number(process.env.PORT ?? 3000);
/**
 * This machine's address on the local network, if it has one: where phones at a community event reach it. Residents'
 * links and QR codes default to it, not to localhost, which on a phone is the phone.
 */
function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (found) return found.address;
  }
  return null;
}

const lan = lanAddress();
const publicUrl = process.env.PUBLIC_URL ?? `http://${lan ?? 'localhost'}:${port}`;
const env = { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, PORT: String(port), PUBLIC_URL: publicUrl };

function fail(lines: string[]): never {
  console.error(`\n${lines.join('\n')}\n`);
  process.exit(1);
}

async function ensureDatabase(): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const server = new URL(databaseUrl);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    fail([
      `PostgreSQL is not reachable at ${url.host} (${(err as Error).message}).`,
      'Start it with:  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
      'or point DATABASE_URL at a running server (postgres://user@host:5432/repere).',
    ]);
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created database ${name}.`);
    }
  } finally {
    await client.end();
  }
}

async function ensureRedis(): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    fail([
      `Redis is not reachable at ${redisUrl} (${(err as Error).message}).`,
      'Start it with:  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
      'or point REDIS_URL at a running server.',
    ]);
  } finally {
    redis.disconnect();
  }
}

function run(label: string, cmd: string, args: string[]): void {
  console.log(`• ${label}…`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) fail([`${label} failed (exit ${result.status}).`]);
}

async function waitForHealth(children: ChildProcess[]): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    if (children.some((c) => c.exitCode !== null)) return;
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main(): Promise<void> {
  await ensureDatabase();
  await ensureRedis();
  run('Building the API and the workers', 'npm', ['run', '--silent', 'build:server']);
  run('Building the web app', 'npm', ['run', '--silent', 'build:web']);
  run('Migrating the database', 'node', ['dist/backend/src/database/migrate.js']);
  run('Loading the demo data', 'node', ['dist/backend/src/demo/seed-demo.js']);

  const children = [
    spawn('node', ['dist/backend/src/main.js'], { stdio: 'inherit', env }),
    spawn('node', ['dist/workers/src/main.js'], { stdio: 'inherit', env }),
  ];
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    setTimeout(() => process.exit(code), 5000).unref();
  };
  for (const c of children)
    c.on('exit', (code) => {
      if (!stopping) {
        console.error('A Repère process stopped; stopping the others.');
        stop(code ?? 1);
      } else if (children.every((x) => x.exitCode !== null || x.signalCode !== null)) process.exit(0);
    });
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  await waitForHealth(children);
  if (!stopping) {
    console.log(`\n  Repère is running at http://localhost:${port}${lan ? ` and, on this network, http://${lan}:${port}` : ''}`);
    console.log(
      `  Residents' links and QR codes point to ${publicUrl}${process.env.PUBLIC_URL ? '' : ' (set PUBLIC_URL to change it, e.g. http://serveur.local:3000)'}.`,
    );
    console.log('  Sign in as comite@demo.repere.org (or admin@, evaluation@, partenaire@) with the password repere-demo.');
    console.log('  API docs: /api/docs · Ctrl-C stops everything.\n');
  }
}

void main();
