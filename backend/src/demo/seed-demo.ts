import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DemoModule } from './demo.module';
import { DemoSeedService } from './demo-seed.service';

/** `npm run seed:demo`: loads the demo data; safe to run again. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(DemoModule, { logger: ['error', 'warn'] });
  try {
    const { created } = await app.get(DemoSeedService).seed();
    console.log(
      created.length ? `Demo data loaded: ${created.length} new records (plans, work cells, users).` : 'Demo data was already loaded.',
    );
  } finally {
    await app.close();
  }
}

main().catch((err: Error) => {
  console.error(`Loading the demo data failed: ${err.message}`);
  process.exit(1);
});
