import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '@backend/auth/auth.decorators';
import { HealthDto } from './health.response';
import { RedisHealthService } from './redis-health.service';

@ApiTags('service')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisHealthService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '200 when PostgreSQL and Redis answer; 503 naming the part that is down' })
  @ApiOkResponse({ type: HealthDto, description: 'Every part is up' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'A part is down (status error)' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis] = await Promise.all([
      this.db.query('SELECT 1').then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      this.redis.isUp().then((up) => (up ? ('up' as const) : ('down' as const))),
    ]);
    const ok = database === 'up' && redis === 'up';
    reply.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', database, redis };
  }
}
