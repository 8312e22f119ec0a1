import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';

/**
 * Lets the API stop while Redis is away. BullMQ closes a queue with QUIT; on a connection that is down or still
 * reconnecting, the API's fail-fast client (no offline queue) refuses it with an error BullMQ does not take for a
 * connection error, and the shutdown stopped there: exit code 1, the database pool left open. Before the queues
 * close, those connections are dropped, and BullMQ's QUIT then meets a closed connection, which it expects.
 */
@Injectable()
export class QueueShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueShutdown.name);

  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(): Promise<void> {
    const queues = this.discovery
      .getProviders()
      .map((p) => p.instance)
      .filter((i): i is Queue => i instanceof Queue);
    for (const queue of queues) {
      // The client of a queue that never connected may never come: BullMQ handles that case itself.
      const client = await Promise.race([queue.client.catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
      if (client && client.status !== 'ready') {
        this.logger.warn(`Redis is not reachable: queue ${queue.name} closes without it`);
        client.disconnect();
        // A client waiting to reconnect has no socket left to close, so ioredis never moves it to 'end'; BullMQ marks
        // its own clients so for the same reason (RedisConnection.close). Its QUIT is then refused as "Connection is
        // closed", an error BullMQ expects.
        if (client.status !== 'end') (client as unknown as { status: string }).status = 'end';
      }
    }
  }
}
