import { Controller, Get, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@backend/auth/auth.decorators';
import { readsTrueFigures } from '@backend/disclosure/disclosure';
import { ApiErrorResponse } from '@backend/common/error.response';
import { ApiError } from '@backend/common/errors';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { PlanProgressDto, SeriesPointDto } from './dto/figures.response';
import { ProgressQueryDto, ValuesQueryDto } from './dto/values-query.dto';
import { IndicatorValuesService } from './indicator-values.service';

@ApiTags('indicators')
@Controller()
export class IndicatorValuesController {
  constructor(private readonly values: IndicatorValuesService) {}

  @Get('indicators/:id/values')
  @ApiOperation({
    summary:
      "The indicator's series per period (and ADS+ category with `by`), as published: perturbed, suppressed cells null; `view=unpublished`: the true figures (evaluators, admins)",
  })
  @ApiOkResponse({ type: [SeriesPointDto] })
  @ApiErrorResponse(403, 'view=unpublished by a role that may only read published figures')
  series(@Param('id', UuidParam) id: string, @Query() q: ValuesQueryDto, @CurrentUser() user: AuthUser) {
    // The true figures are the evaluators' working material, who may read the raw responses anyway; never the others'.
    if (q.view === 'unpublished' && !readsTrueFigures(user.role)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', `view: the ${user.role} role may only read published figures`, [
        { field: 'view', message: 'only evaluators and admins may read unpublished figures' },
      ]);
    }
    return this.values.values(id, q);
  }

  @Get('plans/:id/progress')
  @ApiOperation({ summary: 'Every indicator of the plan with its baseline, targets, current value and status at a date' })
  @ApiOkResponse({ type: PlanProgressDto })
  progress(@Param('id', UuidParam) id: string, @Query() q: ProgressQueryDto) {
    return this.values.progress(id, q);
  }
}
