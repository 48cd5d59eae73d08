import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegisterKey } from '../../../shared/registers';
import type {
  RegisterListInput,
  RegisterListPage,
  RegisterRecord,
} from '../../../shared/registers/schemas';
import { registerApi } from './registerApi';

export const PAGE_SIZE = 100;
type Paging = 'after' | 'before' | 'offset' | 'fromEnd' | 'limit' | 'withTotal';
export type ListFilter = Omit<RegisterListInput, Paging>;
/** How a page is asked for; the cursors are the strings main made them. */
interface Position {
  after?: string;
  before?: string;
  offset?: number;
  fromEnd?: boolean;
  limit?: number;
  withTotal?: boolean;
}

interface Loaded {
  /** Which filter (and reload) these pages answer; older answers are ignored. */
  query: string;
  /** Which filter: after a save the same filter's rows stay on screen until replaced. */
  rowsOf: string;
  total: number | null;
  pages: ReadonlyMap<number, RegisterRecord[]>;
}

/** The pages asked for under one query, answered or not, to continue from their cursors. */
interface Requests {
  query: string;
  rowsOf: string;
  total: number | null;
  pages: Map<number, Promise<RegisterListPage | null>>;
}

/**
 * The list's rows, fetched a page at a time as the person scrolls: with 100 000 records
 * only what is on screen (and a page around it) ever crosses IPC. A page next to one
 * already asked for continues from that page's cursor (keyset), so scrolling deep costs
 * no more than the first page; only a jump to where nothing is loaded counts rows, from
 * the nearer end of the list.
 */
export function useRecordPages(key: RegisterKey, filter: ListFilter, version: number) {
  const rowsOf = JSON.stringify({ key, filter });
  const query = JSON.stringify({ key, filter, version });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const requests = useRef<Requests>({ query: '', rowsOf: '', total: null, pages: new Map() });

  const load = useCallback(
    (page: number) => {
      if (requests.current.query !== query) {
        // Reloaded after a change: the count so far places a jump until page 0 recounts.
        const same = requests.current.rowsOf === rowsOf;
        requests.current = {
          query,
          rowsOf,
          total: same ? requests.current.total : null,
          pages: new Map(),
        };
      }
      const asked = requests.current;
      if (asked.pages.has(page)) return;
      const { filter: current } = JSON.parse(query) as { filter: ListFilter };

      const fetchPage = async (position: Position) => {
        const result = await registerApi(key).list({
          ...current,
          limit: PAGE_SIZE,
          withTotal: false,
          ...position,
        });
        if (!result.ok) {
          setError(result.error.message);
          return null;
        }
        setError(null);
        return result.value;
      };
      const above = asked.pages.get(page - 1);
      const below = asked.pages.get(page + 1);
      let request: Promise<RegisterListPage | null>;
      if (page === 0) {
        request = fetchPage({ withTotal: true });
      } else if (above) {
        request = above.then((previous) =>
          previous?.endCursor ? fetchPage({ after: previous.endCursor }) : null,
        );
      } else if (below) {
        request = below.then((next) =>
          next?.startCursor ? fetchPage({ before: next.startCursor }) : null,
        );
      } else {
        request = fetchPage(jumpTo(page, asked.total ?? 0));
      }
      asked.pages.set(page, request);

      void request.then((result) => {
        if (requests.current !== asked) return;
        // A failed page may be asked for again when it next comes into view.
        if (!result) return void asked.pages.delete(page);
        if (result.total !== null) asked.total = result.total;
        setLoaded((previous) => {
          // The same filter reloaded keeps its other pages until they are asked for again,
          // so the list keeps its length, its place and the focused row meanwhile.
          const pages = new Map(previous?.rowsOf === rowsOf ? previous.pages : []);
          pages.set(page, result.rows);
          return { query, rowsOf, total: asked.total, pages };
        });
      });
    },
    [key, query, rowsOf],
  );

  useEffect(() => load(0), [load]);

  const current = loaded?.rowsOf === rowsOf ? loaded : null;
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

/** A page far from any loaded one: counted from the start, or from the end if nearer. */
function jumpTo(page: number, total: number): Position {
  const offset = page * PAGE_SIZE;
  if (offset <= total / 2) return { offset };
  const fromEnd = total - offset - PAGE_SIZE;
  return fromEnd >= 0
    ? { offset: fromEnd, fromEnd: true }
    : { offset: 0, fromEnd: true, limit: PAGE_SIZE + fromEnd };
}
