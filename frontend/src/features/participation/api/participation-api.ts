import { api, call, type Schemas } from '@/lib/api/client';

/** The ADS+ dimensions a count can be broken down by, with their stable category codes (as the API has them). */
export const BREAKDOWN_DIMENSIONS = {
  gender: ['woman', 'man', 'non_binary', 'self_described'],
  age_group: ['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus'],
  immigration: ['born_canada', 'arrived_lt5', 'arrived_5plus'],
} as const;

export type BreakdownDimension = keyof typeof BREAKDOWN_DIMENSIONS;
export const DIMENSION_ORDER = Object.keys(BREAKDOWN_DIMENSIONS) as BreakdownDimension[];

/** Instruments that take a count: « Nombre de participants » and tallies. */
export const COUNTED_INSTRUMENT_KINDS = ['participation_count', 'tally'] as const satisfies readonly Schemas['InstrumentKind'][];

/** The plan's time zone (IANA): a count's default date is today there. */
export type PlanOption = Pick<Schemas['PlanDto'], 'id' | 'title' | 'timeZone'>;
export type InstrumentOption = Schemas['InstrumentDto'];
export type BreakdownCell = Schemas['BreakdownCellDto'];
export type CreateParticipationCount = Schemas['CreateParticipationCountDto'];

/**
 * A count as read back: as entered for evaluators, admins and the partner who recorded it; through the disclosure
 * layer for the others (`protected`: perturbed, a total or cell from 1 to k − 1 null and hidden).
 */
export type ParticipationCount = Schemas['ParticipationCountViewDto'];
export type ParticipationCountPage = Schemas['ParticipationCountPageDto'];

const LIST_LIMIT = 200;
export const RECENT_COUNTS_LIMIT = 20;

/**
 * The plans a count may be recorded for: all of them for admins and evaluators; for a partner, those its organization
 * takes part in (owner, or partner in one of their work cells), the only ones the API lets it count for.
 */
export function fetchPlanOptions(organizationId: string | null, signal?: AbortSignal): Promise<Schemas['PlanPageDto']> {
  const query = { page: 1, limit: LIST_LIMIT };
  if (organizationId) return call(api.GET('/api/organizations/{id}/plans', { params: { path: { id: organizationId }, query }, signal }));
  return call(api.GET('/api/plans', { params: { query }, signal }));
}

export async function fetchCountedInstruments(planId: string, signal?: AbortSignal): Promise<InstrumentOption[]> {
  const page = await call(api.GET('/api/instruments', { params: { query: { planId, page: 1, limit: LIST_LIMIT } }, signal }));
  return page.items.filter((instrument) => COUNTED_INSTRUMENT_KINDS.some((kind) => kind === instrument.kind));
}

export function fetchRecentCounts(instrumentId: string, signal?: AbortSignal): Promise<ParticipationCountPage> {
  return call(
    api.GET('/api/participation-counts', {
      params: { query: { instrumentId, page: 1, limit: RECENT_COUNTS_LIMIT } },
      signal,
    }),
  );
}

/**
 * Records a count. The key is the caller's: the same key with the same body is stored once however many
 * times it is sent (a double click, a retry after a timeout).
 */
export function createParticipationCount(body: CreateParticipationCount, idempotencyKey: string): Promise<ParticipationCount> {
  return call(api.POST('/api/participation-counts', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }));
}
