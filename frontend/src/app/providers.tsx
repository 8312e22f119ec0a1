import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '@/lib/api-client';
import { getSessionToken, subscribeSessionToken } from '@/lib/session-token';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will answer the same again; only network failures and 5xx are worth a retry.
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiError && error.statusCode >= 400 && error.statusCode < 500),
      },
      mutations: { retry: false },
    },
  });
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  // When the session ends (sign-out, a 401, another tab), nothing the previous user loaded stays cached.
  useEffect(
    () =>
      subscribeSessionToken(() => {
        if (getSessionToken() === null) queryClient.clear();
      }),
    [queryClient],
  );

  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
