import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@backend/auth/auth.decorators';
import { QueueBoardService } from './queue-board.service';

@ApiTags('service')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/queues')
export class QueueBoardController {
  constructor(private readonly board: QueueBoardService) {}

  @Get()
  @ApiOperation({ summary: 'Background queues: waiting, active, completed, failed, delayed, retried, and the latest failures (admin)' })
  queues() {
    return this.board.board();
  }
}
