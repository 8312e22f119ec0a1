import { Body, Controller, Get, Headers, HttpCode, HttpException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@backend/auth/auth.decorators';
import { RenderedQuestionnaire } from '@backend/questionnaires/render-questionnaire';
import { ResponseReceiptDto, SubmitResponseDto } from './dto/response.dto';
import { PublicRoute } from '@backend/common/public-route';
import { RESPONSE_BODY_LIMIT } from './response-body';
import { RETRY_AFTER_SECONDS } from './response-writer';
import { ResponseReceipt, ResponsesService } from './responses.service';


/** What a resident's phone calls: no account, limited per client. */
@ApiTags('public')
@Public()
@Controller('public/questionnaires')
export class PublicQuestionnairesController {
  constructor(private readonly responses: ResponsesService) {}

  @Get(':slug')
  @PublicRoute('read')
  @ApiQuery({ name: 'lang', required: false, description: 'Preferred language (fr, en, ar…); the default language when the questionnaire lacks it' })
  @ApiResponse({ status: 200, description: 'The published questionnaire in one language, missing strings filled from the default language' })
  @ApiResponse({ status: 404, description: 'No questionnaire is published at this slug' })
  @ApiResponse({ status: 410, description: 'The questionnaire is closed' })
  @ApiResponse({ status: 429, description: 'Too many requests from this client; see Retry-After' })
  @ApiResponse({ status: 503, description: 'The database cannot be reached; try again after Retry-After' })
  async get(
    @Param('slug') slug: string, @Query('lang') lang: string | undefined, @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RenderedQuestionnaire> {
    const rendered = await withRetryAfter(reply, this.responses.render(slug, typeof lang === 'string' ? lang : undefined));
    // Only a success may be kept by caches: a 404 may be published a minute later, a 503 or 429 is for now.
    void reply.header('Cache-Control', 'public, max-age=30');
    return rendered;
  }

  @Post(':slug/responses')
  @HttpCode(201)
  @PublicRoute('submit', { bodyLimit: RESPONSE_BODY_LIMIT })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A UUID the phone keeps until the server acknowledges: a retry with it stores nothing twice' })
  @ApiBody({ type: SubmitResponseDto })
  @ApiCreatedResponse({ type: ResponseReceiptDto, description: 'Stored (or stored already by an earlier send of the same key and body)' })
  @ApiResponse({ status: 400, description: 'No or malformed Idempotency-Key, or invalid answers: one error per question, in the resident\'s language' })
  @ApiResponse({ status: 404, description: 'No questionnaire is published at this slug' })
  @ApiResponse({ status: 410, description: 'The questionnaire is closed' })
  @ApiResponse({ status: 413, description: 'Body over 64 KB' })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was used with another body' })
  @ApiResponse({ status: 429, description: 'Too many requests from this client; see Retry-After' })
  @ApiResponse({ status: 503, description: 'Not stored this time; send again after Retry-After' })
  async submit(
    @Param('slug') slug: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResponseReceipt> {
    return withRetryAfter(reply, this.responses.submit(slug, idempotencyKey, body));
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
