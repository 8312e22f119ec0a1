import type { Network } from '@repere/contract';
import { apiRequest, type Paginated } from '@/lib/api-client';

// backend/src/work-cells: a work cell's own fields, its steps (/work-steps) and its partners (/partnerships).


export interface OrganizationOption {
  id: string;
  name: string;
  acronym: string | null;
}

export interface EditableStep {
  id: string;
  position: number;
  text: string;
  done: boolean;
  phase: string | null;
  date: string | null;
}

export interface EditablePartnership {
  id: string;
  organizationId: string;
  organization: OrganizationOption | null;
  network: Network | null;
  sector: string | null;
  position: number;
}

export interface EditableWorkCell {
  id: string;
  name: string;
  objectiveId: string | null;
  objective: { id: string; code: string; title: string } | null;
  objectiveText: string | null;
  startDate: string | null;
  startDateText: string | null;
  mandate: string | null;
  contact: string | null;
  partnersNote: string | null;
  steps: EditableStep[];
  partnerships: EditablePartnership[];
}

export interface WorkCellListItem {
  id: string;
  name: string;
  stepsDone: number;
  stepsTotal: number;
  partnerCount: number;
}

export interface WorkCellBody {
  name: string;
  objectiveId: string | null;
  objectiveText: string | null;
  startDate: string | null;
  startDateText: string | null;
  mandate: string;
  contact: string | null;
  partnersNote: string | null;
}

export interface StepBody {
  text?: string;
  done?: boolean;
  phase?: string | null;
  date?: string | null;
  position?: number;
}

export interface PartnershipBody {
  network?: Network | null;
  sector?: string | null;
  position?: number;
}

export interface ObjectiveOption {
  id: string;
  planId: string;
  code: string;
  title: string;
}

export function fetchWorkCellList(signal?: AbortSignal): Promise<Paginated<WorkCellListItem>> {
  return apiRequest<Paginated<WorkCellListItem>>('/work-cells', { query: { page: 1, limit: 200 }, signal });
}

export function fetchEditableWorkCell(id: string, signal?: AbortSignal): Promise<EditableWorkCell> {
  return apiRequest<EditableWorkCell>(`/work-cells/${encodeURIComponent(id)}`, { signal });
}

export function createWorkCell(body: WorkCellBody): Promise<EditableWorkCell> {
  return apiRequest<EditableWorkCell>('/work-cells', { method: 'POST', body });
}

export function updateWorkCell(id: string, body: WorkCellBody): Promise<EditableWorkCell> {
  return apiRequest<EditableWorkCell>(`/work-cells/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteWorkCell(id: string): Promise<void> {
  return apiRequest<void>(`/work-cells/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function createStep(body: StepBody & { workCellId: string; text: string }): Promise<EditableStep> {
  return apiRequest<EditableStep>('/work-steps', { method: 'POST', body });
}

export function updateStep(id: string, body: StepBody): Promise<EditableStep> {
  return apiRequest<EditableStep>(`/work-steps/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteStep(id: string): Promise<void> {
  return apiRequest<void>(`/work-steps/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function createPartnership(body: PartnershipBody & { workCellId: string; organizationId: string }): Promise<EditablePartnership> {
  return apiRequest<EditablePartnership>('/partnerships', { method: 'POST', body });
}

export function updatePartnership(id: string, body: PartnershipBody): Promise<EditablePartnership> {
  return apiRequest<EditablePartnership>(`/partnerships/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deletePartnership(id: string): Promise<void> {
  return apiRequest<void>(`/partnerships/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function searchOrganizations(search: string, signal?: AbortSignal): Promise<Paginated<OrganizationOption>> {
  return apiRequest<Paginated<OrganizationOption>>('/organizations', { query: { search, page: 1, limit: 20 }, signal });
}

export function fetchObjectiveOptions(signal?: AbortSignal): Promise<Paginated<ObjectiveOption>> {
  return apiRequest<Paginated<ObjectiveOption>>('/objectives', { query: { page: 1, limit: 200 }, signal });
}
