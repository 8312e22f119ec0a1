import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '@backend/auth/auth.decorators';
import { DEMO_USERS } from '@backend/demo/demo-users';
import { HealthDto } from './health.response';
import { RedisHealthService } from './redis-health.service';

const DEMO_LOADED = 'SELECT EXISTS (SELECT 1 FROM users WHERE email = ANY($1)) AS demo';

@ApiTags('service')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisHealthService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '200 when PostgreSQL and Redis answer; 503 naming the part that is down. Says whether the demo data is loaded' })
  @ApiOkResponse({ type: HealthDto, description: 'Every part is up' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'A part is down (status error)' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    // The database's answer says whether the demo is loaded too (null: it did not answer), in the probe's one query.
    const [demo, redis] = await Promise.all([
      this.db.query<{ demo: boolean }[]>(DEMO_LOADED, [DEMO_USERS.map((u) => u.email)]).then(
        ([row]) => row.demo,
        () => null,
      ),
      this.redis.isUp().then((up) => (up ? ('up' as const) : ('down' as const))),
    ]);
    const database = demo === null ? ('down' as const) : ('up' as const);
    const ok = database === 'up' && redis === 'up';
    reply.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', database, redis, demo: demo === true };
  }
}
