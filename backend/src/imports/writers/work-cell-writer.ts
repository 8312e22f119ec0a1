import { EntityManager } from 'typeorm';
import type { DemoWorkCell } from '@backend/demo/demo-data.types';
import { parseNetwork, splitNameAndAcronym } from '@backend/organizations/normalize-organization-name';
import { FALLBACK_TIME_ZONE } from '@backend/common/time-zone';
import { OrganizationsService } from '@backend/organizations/organizations.service';
import { parseFrenchPeriod } from '@backend/plans/schedule/parse-schedule';
import { Partnership } from '@backend/work-cells/partnership.entity';
import { todayOfCell } from '@backend/work-cells/step-done-on';
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
  // A fiche says which steps are done, not when: a done step is dated by the day it names, or else the day it was
  // written (the closest the fiche lets us know; evaluators may correct it).
  const today = await todayOfCell(em, cell.id, FALLBACK_TIME_ZONE);
  await em.save(
    fiche.steps.map((s, position) => {
      const date = s.dateText ? parseFrenchPeriod(s.dateText, 'start') : null;
      return em.create(WorkStep, {
        workCellId: cell.id,
        position,
        text: s.text,
        done: s.done,
        phase: s.phase,
        date,
        doneOn: s.done ? (date !== null && date <= today ? date : today) : null,
      });
    }),
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
