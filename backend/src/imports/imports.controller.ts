import { Readable } from 'node:stream';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, PLAN_WRITERS, Roles } from '@backend/auth/auth.decorators';
import { ApiError } from '@backend/common/errors';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { CreateImportQueryDto, ImportListQueryDto, UpdateImportDto } from './dto/import.dto';
import { UPLOAD_TYPES } from './upload-types';
import { ImportsService } from './imports.service';

const location = (id: string) => `/api/imports/${id}`;

/** The request's body as bytes: the stream our content-type parser passed on, or the raw request when none was named. */
function bodyStream(req: FastifyRequest): AsyncIterable<Buffer | string> {
  if (req.body instanceof Readable) return req.body;
  if (req.body === undefined || req.body === null) return req.raw;
  throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', `Send the file itself as the body, with one of these types: ${UPLOAD_TYPES.join(', ')}`, [{ field: 'file', message: 'send the file\'s bytes as the body' }]);
}

// Imports write plans, work cells and responses: those who may write plans may import them, and read what they import.
@ApiTags('imports')
@ApiBearerAuth()
@Roles(...PLAN_WRITERS)
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post() @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Uploads a file to import (the body is the file: CSV, XLSX or text); the workers build its preview' })
  @ApiConsumes(...UPLOAD_TYPES) @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ description: 'Being analysed: follow the Location (GET /api/imports/{id}) until ready or invalid' })
  @ApiResponse({ status: 413, description: 'Larger than 200 MB' })
  async create(@Query() q: CreateImportQueryDto, @Req() req: FastifyRequest, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply) {
    const imp = await this.imports.create(q, bodyStream(req), user);
    void reply.header('Location', location(imp.id));
    return imp;
  }

  @Get()
  @ApiOperation({ summary: 'Recent imports, newest first (without their previews)' })
  list(@Query() q: ImportListQueryDto) {
    return this.imports.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An import: status, progress, preview, problems (row, column), result' })
  @ApiOkResponse({ description: 'The import' })
  get(@Param('id', UuidParam) id: string) {
    return this.imports.get(id);
  }

  @Patch(':id') @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: "Changes the import's options (title, plan, column mapping…): the workers build a new preview" })
  @ApiResponse({ status: 409, description: 'Already confirmed' })
  update(@Param('id', UuidParam) id: string, @Body() dto: UpdateImportDto) {
    return this.imports.update(id, dto.options);
  }

  @Post(':id/confirm') @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Confirms a ready import: the workers write it, all or nothing' })
  @ApiResponse({ status: 409, description: 'Not ready (being analysed, or has problems)' })
  confirm(@Param('id', UuidParam) id: string) {
    return this.imports.confirm(id);
  }

  @Delete(':id') @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Discards an import that was not written, with its file' })
  @ApiResponse({ status: 409, description: 'Being written' })
  remove(@Param('id', UuidParam) id: string) {
    return this.imports.remove(id);
  }
}
