import { apiRequest, type Paginated } from '@/lib/api-client';

/** The ADS+ dimensions a count can be broken down by, with their stable category codes (as the API has them). */
export const BREAKDOWN_DIMENSIONS = {
  gender: ['woman', 'man', 'non_binary', 'self_described'],
  age_group: ['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus'],
  immigration: ['born_canada', 'arrived_lt5', 'arrived_5plus'],
} as const;

export type BreakdownDimension = keyof typeof BREAKDOWN_DIMENSIONS;
export const DIMENSION_ORDER = Object.keys(BREAKDOWN_DIMENSIONS) as BreakdownDimension[];

/** Instruments that take a count: « Nombre de participants » and tallies. */
export const COUNTED_INSTRUMENT_KINDS = ['participation_count', 'tally'] as const;

export interface PlanOption {
  id: string;
  title: string;
  /** The plan's time zone (IANA): a count's default date is today there. */
  timeZone?: string;
}

export interface InstrumentOption {
  id: string;
  kind: string;
  name: string;
  planId: string;
}

export interface BreakdownCell {
  dimension: string;
  category: string;
  count: number;
}

export interface CreateParticipationCount {
  instrumentId: string;
  activity: string;
  date: string;
  total: number;
  breakdown: BreakdownCell[];
}

/**
 * A count as read back: as entered for evaluators, admins and the partner who recorded it; through the disclosure
 * layer for the others (`protected`: perturbed, a total or cell from 1 to k − 1 null and hidden).
 */
export interface ParticipationCount extends Omit<CreateParticipationCount, 'total' | 'breakdown'> {
  id: string;
  organizationId: string | null;
  total: number | null;
  totalHidden?: boolean;
  breakdown: (Omit<BreakdownCell, 'count'> & { count: number | null; hidden?: boolean })[];
  protected?: boolean;
  createdAt: string;
  updatedAt?: string;
}

const LIST_LIMIT = 200;
export const RECENT_COUNTS_LIMIT = 20;

export function fetchPlanOptions(signal?: AbortSignal): Promise<Paginated<PlanOption>> {
  return apiRequest<Paginated<PlanOption>>('/plans', { query: { page: 1, limit: LIST_LIMIT }, signal });
}

export async function fetchCountedInstruments(planId: string, signal?: AbortSignal): Promise<InstrumentOption[]> {
  const page = await apiRequest<Paginated<InstrumentOption>>('/instruments', {
    query: { planId, page: 1, limit: LIST_LIMIT },
    signal,
  });
  return page.items.filter((instrument) =>
    COUNTED_INSTRUMENT_KINDS.some((kind) => kind === instrument.kind),
  );
}

export function fetchRecentCounts(instrumentId: string, signal?: AbortSignal): Promise<Paginated<ParticipationCount>> {
  return apiRequest<Paginated<ParticipationCount>>('/participation-counts', {
    query: { instrumentId, page: 1, limit: RECENT_COUNTS_LIMIT },
    signal,
  });
}

/**
 * Records a count. The key is the caller's: the same key with the same body is stored once however many
 * times it is sent (a double click, a retry after a timeout).
 */
export function createParticipationCount(
  body: CreateParticipationCount,
  idempotencyKey: string,
): Promise<ParticipationCount> {
  return apiRequest<ParticipationCount>('/participation-counts', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
