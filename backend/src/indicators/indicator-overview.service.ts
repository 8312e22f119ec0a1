import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProgressStatus } from '@repere/contract';
import { FiguresService } from '@backend/aggregation/figures.service';
import { foldText } from '@backend/common/fold-text';
import { Page, pageOf } from '@backend/common/pagination.dto';
import { IndicatorOverviewQueryDto } from './dto/indicator-overview.dto';
import type { IndicatorKind, IndicatorStatus } from './indicator-kind';

export interface IndicatorOverviewItem {
  id: string;
  name: string;
  kind: IndicatorKind;
  unit: string | null;
  definitionStatus: IndicatorStatus;
  plan: { id: string; title: string };
  objective: { id: string; code: string; title: string };
  value: number | null;
  n: number | null;
  suppressed: boolean;
  period: string | null;
  partial: boolean;
  status: ProgressStatus;
}

/**
 * Every indicator of the plans in use, with the figure its plan's dashboard publishes today: read through
 * FiguresService.planFigures, the one function the dashboards, evaluations and reports read (never a second
 * computation, never a count that skipped the disclosure control).
 */
@Injectable()
export class IndicatorOverviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly figures: FiguresService,
  ) {}

  async list(q: IndicatorOverviewQueryDto): Promise<Page<IndicatorOverviewItem>> {
    const plans = await this.db.query<{ id: string; title: string }[]>(
      `SELECT id, title FROM plans WHERE archived_at IS NULL AND ($1::uuid IS NULL OR id = $1) ORDER BY title, id`,
      [q.planId ?? null],
    );
    const objectives = new Map(
      (
        await this.db.query<{ id: string; code: string; title: string }[]>(
          'SELECT id, code, title FROM objectives WHERE plan_id = ANY($1::uuid[])',
          [plans.map((p) => p.id)],
        )
      ).map((o) => [o.id, o]),
    );
    const words = q.search ? foldText(q.search) : '';
    const items: IndicatorOverviewItem[] = [];
    // One statement per plan (a handful of plans): the published figures as each plan's dashboard shows them today.
    for (const plan of plans) {
      const { indicators } = await this.figures.planFigures(plan.id);
      for (const { indicator: i, figures: f } of indicators) {
        const objective = objectives.get(i.objectiveId) ?? { id: i.objectiveId, code: '', title: '' };
        const item: IndicatorOverviewItem = {
          id: i.id,
          name: i.name,
          kind: i.kind,
          unit: i.unit,
          definitionStatus: i.status,
          plan,
          objective,
          value: f.value,
          n: f.n,
          suppressed: f.suppressed,
          period: f.period,
          partial: f.partial,
          status: f.status,
        };
        if (q.kind && item.kind !== q.kind) continue;
        if (q.status && item.status !== q.status) continue;
        if (q.definitionStatus && item.definitionStatus !== q.definitionStatus) continue;
        if (words && !foldText(item.name).includes(words)) continue;
        items.push(item);
      }
    }
    return pageOf(items.slice((q.page - 1) * q.limit, q.page * q.limit), items.length, q);
  }
}
