import { Readable } from 'node:stream';
import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { ApiError } from '@backend/common/errors';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { AddEvidenceQuery, EvidenceOwnerQuery } from './dto/evidence-query.dto';
import { EvidenceDto } from './dto/evidence.response';
import { EVIDENCE_UPLOAD_TYPES } from './evidence-upload-types';
import { EvidenceDownload, EvidenceService } from './evidence.service';

/**
 * A downloaded file runs nothing: no script, no plugin, no form, in a sandbox of its own origin; images and PDFs open
 * in the browser (the PDF viewer needs `object-src`), everything else is an attachment.
 */
const FILE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; sandbox";

function send(reply: FastifyReply, file: EvidenceDownload): Buffer {
  const ascii = file.fileName.replace(/[^\w.-]/g, '_');
  void reply
    .header('Content-Type', file.mediaType)
    .header('Content-Disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"`)
    .header('Content-Security-Policy', FILE_CSP)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store');
  return file.bytes;
}

function bodyStream(req: FastifyRequest): AsyncIterable<Buffer | string> {
  if (req.body instanceof Readable) return req.body;
  if (req.body === undefined || req.body === null) return req.raw;
  throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', 'Send the file itself as the body', [
    { field: 'file', message: "send the file's bytes as the body" },
  ]);
}

// Every staff role reads evidence (the committee opens it from an evaluation); who adds and removes it is decided
// per record (evidence-owners.ts): plan writers, a partner for its own records, the committee for its assessments.
@ApiTags('evidence')
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post()
  @Roles('admin', 'evaluator', 'partner', 'committee')
  @ApiOperation({ summary: 'Attaches a file (the body) to a record: its type is decided from its bytes' })
  @ApiConsumes(...EVIDENCE_UPLOAD_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: EvidenceDto })
  @ApiErrorResponse(400, 'An unknown record (invalid_reference), a missing title or date, an empty file')
  @ApiErrorResponse(403, 'Not allowed to add evidence to that record')
  @ApiErrorResponse(413, 'Larger than EVIDENCE_MAX_BYTES, 25 MB by default (too_large)')
  @ApiErrorResponse(415, 'Not a PDF, office document or image, from its bytes (unsupported_media_type)')
  async add(@Query() q: AddEvidenceQuery, @Req() req: FastifyRequest, @CurrentUser() user: AuthUser): Promise<EvidenceDto> {
    return this.evidence.add(q, bodyStream(req), user);
  }

  @Get()
  @ApiOperation({ summary: "A record's evidence, by date" })
  @ApiOkResponse({ type: [EvidenceDto] })
  list(@Query() q: EvidenceOwnerQuery, @CurrentUser() user: AuthUser): Promise<EvidenceDto[]> {
    return this.evidence.list(q, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A piece of evidence: title, date, type, size, who added it' })
  @ApiOkResponse({ type: EvidenceDto })
  get(@Param('id', UuidParam) id: string): Promise<EvidenceDto> {
    return this.evidence.get(id);
  }

  @Get(':id/file')
  @ApiOperation({ summary: 'The file (images and PDFs inline, the rest as an attachment; a sandboxing CSP)' })
  @ApiProduces('application/pdf', 'image/*', 'application/octet-stream')
  @ApiOkResponse({ description: 'The bytes as uploaded', schema: { type: 'string', format: 'binary' } })
  async file(@Param('id', UuidParam) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return send(reply, await this.evidence.download(id));
  }

  @Get(':id/thumbnail')
  @ApiOperation({ summary: "An image's thumbnail (WebP, at most 320 px), made by the workers after the upload" })
  @ApiProduces('image/webp')
  @ApiOkResponse({ description: 'The thumbnail', schema: { type: 'string', format: 'binary' } })
  @ApiErrorResponse(404, 'Not made yet, or not an image')
  async thumbnail(@Param('id', UuidParam) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const bytes = await this.evidence.thumbnail(id);
    void reply
      .header('Content-Type', 'image/webp')
      .header('Content-Security-Policy', FILE_CSP)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, max-age=86400');
    return bytes;
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles('admin', 'evaluator', 'partner', 'committee')
  @ApiOperation({ summary: 'Removes a file from its record: it is archived, never erased' })
  @ApiNoContentResponse({ description: 'Archived' })
  async remove(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.evidence.remove(id, user);
  }
}
