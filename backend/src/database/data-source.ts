import { DataSource } from 'typeorm';
import { loadEnv } from '@backend/config/load-env';
import { dataSourceOptions } from './data-source-options';

// For the TypeORM CLI (migration:generate) only; the app and the workers build theirs in core.module.ts.
export default new DataSource(dataSourceOptions(loadEnv().DATABASE_URL));
