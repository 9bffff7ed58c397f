import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/domain/article';
import type { ArticleView } from '../../../shared/ipc/channels/desk';
import { ApiError } from '../../api';
import { deskApi } from '../../api/desk';
import { deskListRequest, type DeskFilters } from './deskFilters';

export interface DeskListState {
  items: ArticleSummary[];
  total: number;
  loading: boolean;
  error: ApiError | null;
}

export type DeskCounts = Partial<Record<ArticleView, number>>;

/**
 * One view of the desk with its filters, ordered by the core (the queue: urgent, then nearest
 * deadline, then the longest waiting). Refetches when the filters settle (150 ms after typing)
 * or `refreshToken` changes (after a save or a transition).
 */
export function useDeskList(view: ArticleView, filters: DeskFilters, refreshToken: number): DeskListState {
  const [state, setState] = useState<DeskListState>({ items: [], total: 0, loading: true, error: null });
  useEffect(() => {
    let cancelled = false;
    const handle = setTimeout(
      () => {
        deskApi
          .list(deskListRequest(view, filters))
          .then((result) => {
            if (!cancelled) setState({ items: result.items, total: result.total, loading: false, error: null });
          })
          .catch((error: unknown) => {
            if (!cancelled) setState((previous) => ({ ...previous, loading: false, error: ApiError.from(error) }));
          });
      },
      filters.query || filters.section ? 150 : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(handle);
    };
  }, [view, filters, refreshToken]);
  return state;
}

/** Each view's count, re-read with the list. A failure leaves the last counts up. */
export function useDeskCounts(refreshToken: number): DeskCounts {
  const [counts, setCounts] = useState<DeskCounts>({});
  useEffect(() => {
    let cancelled = false;
    deskApi
      .counts()
      .then((next) => {
        if (!cancelled) setCounts(next);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [refreshToken]);
  return counts;
}

export interface Person {
  id: string;
  name: string;
  role: string;
}

/**
 * The desk's people (authors for the filter, reviewers for reassigning), read when `active`
 * becomes true (the filters opened, the bar mounted), so an account added meanwhile is there.
 */
export function useDeskPeople(active = true): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    deskApi
      .people()
      .then((next) => {
        if (!cancelled) setPeople(next);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [active]);
  return people;
}
