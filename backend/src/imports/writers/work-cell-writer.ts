import { EntityManager } from 'typeorm';
import type { DemoWorkCell } from '@backend/demo/demo-data.types';
import { parseNetwork, splitNameAndAcronym } from '@backend/organizations/normalize-organization-name';
import { OrganizationsService } from '@backend/organizations/organizations.service';
import { parseFrenchPeriod } from '@backend/plans/schedule/parse-schedule';
import { Partnership } from '@backend/work-cells/partnership.entity';
import { WorkCell } from '@backend/work-cells/work-cell.entity';
import { WorkStep } from '@backend/work-cells/work-step.entity';

/**
 * Writes a work cell's fiche in the caller's transaction: its steps in order, and its partners, each merged with the
 * organization of the directory that has its name or acronym (accents and case ignored) rather than duplicated.
 * Returns the cell and how many organizations were new. Used by the demo data and by imports alike.
 */
export async function writeWorkCell(
  em: EntityManager,
  organizations: OrganizationsService,
  fiche: DemoWorkCell,
  objectiveId: string | null,
): Promise<{ cell: WorkCell; newOrganizations: number }> {
  const cell = await em.save(
    em.create(WorkCell, {
      name: fiche.name,
      objectiveId,
      objectiveText: fiche.objectiveText,
      startDate: parseFrenchPeriod(fiche.startDateText, 'start'),
      startDateText: fiche.startDateText,
      mandate: fiche.mandate,
      contact: fiche.contact,
      partnersNote: fiche.partnersNote,
    }),
  );
  await em.save(
    fiche.steps.map((s, position) =>
      em.create(WorkStep, {
        workCellId: cell.id,
        position,
        text: s.text,
        done: s.done,
        phase: s.phase,
        date: s.dateText ? parseFrenchPeriod(s.dateText, 'start') : null,
      }),
    ),
  );
  let newOrganizations = 0;
  for (const [position, p] of fiche.partners.entries()) {
    const network = parseNetwork(p.network);
    const name = splitNameAndAcronym(p.organization);
    if ((await organizations.findExisting(em, name)) === null) newOrganizations += 1;
    const organization = await organizations.findOrCreate(em, { ...name, network, sector: p.sector });
    await em.save(em.create(Partnership, { workCellId: cell.id, organizationId: organization.id, network, sector: p.sector, position }));
  }
  return { cell, newOrganizations };
}
