import { apiRequest, type Paginated } from '@/lib/api-client';

export type AuditAction = 'create' | 'update' | 'archive' | 'restore' | 'delete';

export interface AuditEvent {
  id: string;
  at: string;
  actor: { id: string | null; email: string; role: string } | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** `GET /api/audit-events`: admins and evaluators; newest first. One record's events, or (`planId`) a plan's and its parts'. */
export function fetchAuditEvents(
  query: ({ entityType: string; entityId: string } | { planId: string }) & { page?: number; limit?: number },
  signal?: AbortSignal,
): Promise<Paginated<AuditEvent>> {
  return apiRequest<Paginated<AuditEvent>>('/audit-events', { query, signal });
}
