/**
 * The ids of the plans an organization takes part in, as a SQL subquery: the plans it owns, and those of the work cells
 * it is a partner in (work_cells.objective_id → objectives.plan_id, sub-objectives included; a cell linked to no
 * objective makes its partners part of no plan). `organizationId` is the placeholder of the organization's id in the
 * caller's query (`$1`, `:organizationId`). One definition: what a partner may count for (participation) and the
 * plans its pages offer it are the same.
 */
export function plansOfOrganizationSql(organizationId: string): string {
  return `SELECT p.id FROM plans p WHERE p.owner_organization_id = ${organizationId}
          UNION
          SELECT o.plan_id FROM partnerships pa JOIN work_cells wc ON wc.id = pa.work_cell_id
            JOIN objectives o ON o.id = wc.objective_id
           WHERE pa.organization_id = ${organizationId}`;
}
