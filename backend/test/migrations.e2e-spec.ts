import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@backend/database/data-source-options';
import { MIGRATIONS } from '@backend/database/migrations';
import { createDatabase, dropDatabase } from './setup/test-database';

describe('Migrations', () => {
  const base = process.env.DATABASE_URL!;
  const name = `${process.env.REPERE_TEST_DATABASE}_migrations`;
  let db: DataSource;

  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions(await createDatabase(base, name))).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(base, name);
  });

  it('build exactly the schema the entities describe', async () => {
    await db.runMigrations();
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can be undone one by one down to an empty schema, and applied again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i += 1) await db.undoLastMigration();
    // TypeORM's own tables stay: the migrations it ran, and where it keeps generated columns' expressions.
    const tables = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('migrations', 'typeorm_metadata')`,
    );
    expect(tables).toEqual([]);
    const applied = await db.runMigrations();
    expect(applied).toHaveLength(MIGRATIONS.length);
  });

  it('leave synchronize off', () => {
    expect(db.options.synchronize).toBe(false);
  });
});
