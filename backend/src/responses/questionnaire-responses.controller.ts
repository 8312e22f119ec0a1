import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@backend/auth/auth.decorators';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { ResponsesService } from './responses.service';
import { StoredResponsePageDto } from './stored-response.response';

/** The stored responses of a questionnaire, for those who evaluate. Shares the prefix of the authoring controller. */
@ApiTags('responses')
@Controller('questionnaires')
export class QuestionnaireResponsesController {
  constructor(private readonly responses: ResponsesService) {}

  @Get(':id/responses')
  @Roles('admin', 'evaluator')
  @ApiOperation({ summary: "The questionnaire's stored responses, newest first, answers by question id (evaluators, admins)" })
  @ApiOkResponse({ type: StoredResponsePageDto })
  list(@Param('id', UuidParam) id: string, @Query() q: PageQueryDto) {
    return this.responses.list(id, q);
  }
}
