import { DataSource } from 'typeorm';
import { DEFAULT_DATABASE_URL } from '@backend/config/defaults';
import { dataSourceOptions } from './data-source-options';

// For the TypeORM CLI (migration:generate) only; the app and the workers build theirs from validated config.
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL));
