import 'reflect-metadata';
import type { Server } from 'node:http';
import { ConfigType } from '@nestjs/config';
import { createApp } from './app.factory';
import { appConfig } from './config/configuration';

/**
 * On SIGTERM, Nest closes the HTTP server (app.factory.ts: enableShutdownHooks) and waits for its connections to end
 * before it closes the database. Node's server.close() drops the keep-alive connections idle at that moment, but one
 * still answering a request is left open once its answer is out, and the close then waited for the client (a proxy,
 * a phone) to drop it: up to keepAliveTimeout (72 s), past any orchestrator's grace period, which then SIGKILLs the
 * process before its shutdown hooks run. Once the server no longer listens, each answer says `Connection: close`
 * and its connection is closed as soon as it is idle; answers in progress are still sent whole.
 */
function closeConnectionsOnceAnswered(server: Server): void {
  server.on('request', (_req, res) => {
    if (!server.listening) res.shouldKeepAlive = false;
    res.once('finish', () => {
      if (!server.listening) setImmediate(() => server.closeIdleConnections());
    });
  });
}

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const { port, host } = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  await app.listen(port, host);
  closeConnectionsOnceAnswered(app.getHttpServer() as Server);
  const shown = host === '0.0.0.0' ? 'localhost' : host;
  console.log(`Repère is ready at http://${shown}:${port} (API under /api, docs at /api/docs)`);
}

void bootstrap();
