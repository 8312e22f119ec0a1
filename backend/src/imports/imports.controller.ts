import { Readable } from 'node:stream';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { ApiError } from '@backend/common/errors';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { CreateImportQueryDto, ImportListQueryDto, UpdateImportDto } from './dto/import.dto';
import { ImportDto, ImportPageDto } from './dto/import.response';
import { UPLOAD_TYPES } from './upload-types';
import { ImportsService } from './imports.service';

const location = (id: string) => `/api/imports/${id}`;

/** The request's body as bytes: the stream our content-type parser passed on, or the raw request when none was named. */
function bodyStream(req: FastifyRequest): AsyncIterable<Buffer | string> {
  if (req.body instanceof Readable) return req.body;
  if (req.body === undefined || req.body === null) return req.raw;
  throw new ApiError(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'unsupported_media_type',
    `Send the file itself as the body, with one of these types: ${UPLOAD_TYPES.join(', ')}`,
    [{ field: 'file', message: "send the file's bytes as the body" }],
  );
}

// Imports write plans, work cells and responses: those who may write plans may import them, and read what they import.
@ApiTags('imports')
@Roles(...PLAN_WRITERS)
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Uploads a file to import (the body is the file: CSV, XLSX or text); the workers build its preview' })
  @ApiConsumes(...UPLOAD_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({
    type: ImportDto,
    description: 'Being analysed: follow the Location (GET /api/imports/{id}) until ready or invalid',
    headers: { Location: { description: 'GET it to follow the import', schema: { type: 'string' } } },
  })
  @ApiErrorResponse(413, 'Larger than 200 MB (too_large)')
  @ApiErrorResponse(415, 'A body that is not the file itself (unsupported_media_type)')
  async create(
    @Query() q: CreateImportQueryDto,
    @Req() req: FastifyRequest,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const imp = await this.imports.create(q, bodyStream(req), user);
    void reply.header('Location', location(imp.id));
    return imp;
  }

  @Get()
  @ApiOperation({ summary: 'Recent imports, newest first (without their previews)' })
  @ApiOkResponse({ type: ImportPageDto })
  list(@Query() q: ImportListQueryDto) {
    return this.imports.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An import: status, progress, preview, problems (row, column), result' })
  @ApiOkResponse({ type: ImportDto })
  get(@Param('id', UuidParam) id: string) {
    return this.imports.get(id);
  }

  @Patch(':id')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: "Changes the import's options (title, plan, column mapping…): the workers build a new preview" })
  @ApiAcceptedResponse({ type: ImportDto })
  @ApiErrorResponse(409, 'Already confirmed (import_settled)')
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateImportDto) {
    return this.imports.update(id, dto.options);
  }

  @Post(':id/confirm')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Confirms a ready import: the workers write it, all or nothing' })
  @ApiAcceptedResponse({ type: ImportDto })
  @ApiErrorResponse(409, 'Not ready: being analysed, or has problems (import_not_ready)')
  confirm(@Param('id', UuidParam) id: string) {
    return this.imports.confirm(id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Discards an import that was not written, with its file' })
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiErrorResponse(409, 'Being written (import_in_progress)')
  remove(@Param('id', UuidParam) id: string) {
    return this.imports.remove(id);
  }
}
