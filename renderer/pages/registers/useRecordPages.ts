import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegisterKey } from '../../../shared/registers';
import type { RegisterListInput, RegisterRecord } from '../../../shared/registers/schemas';
import { registerApi } from './registerApi';

export const PAGE_SIZE = 100;
export type ListFilter = Omit<RegisterListInput, 'offset' | 'limit'>;

interface Loaded {
  /** Which filter (and reload) these pages answer; older answers are ignored. */
  query: string;
  total: number;
  pages: ReadonlyMap<number, RegisterRecord[]>;
}

/**
 * The list's rows, fetched a page at a time as the person scrolls: with 100 000 records
 * only what is on screen (and a page around it) ever crosses IPC.
 */
export function useRecordPages(key: RegisterKey, filter: ListFilter, version: number) {
  const query = JSON.stringify({ key, filter, version });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const requested = useRef({ query: '', pages: new Set<number>() });

  const load = useCallback(
    (page: number) => {
      if (requested.current.query !== query) requested.current = { query, pages: new Set() };
      if (requested.current.pages.has(page)) return;
      requested.current.pages.add(page);
      const { filter: current } = JSON.parse(query) as { filter: ListFilter };
      void registerApi(key)
        .list({ ...current, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          if (!result.ok) return setError(result.error.message);
          setError(null);
          setLoaded((previous) => {
            const pages = new Map(previous?.query === query ? previous.pages : []);
            pages.set(page, result.value.rows);
            return { query, total: result.value.total, pages };
          });
        });
    },
    [key, query],
  );

  useEffect(() => load(0), [load]);

  const current = loaded?.query === query ? loaded : null;
  const rowAt = (index: number): RegisterRecord | undefined =>
    current?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  /** Asks for the pages that cover rows first..last. */
  const ensure = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        load(page);
      }
    },
    [load],
  );

  return { total: current?.total ?? null, rowAt, ensure, error };
}
