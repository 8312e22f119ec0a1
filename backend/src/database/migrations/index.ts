import { InitialSchema1795450090399 } from './1795450090399-InitialSchema';

/** Every migration, in order. Generated with `npm run migration:generate -- backend/src/database/migrations/<Name>`. */
export const MIGRATIONS = [InitialSchema1795450090399];
