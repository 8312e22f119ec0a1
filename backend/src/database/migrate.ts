import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnv } from '@backend/config/load-env';
import { dataSourceOptions } from './data-source-options';

/** Applies pending migrations; shared by `npm run migrate`, `npm start` and the test setup. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  runMigrations(loadEnv().DATABASE_URL)
    .then((names) => console.log(names.length ? `Applied ${names.join(', ')}` : 'The database is up to date.'))
    .catch((err: Error) => {
      console.error(`Migration failed: ${err.message}`);
      process.exit(1);
    });
}
