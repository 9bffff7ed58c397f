import type { RequestOf } from '../../../shared/ipc/contract';
import type { ArticleView } from '../../../shared/ipc/channels/desk';

/** What the sidebar filters by, as typed (dates are the date inputs' yyyy-mm-dd values). */
export interface DeskFilters {
  query: string;
  section: string;
  authorId: string;
  from: string;
  to: string;
}

export const NO_FILTERS: DeskFilters = { query: '', section: '', authorId: '', from: '', to: '' };

export const DESK_VIEWS: readonly ArticleView[] = ['all', 'mine', 'queue', 'inReview', 'approved', 'published', 'spiked'];

/** How many of the panel's filters (search aside) are set. */
export function activeFilterCount(filters: DeskFilters): number {
  return [filters.section.trim(), filters.authorId, filters.from, filters.to].filter(Boolean).length;
}

/** A yyyy-mm-dd date input as the start (or end) of that local day, in ISO 8601. */
export function dayBoundary(day: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = end
    ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999)
    : new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 0, 0, 0, 0);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The desk.list request for a view and its filters; empty filters are left out. */
export function deskListRequest(view: ArticleView, filters: DeskFilters): RequestOf<'desk.list'> {
  const request: RequestOf<'desk.list'> = { view };
  const query = filters.query.trim().slice(0, 500);
  if (query) request.query = query;
  const section = filters.section.trim().slice(0, 200);
  if (section) request.section = section;
  if (filters.authorId) request.authorId = filters.authorId;
  const from = dayBoundary(filters.from, false);
  if (from) request.from = from;
  const to = dayBoundary(filters.to, true);
  if (to) request.to = to;
  return request;
}
