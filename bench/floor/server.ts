import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Pool } from 'pg';

// The floor: the least a server can do to take a response. Node's HTTP server, the JSON body parsed, one INSERT of
// it into a one-column jsonb table (floor_responses, created by bench:ingest) through a pg Pool of the API's size,
// each its own transaction, and a 201 with an id once committed. No validation, no idempotency, no index, no
// trigger: what Repère does beyond this is what its features cost. The id is drawn here and stored in the body
// (the table has no other column), so that the bench can find every acknowledged response afterwards.

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.FLOOR_POOL ?? 20) });
const INSERT = 'INSERT INTO floor_responses (body) VALUES ($1)';
const PATH = /^\/api\/public\/questionnaires\/[^/?#]+\/responses(?:\?.*)?$/;

function reply(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/api/health') return reply(res, 200, { status: 'ok' });
  if (req.method !== 'POST' || !PATH.test(req.url ?? '')) return reply(res, 404, { statusCode: 404 });
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let body: { id?: string };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: string };
    } catch {
      return reply(res, 400, { statusCode: 400 });
    }
    const id = randomUUID();
    body.id = id;
    pool.query(INSERT, [JSON.stringify(body)]).then(
      () => reply(res, 201, { id }),
      () => reply(res, 503, { statusCode: 503 }),
    );
  });
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
