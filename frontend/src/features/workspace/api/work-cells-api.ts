import { api, call, type Schemas } from '@/lib/api/client';

// backend/src/work-cells: a work cell's own fields, its steps (/work-steps) and its partners (/partnerships).

export type OrganizationOption = Schemas['OrganizationDto'];
export type EditableStep = Schemas['WorkStepDto'];
export type EditablePartnership = Schemas['CellPartnershipDto'];
export type EditableWorkCell = Schemas['WorkCellDto'];
export type WorkCellListItem = Schemas['WorkCellSummaryDto'];
/** The form's whole state: every field is sent, so a PATCH is the same body as a POST. */
export type WorkCellBody = Schemas['UpdateWorkCellDto'] & Pick<Schemas['CreateWorkCellDto'], 'name'>;
export type StepBody = Schemas['UpdateWorkStepDto'];
export type PartnershipBody = Schemas['UpdatePartnershipDto'];
export type ObjectiveOption = Schemas['ObjectiveDto'];

export function fetchWorkCellList(signal?: AbortSignal): Promise<Schemas['WorkCellSummaryPageDto']> {
  return call(api.GET('/api/work-cells', { params: { query: { page: 1, limit: 200 } }, signal }));
}

export function fetchEditableWorkCell(id: string, signal?: AbortSignal): Promise<EditableWorkCell> {
  return call(api.GET('/api/work-cells/{id}', { params: { path: { id } }, signal }));
}

export function createWorkCell(body: WorkCellBody): Promise<EditableWorkCell> {
  return call(api.POST('/api/work-cells', { body }));
}

export function updateWorkCell(id: string, body: WorkCellBody): Promise<EditableWorkCell> {
  return call(api.PATCH('/api/work-cells/{id}', { params: { path: { id } }, body }));
}

export async function deleteWorkCell(id: string): Promise<void> {
  await call(api.DELETE('/api/work-cells/{id}', { params: { path: { id } } }));
}

export function createStep(body: Schemas['CreateWorkStepDto']): Promise<EditableStep> {
  return call(api.POST('/api/work-steps', { body }));
}

export function updateStep(id: string, body: StepBody): Promise<EditableStep> {
  return call(api.PATCH('/api/work-steps/{id}', { params: { path: { id } }, body }));
}

export async function deleteStep(id: string): Promise<void> {
  await call(api.DELETE('/api/work-steps/{id}', { params: { path: { id } } }));
}

export function createPartnership(body: Schemas['CreatePartnershipDto']): Promise<EditablePartnership> {
  return call(api.POST('/api/partnerships', { body }));
}

export function updatePartnership(id: string, body: PartnershipBody): Promise<EditablePartnership> {
  return call(api.PATCH('/api/partnerships/{id}', { params: { path: { id } }, body }));
}

export async function deletePartnership(id: string): Promise<void> {
  await call(api.DELETE('/api/partnerships/{id}', { params: { path: { id } } }));
}

export function searchOrganizations(search: string, signal?: AbortSignal): Promise<Schemas['OrganizationPageDto']> {
  return call(api.GET('/api/organizations', { params: { query: { search, page: 1, limit: 20 } }, signal }));
}

export function fetchObjectiveOptions(signal?: AbortSignal): Promise<Schemas['ObjectivePageDto']> {
  return call(api.GET('/api/objectives', { params: { query: { page: 1, limit: 200 } }, signal }));
}
