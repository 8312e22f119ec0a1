import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DemoWorkCell } from '@backend/demo/demo-data.types';
import { organizationKey, parseNetwork, splitNameAndAcronym } from '@backend/organizations/normalize-organization-name';
import { OrganizationsService } from '@backend/organizations/organizations.service';
import { parseFrenchPeriod } from '@backend/plans/schedule/parse-schedule';
import { readDocument } from '../document-text';
import { problem, ProblemList } from '../import-problem';
import type { Import, ImportResult } from '../import.entity';
import { ImportFilesService } from '../import-files.service';
import { ImportsRepository, LinkedObjective } from '../imports.repository';
import { writeWorkCell } from '../writers/work-cell-writer';
import type { WorkCellPreviewDto } from '../dto/import-preview.response';
import { parseWorkCellFiche } from './parse-work-cell-fiche';

export interface WorkCellImportOptions {
  /** The plan whose objective the fiche's sub-objective code names. */
  planId?: string;
  /** Another name, when a work cell of the fiche's name exists. */
  name?: string;
}

export interface WorkCellReading {
  format: Import['format'];
  problems: ProblemList;
  cell: DemoWorkCell | null;
  objective: LinkedObjective | null;
  preview: Record<string, unknown> | null;
}

/** A work cell's fiche: read for the preview (which partners are already in the directory), then written in one transaction. */
@Injectable()
export class WorkCellImportService {
  constructor(
    private readonly repo: ImportsRepository,
    private readonly files: ImportFilesService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** `em`: the commit's transaction, which reads the file again; the preview reads outside any. */
  async read(imp: Import, em?: EntityManager): Promise<WorkCellReading> {
    const options = imp.options as WorkCellImportOptions;
    const problems = new ProblemList();
    const doc = await readDocument(imp, await this.files.readAll(imp.id));
    if (!doc.ok || doc.text === null) {
      problems.add(
        doc.ok ? problem(null, null, 'not_a_fiche', 'A fiche is a text document (pasted text or .txt), not a spreadsheet') : doc.problem,
      );
      return { format: doc.format, problems, cell: null, objective: null, preview: null };
    }
    const parsed = parseWorkCellFiche(doc.text);
    problems.addAll(parsed.problems);
    if (parsed.cell === null) return { format: doc.format, problems, cell: null, objective: null, preview: null };
    const cell: DemoWorkCell = { ...parsed.cell, name: options.name?.trim() || parsed.cell.name };
    if (await this.repo.workCellNameTaken(cell.name, em)) {
      problems.add(
        problem(null, null, 'already_exists', `A work cell named "${cell.name}" already exists: give this one another name`, {
          field: 'name',
          value: cell.name,
        }),
      );
    }
    const objective = await this.objective(em, cell.objectiveCode, options.planId, problems);
    const seen = new Set<string>();
    let newOrganizations = 0;
    const partners = [];
    for (const p of cell.partners) {
      const name = splitNameAndAcronym(p.organization);
      const existing = await this.organizations.findExisting(this.repo.manager(em), name);
      const key = organizationKey(name.name);
      if (existing === null && !seen.has(key)) newOrganizations += 1;
      seen.add(key);
      partners.push({
        organization: name.name,
        acronym: name.acronym,
        network: parseNetwork(p.network),
        sector: p.sector,
        existing: existing && { id: existing.id, name: existing.name },
      });
    }
    const preview = {
      name: cell.name,
      objectiveCode: cell.objectiveCode || null,
      objectiveText: cell.objectiveText || null,
      objective,
      startDate: cell.startDateText ? parseFrenchPeriod(cell.startDateText, 'start') : null,
      startDateText: cell.startDateText || null,
      mandate: cell.mandate,
      contact: cell.contact || null,
      steps: cell.steps.map((s) => ({
        text: s.text,
        done: s.done,
        phase: s.phase,
        date: s.dateText ? parseFrenchPeriod(s.dateText, 'start') : null,
      })),
      partners,
      partnersNote: cell.partnersNote,
      counts: { steps: cell.steps.length, partners: cell.partners.length, newOrganizations },
    } satisfies WorkCellPreviewDto; // the document describes what is built here (import-preview.response.ts)
    return { format: doc.format, problems, cell: problems.count === 0 ? cell : null, objective, preview };
  }

  async commit(em: EntityManager, imp: Import): Promise<ImportResult | { problems: ProblemList }> {
    const reading = await this.read(imp, em);
    if (reading.cell === null) return { problems: reading.problems };
    const { cell, newOrganizations } = await writeWorkCell(em, this.organizations, reading.cell, reading.objective?.id ?? null);
    return {
      workCellId: cell.id,
      created: 1 + reading.cell.steps.length + reading.cell.partners.length,
      skipped: reading.cell.partners.length - newOrganizations,
    };
  }

  /**
   * The objective the sub-objective code names: in the chosen plan, or, when none is chosen, in the one plan that has
   * such a code (codes like « 4.2 » repeat across plans: with several, the user chooses).
   */
  private async objective(
    em: EntityManager | undefined,
    code: string,
    planId: string | undefined,
    problems: ProblemList,
  ): Promise<LinkedObjective | null> {
    if (!code) return null;
    if (planId && !(await this.repo.planExists(planId, em))) {
      problems.add(problem(null, null, 'unknown_plan', `Plan ${planId} does not exist`, { field: 'planId' }));
      return null;
    }
    const found = await this.repo.objectivesWithCode(code, planId, em);
    if (planId && found.length === 0) {
      problems.add(problem(null, null, 'unknown_objective', `The chosen plan has no objective ${code}`, { field: 'planId', value: code }));
    }
    return found.length === 1 ? found[0] : null;
  }
}
