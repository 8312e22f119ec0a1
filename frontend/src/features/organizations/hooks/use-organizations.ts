import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchOrganizations, type OrganizationSearch } from '@/features/organizations/api/organizations-api';

export const ORGANIZATIONS_PAGE_SIZE = 25;

export function useOrganizations(criteria: OrganizationSearch) {
  return useQuery({
    queryKey: ['organizations', 'list', criteria] as const,
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
