import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { redisConfig } from '@backend/config/configuration';
import { redisOptions } from '@backend/queue/redis-options';

/** A dedicated, fail-fast connection: health must answer in time even when Redis is gone. */
@Injectable()
export class RedisHealthService implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(@Inject(redisConfig.KEY) redis: ConfigType<typeof redisConfig>) {
    this.client = new Redis({ ...redisOptions(redis.url, 'failFast'), lazyConnect: true, retryStrategy: () => 1000 });
    this.client.on('error', () => undefined); // reported through isUp(), not as unhandled errors
  }

  async isUp(): Promise<boolean> {
    try {
      if (this.client.status === 'wait') await this.client.connect();
      const pong = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000)),
      ]);
      return pong === 'PONG';
    } catch {
      return false;
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
