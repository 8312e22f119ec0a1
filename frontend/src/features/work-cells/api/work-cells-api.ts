import { api, call, type Schemas } from '@/lib/api/client';

export type WorkCellSummary = Schemas['WorkCellSummaryDto'];
export type WorkCellSummaryPage = Schemas['WorkCellSummaryPageDto'];
export type WorkStep = Schemas['WorkStepDto'];
export type Partnership = Schemas['CellPartnershipDto'];
export type WorkCell = Schemas['WorkCellDto'];

export function fetchWorkCells(page: number, limit: number, signal?: AbortSignal): Promise<WorkCellSummaryPage> {
  return call(api.GET('/api/work-cells', { params: { query: { page, limit } }, signal }));
}

export function fetchWorkCell(id: string, signal?: AbortSignal): Promise<WorkCell> {
  return call(api.GET('/api/work-cells/{id}', { params: { path: { id } }, signal }));
}

/** Ticks or unticks a step (plan writers; partners, the steps of their organization's cells). */
export function setStepDone(id: string, done: boolean): Promise<WorkStep> {
  return call(api.PATCH('/api/work-steps/{id}', { params: { path: { id } }, body: { done } }));
}
