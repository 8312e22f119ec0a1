import type { Organization } from '@backend/organizations/organization.entity';
import type { Action } from './action.entity';

export interface OrganizationRef {
  id: string;
  name: string;
  acronym: string | null;
}

export const organizationRef = (o: Organization): OrganizationRef => ({ id: o.id, name: o.name, acronym: o.acronym });

/** An action as the API shows it: the schedule as one object, organizations as references. */
export function actionView(a: Action) {
  return {
    id: a.id,
    planId: a.planId,
    objectiveId: a.objectiveId,
    position: a.position,
    description: a.description,
    schedule: { kind: a.scheduleKind, date: a.scheduleDate, recurrence: a.scheduleRecurrence, text: a.scheduleText },
    resources: a.resources,
    values: a.values,
    responsibleOrganizations: (a.responsibleOrganizations ?? []).map(organizationRef),
  };
}
export type ActionView = ReturnType<typeof actionView>;
