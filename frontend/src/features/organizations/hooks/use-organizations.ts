import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  fetchOrganization,
  fetchOrganizations,
  updateOrganization,
  type OrganizationChanges,
  type OrganizationSearch,
} from '@/features/organizations/api/organizations-api';

export const ORGANIZATIONS_PAGE_SIZE = 25;

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (criteria: OrganizationSearch) => ['organizations', 'list', criteria] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
};

export function useOrganizations(criteria: OrganizationSearch) {
  return useQuery({
    queryKey: organizationKeys.list(criteria),
    queryFn: ({ signal }) => fetchOrganizations(criteria, signal),
    placeholderData: keepPreviousData,
  });
}

/** Waits until typing pauses, so each keystroke does not become a request. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function useOrganization(id: string) {
  return useQuery({
    queryKey: organizationKeys.detail(id),
    queryFn: ({ signal }) => fetchOrganization(id, signal),
    enabled: id !== '',
  });
}

/** Saves a record; the directory and every page naming the organization read it again. */
export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationChanges) => updateOrganization(id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(organizationKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    },
  });
}
