import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVALUATION_WRITERS } from '@repere/contract';
import { AuthUser, CurrentUser, Roles } from '@backend/auth/auth.decorators';
import { ApiErrorResponse } from '@backend/common/error.response';
import { ApiError } from '@backend/common/errors';
import { PageQueryDto } from '@backend/common/pagination.dto';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { AssessmentDto } from './dto/assessment.dto';
import { CreateEvaluationDto } from './dto/create-evaluation.dto';
import {
  AssessmentViewDto,
  EvaluationDetailDto,
  EvaluationSummaryDto,
  EvaluationSummaryPageDto,
  MidtermIndicatorDto,
} from './dto/evaluation.response';
import { EvaluationsService } from './evaluations.service';

const ObjectiveIdParam = new ParseUUIDPipe({
  version: undefined,
  exceptionFactory: () =>
    new ApiError(HttpStatus.BAD_REQUEST, 'invalid_id', 'objectiveId must be a UUID', [{ field: 'objectiveId', message: 'must be a UUID' }]),
});

// Reads are open to every staff role, as the plans and their progress are (README « may »).
@ApiTags('evaluations')
@ApiExtraModels(MidtermIndicatorDto)
@Controller()
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Post('plans/:id/evaluations')
  @HttpCode(201)
  @Roles(...EVALUATION_WRITERS)
  @ApiOperation({
    summary: 'Opens a mid-term or final evaluation; the workers freeze its snapshot at the cut-off (state freezing, then open)',
  })
  @ApiCreatedResponse({ type: EvaluationSummaryDto, description: 'Opened, in state freezing' })
  @ApiErrorResponse(400, 'A bad kind, or a cut-off that is not a date, after today or before the plan starts (names the field)')
  @ApiErrorResponse(404, 'No such plan')
  @ApiErrorResponse(409, 'The plan has an evaluation of this kind that is not closed (evaluation_already_open)')
  open(@Param('id', UuidParam) planId: string, @Body() dto: CreateEvaluationDto, @CurrentUser() user: AuthUser) {
    return this.evaluations.open(planId, dto, user);
  }

  @Get('plans/:id/evaluations')
  @ApiOperation({ summary: "The plan's evaluations, newest first (without their snapshots)" })
  @ApiOkResponse({ type: EvaluationSummaryPageDto })
  list(@Param('id', UuidParam) planId: string, @Query() q: PageQueryDto) {
    return this.evaluations.list(planId, q);
  }

  @Get('evaluations/:id')
  @ApiOperation({
    summary: "The evaluation: its state, frozen snapshot, the committee's assessments, its history and, for a final, the mid-term's values",
  })
  @ApiOkResponse({ type: EvaluationDetailDto })
  get(@Param('id', UuidParam) id: string) {
    return this.evaluations.get(id);
  }

  @Put('evaluations/:id/assessments/:objectiveId')
  @Roles(...EVALUATION_WRITERS)
  @ApiOperation({ summary: "Writes (or replaces) the committee's assessment of one objective" })
  @ApiOkResponse({ type: AssessmentViewDto })
  @ApiErrorResponse(404, 'No such evaluation, or the objective is not in its plan')
  @ApiErrorResponse(409, 'The evaluation is still freezing (evaluation_freezing), or closed (evaluation_closed)')
  assess(
    @Param('id', UuidParam) id: string,
    @Param('objectiveId', ObjectiveIdParam) objectiveId: string,
    @Body() dto: AssessmentDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.evaluations.assess(id, objectiveId, dto, user);
  }

  @Post('evaluations/:id/close')
  @HttpCode(200)
  @Roles(...EVALUATION_WRITERS)
  @ApiOperation({ summary: 'Closes the evaluation: from then on it is read-only' })
  @ApiOkResponse({ type: EvaluationSummaryDto })
  @ApiErrorResponse(409, 'The evaluation is still freezing, or closed already')
  close(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthUser) {
    return this.evaluations.close(id, user);
  }
}
