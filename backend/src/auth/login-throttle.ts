import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { authConfig, redisConfig } from '@backend/config/configuration';
import { redisOptions } from '@backend/queue/redis-options';

/** The longest wait the throttle imposes, whatever the number of failures. */
const MAX_LOCK_SECONDS = 15 * 60;
/** Failures are forgotten after this long without an attempt. */
const FORGET_AFTER_SECONDS = 60 * 60;

/**
 * One attempt, reserved before the password is hashed, atomically (so 100 concurrent guesses cannot all get in
 * before the first failure is counted). KEYS[1] the attempt count, KEYS[2] the lock; ARGV: allowance, first lock
 * (s), longest lock (s), memory (s). Returns 0 when the attempt may go on, else the milliseconds left to wait.
 * The attempt that uses the last of the allowance goes on but locks the next ones: N attempts, then a wait of
 * `first`, one attempt, a wait of 2 × `first`, one attempt, 4 × `first`… up to `longest`. A success clears both.
 */
const RESERVE = `
local left = redis.call('PTTL', KEYS[2])
if left > 0 then return left end
local n = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
local allowance = tonumber(ARGV[1])
if n >= allowance then
  local seconds = math.min(tonumber(ARGV[2]) * 2 ^ (n - allowance), tonumber(ARGV[3]))
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(seconds * 1000))
end
return 0`;

/** Who is trying: the account (its email as typed, folded) and, if the client holds one, its device id. */
export interface LoginAttempt {
  account: string;
  /** The id in a valid device token for this account (issued by an earlier sign-in on this client), or null. */
  device: string | null;
}

/**
 * The per-account sign-in throttle, after OWASP's « Slow Down Online Guessing Attacks with Device Cookies » (the
 * Authentication Cheat Sheet's answer to lockouts that strangers can trigger):
 *
 * - Failures on an account from clients without a device token for it are counted together, whatever their address,
 *   so rotating addresses (a botnet, or X-Forwarded-For behind a trusting proxy) gives no fresh allowance. After
 *   LOGIN_ACCOUNT_FAILURES of them, such clients wait before each further attempt (429, Retry-After), the wait
 *   doubling with each failure up to 15 minutes.
 * - A client that has signed in to the account before holds a device token (returned by the sign-in, sent back with
 *   the next one): its attempts count against an allowance of its own. So a stranger who guesses at an account
 *   slows only unknown clients down, never the owner on a device they have used: no lockout a stranger can use to
 *   keep the owner out. A stolen device token buys the same N attempts with the same backoff, no more.
 * - The per-client limit (LOGIN_RATE_LIMIT, common/public-route.ts) still caps every client over all accounts.
 *
 * The check happens before the password is hashed: a throttled attempt costs one Redis call, not an argon2
 * verification, which is what a flood of guesses spent everyone's time on. Unknown emails are counted like known
 * ones (the answer says nothing about which exist). The counts are in Redis, shared by every API process; while
 * Redis is away the throttle lets attempts through (logged), like the per-client limits.
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly redis: Redis | null;
  private readonly prefix: string;
  private readonly allowance: number;
  private readonly firstLockSeconds: number;

  constructor(@Inject(authConfig.KEY) auth: ConfigType<typeof authConfig>, @Inject(redisConfig.KEY) redis: ConfigType<typeof redisConfig>) {
    this.allowance = auth.accountFailures;
    this.firstLockSeconds = auth.accountLockSeconds;
    this.prefix = `${redis.queuePrefix}:login`;
    this.redis = this.allowance > 0 ? new Redis({ ...redisOptions(redis.url, 'failFast'), maxRetriesPerRequest: 0 }) : null;
    this.redis?.on('error', () => undefined); // reconnects by itself; the health check reports Redis's state
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  /** The account's key: a digest, so Redis holds no email. */
  static accountKey(email: string): string {
    return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 32);
  }

  private keys(attempt: LoginAttempt): [string, string] {
    const who = attempt.device ? `device:${attempt.device}` : `account:${LoginThrottle.accountKey(attempt.account)}`;
    return [`${this.prefix}:${who}:count`, `${this.prefix}:${who}:lock`];
  }

  /** Reserves one attempt: null to go on (and hash), else the seconds to wait (Retry-After). */
  async reserve(attempt: LoginAttempt): Promise<number | null> {
    if (!this.redis) return null;
    try {
      const left = Number(
        await this.redis.eval(
          RESERVE,
          2,
          ...this.keys(attempt),
          this.allowance,
          this.firstLockSeconds,
          MAX_LOCK_SECONDS,
          FORGET_AFTER_SECONDS,
        ),
      );
      return left > 0 ? Math.ceil(left / 1000) : null;
    } catch (err) {
      this.logger.warn(`Sign-in throttle skipped: Redis did not answer (${(err as Error).message})`);
      return null;
    }
  }

  /** The password was right: the failures counted for this client kind are forgotten. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    if (!this.redis) return;
    await this.redis.del(...this.keys(attempt)).catch(() => undefined);
  }
}
