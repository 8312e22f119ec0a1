import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchPlanTree, fetchPlans } from '@/features/plans/api/plans-api';

export const PLANS_PAGE_SIZE = 50;

export const planKeys = {
  all: ['plans'] as const,
  list: (page: number, archived = false) => ['plans', 'list', page, archived ? 'archived' : 'active'] as const,
  tree: (id: string) => ['plans', 'tree', id] as const,
};

export function usePlans(page: number, archived = false) {
  return useQuery({
    queryKey: planKeys.list(page, archived),
    queryFn: ({ signal }) => fetchPlans(page, PLANS_PAGE_SIZE, signal, archived),
    placeholderData: keepPreviousData,
  });
}

export function usePlanTree(id: string) {
  return useQuery({
    queryKey: planKeys.tree(id),
    queryFn: ({ signal }) => fetchPlanTree(id, signal),
  });
}
