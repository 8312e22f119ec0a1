import type { Network } from '@repere/contract';
import { apiRequest, type Paginated } from '@/lib/api-client';

export interface WorkCellSummary {
  id: string;
  name: string;
  objectiveId: string | null;
  objective: { id: string; code: string; title: string } | null;
  objectiveText: string | null;
  startDate: string | null;
  startDateText: string | null;
  mandate: string | null;
  contact: string | null;
  stepsDone: number;
  stepsTotal: number;
  partnerCount: number;
}

export interface WorkStep {
  id: string;
  position: number;
  text: string;
  done: boolean;
  phase: string | null;
  date: string | null;
}

export interface Partnership {
  id: string;
  organizationId: string;
  organization: { id: string; name: string; acronym: string | null } | null;
  network: Network | null;
  sector: string | null;
}

export interface WorkCell extends WorkCellSummary {
  steps: WorkStep[];
  partnerships: Partnership[];
  partnersNote: string | null;
}

export function fetchWorkCells(page: number, limit: number, signal?: AbortSignal): Promise<Paginated<WorkCellSummary>> {
  return apiRequest<Paginated<WorkCellSummary>>('/work-cells', { query: { page, limit }, signal });
}

export function fetchWorkCell(id: string, signal?: AbortSignal): Promise<WorkCell> {
  return apiRequest<WorkCell>(`/work-cells/${encodeURIComponent(id)}`, { signal });
}
