import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchWorkCell, fetchWorkCells } from '@/features/work-cells/api/work-cells-api';

export const WORK_CELLS_PAGE_SIZE = 50;

export const workCellKeys = {
  list: (page: number) => ['work-cells', 'list', page] as const,
  detail: (id: string) => ['work-cells', 'detail', id] as const,
};

export function useWorkCells(page: number) {
  return useQuery({
    queryKey: workCellKeys.list(page),
    queryFn: ({ signal }) => fetchWorkCells(page, WORK_CELLS_PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });
}

export function useWorkCell(id: string) {
  return useQuery({
    queryKey: workCellKeys.detail(id),
    queryFn: ({ signal }) => fetchWorkCell(id, signal),
  });
}
