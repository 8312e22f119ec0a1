import { api, call, type Schemas } from '@/lib/api/client';

export type QueueFailure = Schemas['QueueFailureDto'];
export type QueueState = Schemas['QueueStateDto'];
export type QueueBoard = Schemas['QueueBoardDto'];

export function fetchQueues(signal?: AbortSignal): Promise<QueueBoard> {
  return call(api.GET('/api/admin/queues', { signal }));
}
