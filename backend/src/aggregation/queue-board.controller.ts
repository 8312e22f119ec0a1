import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { QueueBoardDto } from './dto/queue-board.response';
import { QueueBoardService } from './queue-board.service';

@ApiTags('service')
@Roles('admin')
@Controller('admin/queues')
export class QueueBoardController {
  constructor(private readonly board: QueueBoardService) {}

  @Get()
  @ApiOperation({ summary: 'Background queues: waiting, active, completed, failed, delayed, retried, and the latest failures (admin)' })
  @ApiOkResponse({ type: QueueBoardDto })
  @ApiErrorResponse(503, 'Redis does not answer (unavailable)')
  queues() {
    return this.board.board();
  }
}
