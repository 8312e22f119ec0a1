import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser, PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { readsTrueFigures } from '@backend/disclosure/disclosure';
import { ApiErrorResponse } from '@backend/common/error.response';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import {
  CreateQuestionnaireDto,
  PublishQuestionnaireDto,
  QrQueryDto,
  QuestionnaireQueryDto,
  UpdateQuestionnaireDto,
} from './dto/questionnaire.dto';
import { QuestionnaireDto, QuestionnaireListItemPageDto } from './dto/questionnaire.response';
import { QrFormat, QuestionnairesService } from './questionnaires.service';

@ApiTags('questionnaires')
@Controller('questionnaires')
export class QuestionnairesController {
  constructor(private readonly service: QuestionnairesService) {}

  @Get()
  @ApiOperation({ summary: 'Questionnaires, newest first, optionally of one plan; the title in the default language' })
  @ApiOkResponse({ type: QuestionnaireListItemPageDto })
  @ApiErrorResponse(403, '?archived=true by a role that may not list archived questionnaires')
  list(@Query() q: QuestionnaireQueryDto, @CurrentUser() user: AuthUser) {
    return this.service.list(q, user);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'The working copy with every translation, its versions with their response counts (as published below evaluator: perturbed, under k hidden), and the strings missing per language',
  })
  @ApiOkResponse({ type: QuestionnaireDto })
  get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) {
    return this.service.get(id, readsTrueFigures(user.role));
  }

  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: "Creates a draft; without instrumentId, a 'questionnaire' instrument of the plan is created with it" })
  @ApiCreatedResponse({ type: QuestionnaireDto })
  @ApiErrorResponse(409, 'The slug is the link of another questionnaire (already_exists)')
  create(@Body() dto: CreateQuestionnaireDto) {
    return this.service.create(dto);
  }

  @Patch(':id')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Edits the working copy (residents see it once published); open and close dates apply at once' })
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiErrorResponse(409, 'The slug is the link of another questionnaire (already_exists)')
  @ApiErrorResponse(410, 'The questionnaire is archived: an admin restores it first')
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateQuestionnaireDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({
    summary: 'Archives the questionnaire: hidden from lists, its public link answers 410, its responses are kept; an admin restores it',
  })
  @ApiNoContentResponse({ description: 'Archived' })
  remove(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) {
    return this.service.archive(id, user);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Brings an archived questionnaire back (admins)' })
  @ApiOkResponse({ type: QuestionnaireDto })
  restore(@Param('id', UuidParam) id: string) {
    return this.service.restore(id);
  }

  @Post(':id/ads-block')
  @HttpCode(200)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({
    summary:
      'Appends the standard ADS+ block (gender, age group, immigration, language at home, disability); 409 when one of its dimensions is asked already',
  })
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiErrorResponse(409, 'One of its dimensions is asked already (already_exists)')
  @ApiErrorResponse(410, 'The questionnaire is archived')
  addAdsBlock(@Param('id', UuidParam) id: string) {
    return this.service.addAdsBlock(id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({
    summary: 'Publishes the working copy: version 1, the same version when unchanged or unanswered, a new version once answered',
  })
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiErrorResponse(410, 'The questionnaire is archived')
  publish(@Param('id', UuidParam) id: string, @Body() dto: PublishQuestionnaireDto) {
    return this.service.publish(id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Closes it to residents (410 on the public page); publishing again reopens it' })
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiErrorResponse(409, 'Not published (not_published)')
  @ApiErrorResponse(410, 'The questionnaire is archived')
  close(@Param('id', UuidParam) id: string) {
    return this.service.close(id);
  }

  @Get(':id/qr.svg')
  @ApiOperation({ summary: "A QR code of the residents' page (?lang= preselects a language), as SVG" })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'A QR code of the public link, to print', schema: { type: 'string' } })
  qrSvg(@Param('id', UuidParam) id: string, @Query() q: QrQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.qr(id, 'svg', q, reply);
  }

  @Get(':id/qr.png')
  @ApiOperation({ summary: "A QR code of the residents' page (?lang= preselects a language), as PNG" })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'A QR code of the public link, 1024 px wide', schema: { type: 'string', format: 'binary' } })
  qrPng(@Param('id', UuidParam) id: string, @Query() q: QrQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.qr(id, 'png', q, reply);
  }

  private async qr(id: string, format: QrFormat, q: QrQueryDto, reply: FastifyReply) {
    const image = await this.service.qr(id, format, q.lang);
    void reply.header('Content-Type', image.contentType).header('Content-Disposition', `inline; filename="${image.filename}"`);
    return image.body;
  }
}
