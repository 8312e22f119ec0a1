import { Environment, validateEnv } from './env.validation';

/**
 * The one place that reads process.env: the settings, validated. Nest's ConfigService serves them inside the app
 * (configuration.ts); what runs before or outside Nest (the HTTP adapter's options, migrate.ts, the TypeORM CLI's
 * data source, the create-admin command) calls this instead, so nothing reads a variable unchecked.
 */
export function loadEnv(): Environment {
  return validateEnv(process.env);
}
