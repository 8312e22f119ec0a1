import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import { redisOptions } from '@backend/queue/redis-options';
import { PingPayload, SYSTEM_QUEUE, SystemJob } from '@backend/queue/queues';
import { WorkersModule } from '../../workers/src/workers.module';

describe('The worker process', () => {
  const connection = redisOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'worker');
  const prefix = `${process.env.QUEUE_PREFIX}:bull`;
  let workers: INestApplicationContext;
  let queue: Queue<PingPayload>;
  let events: QueueEvents;

  beforeAll(async () => {
    workers = await NestFactory.createApplicationContext(WorkersModule, { logger: false });
    await workers.init();
    queue = new Queue(SYSTEM_QUEUE, { connection, prefix });
    events = new QueueEvents(SYSTEM_QUEUE, { connection, prefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await queue?.close();
    await workers?.close();
  });

  it('boots from the domain modules without an HTTP server and takes jobs from Redis', async () => {
    const sentAt = new Date().toISOString();
    const job = await queue.add(SystemJob.Ping, { sentAt });
    await expect(job.waitUntilFinished(events, 10_000)).resolves.toEqual({ pong: true, pid: process.pid, sentAt });
  });

  it('fails unknown jobs without retrying them', async () => {
    const job = await queue.add('no-such-job', { sentAt: '' }, { attempts: 3 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow('unknown job no-such-job');
    expect((await queue.getJob(job.id!))?.attemptsMade).toBe(1);
  });
});
