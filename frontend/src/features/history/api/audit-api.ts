import { api, call, type Schemas } from '@/lib/api/client';

export type AuditAction = Schemas['AuditAction'];
export type AuditEvent = Schemas['AuditEventDto'];
export type AuditEventPage = Schemas['AuditEventPageDto'];

/** `GET /api/audit-events`: admins and evaluators; newest first. One record's events, or (`planId`) a plan's and its parts'. */
export function fetchAuditEvents(
  query: ({ entityType: string; entityId: string } | { planId: string }) & { page?: number; limit?: number },
  signal?: AbortSignal,
): Promise<AuditEventPage> {
  return call(api.GET('/api/audit-events', { params: { query }, signal }));
}
