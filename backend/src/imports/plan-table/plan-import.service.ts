import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { appConfig } from '@backend/config/configuration';
import { classifyInstrument } from '@backend/indicators/classify-instrument';
import { OrganizationsService } from '@backend/organizations/organizations.service';
import { parseSchedule } from '@backend/plans/schedule/parse-schedule';
import { readDocument } from '../document-text';
import { problem, ProblemList } from '../import-problem';
import type { Import, ImportResult } from '../import.entity';
import { ImportFilesService } from '../import-files.service';
import { ImportsRepository } from '../imports.repository';
import type { ParsedPlanTable } from '../parsed.types';
import { countPlan, PlanToWrite, writePlan } from '../writers/plan-writer';
import type { PlanPreviewDto } from '../dto/import-preview.response';
import { parsePlanTable } from './parse-plan-table';

export interface PlanImportOptions {
  title?: string;
  ownerName?: string;
  description?: string;
  startDate?: string;
  endDate?: string;
}

export interface PlanReading {
  format: Import['format'];
  problems: ProblemList;
  plan: PlanToWrite | null;
  preview: Record<string, unknown> | null;
}

/** The plan the file and the user's options describe: the document's title, date and years unless the user says otherwise. */
function planOf(
  imp: Import,
  parsed: ParsedPlanTable,
  options: PlanImportOptions,
): Omit<PlanToWrite, 'startDate' | 'endDate'> & { startDate: string | null; endDate: string | null } {
  const fileTitle = imp.fileName.replace(/\.[^.]+$/, '');
  return {
    title: options.title?.trim() || parsed.title || fileTitle,
    ownerName: options.ownerName?.trim() || null,
    description: options.description?.trim() ?? `Importé de « ${imp.fileName} ».`,
    startDate: options.startDate ?? parsed.date ?? (parsed.firstYear ? `${parsed.firstYear}-01-01` : null),
    endDate: options.endDate ?? (parsed.lastYear ? `${parsed.lastYear}-12-31` : null),
    orientations: parsed.orientations,
  };
}

/** An action plan's table: read into its tree for the preview, then written in one transaction. */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly repo: ImportsRepository,
    private readonly files: ImportFilesService,
    private readonly organizations: OrganizationsService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** `em`: the commit's transaction, which reads the file again; the preview reads outside any. */
  async read(imp: Import, em?: EntityManager): Promise<PlanReading> {
    const problems = new ProblemList();
    const doc = await readDocument(imp, await this.files.readAll(imp.id));
    if (!doc.ok) {
      problems.add(doc.problem);
      return { format: doc.format, problems, plan: null, preview: null };
    }
    const parsed = parsePlanTable(doc.rows);
    problems.addAll(parsed.problems);
    const plan = planOf(imp, parsed, imp.options as PlanImportOptions);
    if (plan.startDate === null)
      problems.add(problem(null, null, 'missing_field', "The document gives no date: enter the plan's start date", { field: 'startDate' }));
    if (plan.endDate === null)
      problems.add(problem(null, null, 'missing_field', "The document names no end year: enter the plan's end date", { field: 'endDate' }));
    if (plan.startDate !== null && plan.endDate !== null && plan.endDate < plan.startDate) {
      problems.add(
        problem(null, null, 'bad_date', `The plan ends (${plan.endDate}) before it starts (${plan.startDate})`, {
          field: 'endDate',
          value: plan.endDate,
        }),
      );
    }
    if (await this.repo.planTitleTaken(plan.title, em)) {
      problems.add(
        problem(null, null, 'already_exists', `A plan titled "${plan.title}" already exists: give this one another title`, {
          field: 'title',
          value: plan.title,
        }),
      );
    }
    const preview = {
      title: plan.title,
      ownerName: plan.ownerName,
      description: plan.description,
      startDate: plan.startDate,
      endDate: plan.endDate,
      counts: countPlan(plan.orientations),
      orientations: plan.orientations.map((o) => ({
        number: o.number,
        title: o.title,
        objectives: o.objectives.map((obj) => ({
          code: obj.code,
          title: obj.title,
          actions: obj.actions.map((a) => {
            const { kind, date, recurrence } = parseSchedule(a.scheduleText);
            return {
              description: a.description,
              scheduleText: a.scheduleText,
              schedule: { kind, date, recurrence },
              resources: a.resources,
              expectedResults: a.expectedResults,
              indicators: a.indicators,
              instruments: a.followUps.map((name) => ({ name, kind: classifyInstrument(name) })),
            };
          }),
        })),
      })),
    } satisfies PlanPreviewDto; // the document describes what is built here (import-preview.response.ts)
    const complete =
      plan.startDate !== null && plan.endDate !== null ? { ...plan, startDate: plan.startDate, endDate: plan.endDate } : null;
    return { format: doc.format, problems, plan: problems.count === 0 ? complete : null, preview };
  }

  /** Reads the file again (it is small, and the reading is the same) and writes the plan in the caller's transaction. */
  async commit(em: EntityManager, imp: Import): Promise<ImportResult | { problems: ProblemList }> {
    const reading = await this.read(imp, em);
    if (reading.plan === null) return { problems: reading.problems };
    const plan = await writePlan(em, this.organizations, reading.plan, this.app.defaultTimeZone);
    const counts = countPlan(reading.plan.orientations);
    return { planId: plan.id, created: 1 + Object.values(counts).reduce((a, b) => a + b, 0), skipped: 0 };
  }
}
