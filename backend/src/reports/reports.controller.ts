import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import type { Role } from '@backend/users/role';
import {
  ReportLanguageQueryDto,
  ReportRequestedDto,
  ReportStatusDto,
  RequestActivityReportDto,
  RequestEvaluationReportDto,
} from './dto/report.dto';
import type { ReportFormat } from './render/report-input';
import { attachment, CONTENT_TYPES } from './report-files';
import { ReportFile, ReportsService } from './reports.service';

/** Who may have a report rendered: those who write evaluations (the committee hands the reports to its funders). */
export const REPORT_REQUESTERS: Role[] = ['admin', 'evaluator', 'committee'];

const location = (id: string) => `/api/reports/${id}`;

function send(reply: FastifyReply, file: ReportFile): Buffer {
  void reply
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', attachment(file.fileName))
    .header('Cache-Control', 'private, no-store');
  return file.body;
}

// Reads are open to every staff role, as evaluations and plans are: a report shows nothing its evaluation does not.
// A read of report.{format} may ask the workers for the file, as a request would.
@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('evaluations/:id/report.pdf')
  @ApiOperation({
    summary: "The evaluation's report as a PDF (?lang=fr|en): the file when an up-to-date one exists, else 202 while the workers render it",
  })
  @ApiProduces(CONTENT_TYPES.pdf)
  @ApiOkResponse({ description: 'The PDF, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: ReportRequestedDto, description: 'Being rendered: follow the Location (GET /api/reports/{reportId})' })
  @ApiErrorResponse(409, 'The evaluation is still being frozen (evaluation_freezing)')
  pdf(
    @Param('id', UuidParam) id: string,
    @Query() q: ReportLanguageQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.evaluationReport(id, 'pdf', q, user, reply);
  }

  @Get('evaluations/:id/report.xlsx')
  @ApiOperation({
    summary: "The evaluation's figures as a workbook (Indicateurs, Séries, Ventilations, Appréciations); 202 while rendered",
  })
  @ApiProduces(CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The workbook, as an attachment; no cell starts a formula', schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: ReportRequestedDto, description: 'Being rendered: follow the Location' })
  @ApiErrorResponse(409, 'The evaluation is still being frozen (evaluation_freezing)')
  xlsx(
    @Param('id', UuidParam) id: string,
    @Query() q: ReportLanguageQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.evaluationReport(id, 'xlsx', q, user, reply);
  }

  @Get('evaluations/:id/report.csv')
  @ApiOperation({ summary: "The evaluation's figures as one CSV (UTF-8 with BOM, RFC 4180, a Section column); 202 while rendered" })
  @ApiProduces(CONTENT_TYPES.csv)
  @ApiOkResponse({ description: 'The CSV, as an attachment; no cell starts a formula', schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: ReportRequestedDto, description: 'Being rendered: follow the Location' })
  @ApiErrorResponse(409, 'The evaluation is still being frozen (evaluation_freezing)')
  csv(
    @Param('id', UuidParam) id: string,
    @Query() q: ReportLanguageQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.evaluationReport(id, 'csv', q, user, reply);
  }

  @Post('evaluations/:id/reports')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles(...REPORT_REQUESTERS)
  @ApiOperation({
    summary: "Asks for the evaluation's report in a format and language; an up-to-date one is answered as it is (state ready)",
  })
  @ApiAcceptedResponse({ type: ReportRequestedDto })
  @ApiErrorResponse(503, 'The queue cannot take it now (queue_unavailable)')
  @ApiErrorResponse(409, 'The evaluation is still being frozen (evaluation_freezing)')
  async requestEvaluationReport(
    @Param('id', UuidParam) id: string,
    @Body() dto: RequestEvaluationReportDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const report = await this.reports.requestEvaluationReport(id, dto.format, dto.language ?? 'fr', user);
    void reply.header('Location', location(report.id));
    return report;
  }

  @Post('plans/:id/activity-reports')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles(...REPORT_REQUESTERS)
  @ApiOperation({ summary: "Asks for the plan's annual activity report (PDF) of a year the plan runs in" })
  @ApiAcceptedResponse({ type: ReportRequestedDto })
  async requestActivityReport(
    @Param('id', UuidParam) id: string,
    @Body() dto: RequestActivityReportDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const report = await this.reports.requestActivityReport(id, dto, user);
    void reply.header('Location', location(report.id));
    return report;
  }

  @Get('reports/:id')
  @ApiOperation({
    summary: 'Where a report stands: state (queued, running, ready, failed), progress, error, and its download URL once ready',
  })
  @ApiOkResponse({ type: ReportStatusDto })
  status(@Param('id', UuidParam) id: string) {
    return this.reports.status(id);
  }

  @Get('reports/:id/file')
  @ApiOperation({ summary: "The report's file, once ready (409 before)" })
  @ApiProduces(CONTENT_TYPES.pdf, CONTENT_TYPES.xlsx, CONTENT_TYPES.csv)
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiErrorResponse(409, 'Not ready: queued, running or failed (report_not_ready)')
  async file(@Param('id', UuidParam) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.reports.file(id));
  }

  private async evaluationReport(id: string, format: ReportFormat, q: ReportLanguageQueryDto, user: AuthUser, reply: FastifyReply) {
    const answer = await this.reports.evaluationReport(id, format, q.lang ?? 'fr', user);
    if ('file' in answer) return send(reply, answer.file);
    void reply.status(HttpStatus.ACCEPTED).header('Location', location(answer.pending.id));
    return answer.pending;
  }
}
