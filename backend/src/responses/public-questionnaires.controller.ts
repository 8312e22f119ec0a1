import { Controller, Get, HttpException, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@backend/auth/auth.decorators';
import { ApiErrorResponse, ErrorBodyDto } from '@backend/common/error.response';
import { PublicRoute } from '@backend/common/public-route';
import { RenderedQuestionnaireDto } from '@backend/questionnaires/dto/rendered-questionnaire.response';
import { RenderedQuestionnaire } from '@backend/questionnaires/render-questionnaire';
import { RETRY_AFTER_SECONDS } from './response-writer';
import { ResponsesService } from './responses.service';

/**
 * What a resident's phone reads: no account, limited per client. Its answers go to
 * `POST /api/public/questionnaires/{slug}/responses`, served by direct-ingest.ts alone (documented by
 * submit-response.openapi.ts): a Nest handler for it here would never run.
 */
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } } as const;

@ApiTags('public')
@Public()
@Controller('public/questionnaires')
export class PublicQuestionnairesController {
  constructor(private readonly responses: ResponsesService) {}

  @Get(':slug')
  @PublicRoute('read')
  @ApiQuery({
    name: 'lang',
    required: false,
    description: 'Preferred language (fr, en, ar…); the default language when the questionnaire lacks it',
  })
  @ApiOperation({ summary: 'A published questionnaire, as a resident reads it, in one language' })
  @ApiOkResponse({
    type: RenderedQuestionnaireDto,
    description: 'The published questionnaire in one language, missing strings filled from the default language',
  })
  @ApiErrorResponse(410, 'The questionnaire is closed')
  @ApiResponse({
    status: 429,
    type: ErrorBodyDto,
    description: 'Too many requests from this client (PUBLIC_RATE_LIMIT)',
    headers: RETRY_AFTER,
  })
  @ApiResponse({ status: 503, type: ErrorBodyDto, description: 'The database cannot be reached', headers: RETRY_AFTER })
  async get(
    @Param('slug') slug: string,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RenderedQuestionnaire> {
    const rendered = await withRetryAfter(reply, this.responses.render(slug, typeof lang === 'string' ? lang : undefined));
    // Only a success may be kept by caches: a 404 may be published a minute later, a 503 or 429 is for now.
    void reply.header('Cache-Control', 'public, max-age=30');
    return rendered;
  }
}

/** A 503 tells the phone when to send again. */
async function withRetryAfter<T>(reply: FastifyReply, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof HttpException && err.getStatus() === 503) void reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    throw err;
  }
}
