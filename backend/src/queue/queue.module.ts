import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigType } from '@nestjs/config';
import { redisConfig } from '@backend/config/configuration';
import { QueueShutdown } from './queue-shutdown';
import { AGGREGATION_QUEUE, EVALUATION_QUEUE, EVIDENCE_QUEUE, IMPORT_QUEUE, REPORT_QUEUE, SYSTEM_QUEUE } from './queues';
import { redisOptions } from './redis-options';

/** BullMQ's connection, shared by the API (fails fast when Redis is down) and the workers (wait for it). */
@Module({})
export class QueueModule {
  static forRoot(mode: 'failFast' | 'worker'): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          inject: [redisConfig.KEY],
          useFactory: (redis: ConfigType<typeof redisConfig>) => ({
            connection: redisOptions(redis.url, mode),
            prefix: `${redis.queuePrefix}:bull`,
          }),
        }),
        BullModule.registerQueue(
          { name: SYSTEM_QUEUE },
          { name: AGGREGATION_QUEUE },
          { name: EVALUATION_QUEUE },
          { name: REPORT_QUEUE },
          { name: IMPORT_QUEUE },
          { name: EVIDENCE_QUEUE },
        ),
      ],
      providers: [QueueShutdown],
      exports: [BullModule],
    };
  }
}
