import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@backend/common/uuid-param.pipe';
import { ProgressQueryDto, ValuesQueryDto } from './dto/values-query.dto';
import { IndicatorValuesService } from './indicator-values.service';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller()
export class IndicatorValuesController {
  constructor(private readonly values: IndicatorValuesService) {}

  @Get('indicators/:id/values')
  @ApiOperation({ summary: "The indicator's series per period (and ADS+ category with `by`); suppressed cells have value null" })
  series(@Param('id', UuidParam) id: string, @Query() q: ValuesQueryDto) {
    return this.values.values(id, q);
  }

  @Get('plans/:id/progress')
  @ApiOperation({ summary: 'Every indicator of the plan with its baseline, targets, current value and status at a date' })
  progress(@Param('id', UuidParam) id: string, @Query() q: ProgressQueryDto) {
    return this.values.progress(id, q);
  }
}
