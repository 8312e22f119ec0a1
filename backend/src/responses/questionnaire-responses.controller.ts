import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RESPONSE_READERS } from '@repere/contract';
import { AuthUser, CurrentUser, Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { ResponseExportQueryDto, ResponseQueryDto } from './dto/response-query.dto';
import { ResponseBrowserService } from './response-browser.service';
import { StoredResponsePageDto } from './stored-response.response';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The stored responses of a questionnaire, for those who evaluate. Shares the prefix of the authoring controller. */
@ApiTags('responses')
@Controller('questionnaires')
export class QuestionnaireResponsesController {
  constructor(private readonly browser: ResponseBrowserService) {}

  @Get(':id/responses')
  @Roles(...RESPONSE_READERS)
  @ApiOperation({
    summary:
      "The questionnaire's stored responses, newest first, answers by question id, filtered by day answered, version, language or answer (evaluators, admins)",
  })
  @ApiOkResponse({ type: StoredResponsePageDto })
  @ApiErrorResponse(400, 'A filter that cannot apply (to before from, answer without questionId, a question of another questionnaire)')
  list(@Param('id', UuidParam) id: string, @Query() q: ResponseQueryDto) {
    return this.browser.list(id, q);
  }

  @Get(':id/responses/export')
  @Roles(...RESPONSE_READERS)
  @ApiOperation({
    summary:
      'The filtered raw responses as a file (?format=csv|xlsx, ?lang=fr|en), opening with « Réponses brutes : confidentielles, ne pas publier »; a French CSV uses ; and decimal commas (evaluators, admins)',
  })
  @ApiProduces('text/csv', XLSX)
  @ApiOkResponse({ description: 'The file, as an attachment; no cell starts a formula', schema: { type: 'string', format: 'binary' } })
  @ApiErrorResponse(400, 'A filter that cannot apply, or no format')
  @ApiErrorResponse(422, 'More responses than one export holds (unprocessable): narrow the filters')
  async export(
    @Param('id', UuidParam) id: string,
    @Query() q: ResponseExportQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.browser.export(id, q, user);
    void reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
      .header('Cache-Control', 'private, no-store');
    return file.body;
  }
}
