import 'reflect-metadata';
import { ConfigType } from '@nestjs/config';
import { createApp } from './app.factory';
import { appConfig } from './config/configuration';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const { port, host } = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  await app.listen(port, host);
  const shown = host === '0.0.0.0' ? 'localhost' : host;
  console.log(`Repère is ready at http://${shown}:${port} (API under /api, docs at /api/docs)`);
}

void bootstrap();
