import { apiRequest } from '@/lib/api-client';

export interface QueueFailure {
  id: string;
  name: string;
  attemptsMade: number;
  failedReason: string;
  finishedOn: string | null;
}

export interface QueueState {
  name: string;
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  delayed: number;
  retried: number;
  recentlyExamined: number;
  failures: QueueFailure[];
}

export function fetchQueues(signal?: AbortSignal): Promise<{ queues: QueueState[] }> {
  return apiRequest('/admin/queues', { signal });
}
