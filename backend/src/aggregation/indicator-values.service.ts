import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appConfig } from '@backend/config/configuration';
import { disclosureParams } from '@backend/disclosure/disclosure';
import { invalidField, notFound } from '@backend/common/errors';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Plan } from '@backend/plans/plan.entity';
import { TOTAL } from './cells';
import { ProgressQueryDto, ValuesQueryDto } from './dto/values-query.dto';
import { publishedPeriod, unpublishedPeriod } from './figures';
import { FiguresService } from './figures.service';

/** Reads the values the workers computed, or for a past date the values as they stood then (FiguresService). */
@Injectable()
export class IndicatorValuesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly figures: FiguresService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async values(indicatorId: string, q: ValuesQueryDto) {
    const indicator = await this.db.manager.findOneBy(Indicator, { id: indicatorId });
    if (!indicator) throw notFound('Indicator', indicatorId);
    if (q.by && !indicator.dimensions.includes(q.by)) throw invalidField('by', `the indicator is not broken down by ${q.by}`);
    const plan = await this.db.manager.findOneByOrFail(Plan, { id: indicator.planId });
    // Without a date: everything stored, future-dated periods included (a count entered ahead of its day).
    const cells =
      (
        await this.figures.cellsAsOf(plan, [indicatorId], q.at ?? '9999-12-31', {
          grain: q.grain ?? indicator.grain,
          dimension: q.by ?? TOTAL,
        })
      ).get(indicatorId) ?? [];
    return cells
      .filter((c) => c.periodStart >= (q.from ?? '0001-01-01') && c.periodStart <= (q.to ?? '9999-12-31'))
      .map((c) => {
        const { period, ...figures } = q.view === 'unpublished' ? unpublishedPeriod(c) : publishedPeriod(c);
        return {
          period,
          ...(q.by ? { category: c.category } : {}),
          ...figures,
          ...(q.view === 'unpublished' ? { notForPublication: true } : {}),
        };
      });
  }

  /** Every indicator of the plan as of a date: the same figures as an evaluation cut off that day (FiguresService). */
  async progress(planId: string, q: ProgressQueryDto) {
    const { plan, at, today, ended, dataPeriod, indicators } = await this.figures.planFigures(planId, q.at);
    return {
      planId,
      at,
      today,
      timeZone: plan.timeZone,
      ended,
      dataPeriod,
      // What the legend explains: counts from 1 to k − 1 hidden, the others within ±maxDeviation (manual values exact).
      disclosure: disclosureParams(this.app),
      indicators: indicators.map(({ indicator: i, figures: f }) => ({
        id: i.id,
        name: i.name,
        kind: i.kind,
        unit: i.unit,
        definitionStatus: i.status,
        objectiveId: i.objectiveId,
        actionId: i.actionId,
        direction: i.direction,
        baseline: { value: i.baselineValue, date: i.baselineDate },
        midtermTarget: i.midtermTarget,
        finalTarget: i.finalTarget,
        value: f.value,
        n: f.n,
        suppressed: f.suppressed,
        period: f.period,
        periodEnd: f.periodEnd,
        partial: f.partial,
        status: f.status,
      })),
    };
  }
}
