import { resolve } from 'node:path';
import { registerAs } from '@nestjs/config';
import { loadEnv } from './load-env';

// Inside Nest, everything asks ConfigService for one of these typed areas.
const env = loadEnv;

export const appConfig = registerAs('app', () => {
  const e = env();
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    // Readable lines for a person at a terminal, JSON for a log collector (docker, systemd), unless told.
    logFormat: e.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    trustProxy: e.TRUST_PROXY,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    publicRateLimit: e.PUBLIC_RATE_LIMIT,
    suppressionK: e.SUPPRESSION_K,
    disclosureMaxDeviation: e.DISCLOSURE_MAX_DEVIATION,
    freezeRecoveryGraceSeconds: e.FREEZE_RECOVERY_GRACE_SECONDS,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    // npm scripts and the Docker image both run from the repository root.
    webDist: e.WEB_DIST ?? resolve(process.cwd(), 'frontend/dist'),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
  };
});

export const databaseConfig = registerAs('database', () => ({ url: env().DATABASE_URL }));

export const redisConfig = registerAs('redis', () => {
  const e = env();
  return { url: e.REDIS_URL, queuePrefix: e.QUEUE_PREFIX };
});

export const authConfig = registerAs('auth', () => {
  const e = env();
  // Without JWT_SECRET, the deployment's own secret, drawn once and kept in the database (auth/session-secret.ts).
  return {
    jwtSecret: e.JWT_SECRET ?? null,
    jwtExpiresIn: e.JWT_EXPIRES_IN,
    accountFailures: e.LOGIN_ACCOUNT_FAILURES,
    accountLockSeconds: e.LOGIN_ACCOUNT_LOCK_SECONDS,
  };
});

export const evidenceConfig = registerAs('evidence', () => {
  const e = env();
  return {
    maxBytes: e.EVIDENCE_MAX_BYTES,
    storage: e.EVIDENCE_STORAGE,
    s3:
      e.EVIDENCE_STORAGE === 's3'
        ? {
            endpoint: e.S3_ENDPOINT as string,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET as string,
            accessKeyId: e.S3_ACCESS_KEY_ID as string,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY as string,
          }
        : null,
  };
});

export type AppConfig = ReturnType<typeof appConfig>;
export type DatabaseConfig = ReturnType<typeof databaseConfig>;
export type RedisConfig = ReturnType<typeof redisConfig>;
export type AuthConfig = ReturnType<typeof authConfig>;
export type EvidenceConfig = ReturnType<typeof evidenceConfig>;

export const CONFIGS = [appConfig, databaseConfig, redisConfig, authConfig, evidenceConfig];
