import proxyAddr from 'proxy-addr';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  validateSync,
} from 'class-validator';
import { EVIDENCE_DEFAULT_MAX_BYTES } from '@repere/contract';
import { FALLBACK_TIME_ZONE, isTimeZone } from '@backend/common/time-zone';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from './defaults';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);

@ValidatorConstraint({ name: 'isTimeZoneName' })
class IsTimeZoneName implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isTimeZone(value);
  }

  defaultMessage(): string {
    return 'DEFAULT_TIME_ZONE must be an IANA time zone such as America/Toronto';
  }
}

/** TRUST_PROXY as Fastify and proxy-addr take it: off, a hop count, or the trusted addresses. */
export type TrustProxy = false | number | string[];

function parseTrustProxy(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (['', 'false', 'off', 'no', '0'].includes(text.toLowerCase())) return false;
  if (/^\d+$/.test(text)) return Number(text);
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

@ValidatorConstraint({ name: 'isTrustProxy' })
class IsTrustProxy implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (value === false) return true;
    if (typeof value === 'number') return Number.isInteger(value) && value > 0 && value < 100;
    if (!Array.isArray(value) || value.length === 0) return false;
    try {
      proxyAddr.compile(value as string[]);
      return true;
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'TRUST_PROXY must be off, a hop count (1) or a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal';
  }
}

/** Every setting the platform reads, validated once at start-up. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = DEFAULT_DATABASE_URL;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = DEFAULT_REDIS_URL;

  /** Keeps BullMQ keys of separate deployments (and test runs) apart in one Redis. */
  @Matches(/^[a-z0-9_-]+$/i, { message: 'QUEUE_PREFIX may hold letters, digits, _ and -' })
  QUEUE_PREFIX = 'repere';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_EXPIRES_IN must look like 8h, 30m or 7d' })
  JWT_EXPIRES_IN = '8h';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** pretty: one readable line per event (the default when output goes to a terminal); json: one JSON object per line. */
  @IsOptional()
  @IsIn(['pretty', 'json'], { message: 'LOG_FORMAT must be pretty or json' })
  LOG_FORMAT?: 'pretty' | 'json';

  /**
   * Which proxies in front of the API may say who the client is (X-Forwarded-For, -Proto): off by default, so a
   * client cannot pick its own address; a hop count (1: one proxy in front) or a comma-separated list of the
   * proxies' addresses, CIDR ranges, or loopback / linklocal / uniquelocal.
   */
  @Transform(({ value }) => parseTrustProxy(value))
  @Validate(IsTrustProxy)
  TRUST_PROXY: TrustProxy = false;

  /** Sign-in attempts per minute per client; 0 turns the limit off (tests). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  LOGIN_RATE_LIMIT = 10;

  /**
   * Failed sign-ins on one account, from clients it has not signed in on before, after which further attempts wait
   * (429 with Retry-After, doubling from LOGIN_ACCOUNT_LOCK_SECONDS up to 15 minutes); each known device has an
   * allowance of its own (auth/login-throttle.ts). 0 turns it off (tests).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  LOGIN_ACCOUNT_FAILURES = 5;

  /** The first wait after LOGIN_ACCOUNT_FAILURES failures, in seconds; each further failure doubles it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(900)
  LOGIN_ACCOUNT_LOCK_SECONDS = 30;

  /** Requests per minute per client on the public endpoints; 0 turns the limit off (API.md). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  PUBLIC_RATE_LIMIT = 60;

  /** k: a figure with 1 to k − 1 people behind it is never published, wherever it is served or exported (README « Privacy »). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SUPPRESSION_K = 5;

  /** D: the most a published count may differ from the true one, either way (the cell-key method's perturbation). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  DISCLOSURE_MAX_DEVIATION = 2;

  /**
   * How long an evaluation stays « freezing » before the workers' recovery asks for its freeze again: its own job,
   * queued when it was opened, is normally running (in this process or another) well within it. Shorter, every
   * workers process would freeze evaluations whose freeze is under way elsewhere (tests set it low to see recovery).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400)
  FREEZE_RECOVERY_GRACE_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** The largest evidence file (a scanned report, photos of an event), in bytes: 25 MB unless told. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  EVIDENCE_MAX_BYTES = EVIDENCE_DEFAULT_MAX_BYTES;

  /**
   * Where new evidence files' bytes go: `postgres` (the default: one thing to back up) or `s3`, an S3-compatible
   * store (MinIO, a cloud's), named by the S3_* settings. Files stored before a change stay readable where they are.
   */
  @IsIn(['postgres', 's3'], { message: 'EVIDENCE_STORAGE must be postgres or s3' })
  EVIDENCE_STORAGE: 'postgres' | 's3' = 'postgres';

  /** The S3-compatible store's address (http://minio:9000); required with EVIDENCE_STORAGE=s3. */
  @ValidateIf((e: Environment) => e.EVIDENCE_STORAGE === 's3' || e.S3_ENDPOINT !== undefined)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @ValidateIf((e: Environment) => e.EVIDENCE_STORAGE === 's3')
  @IsString()
  @IsNotEmpty({ message: 'S3_BUCKET is required with EVIDENCE_STORAGE=s3' })
  S3_BUCKET?: string;

  @ValidateIf((e: Environment) => e.EVIDENCE_STORAGE === 's3')
  @IsString()
  @IsNotEmpty({ message: 'S3_ACCESS_KEY_ID is required with EVIDENCE_STORAGE=s3' })
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((e: Environment) => e.EVIDENCE_STORAGE === 's3')
  @IsString()
  @IsNotEmpty({ message: 'S3_SECRET_ACCESS_KEY is required with EVIDENCE_STORAGE=s3' })
  S3_SECRET_ACCESS_KEY?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  @IsOptional()
  @IsString()
  WEB_DIST?: string;

  /** The time zone of plans created without one (IANA name); each plan keeps its own. */
  @Validate(IsTimeZoneName)
  DEFAULT_TIME_ZONE = FALLBACK_TIME_ZONE;

  /** Where residents reach the web app: the base of the links and QR codes printed on posters. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  /** The first administrator's password, read by `npm run create-admin` only (drawn there when unset; checked as any password). */
  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;
}

export function validateEnv(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  return env;
}
