import type { DataSource } from 'typeorm';
import type { RegisterDefinition } from '../../../shared/registers';
import {
  registerListInput,
  type RegisterListFilter,
  type RegisterRecord,
} from '../../../shared/registers/schemas';
import { listRecords } from './registerQueries';

/** The most rows one page of a list may have (the list's own limit). */
export const RECORD_PAGE = 500;

/**
 * Every record of a register matching a list's filter, in the list's order, a page at a
 * time: the screen's own query (`listRecords`) walked along its keyset, so what is read
 * for print or export is what the list shows, and only one page is held at once.
 */
export async function* recordPages(
  dataSource: DataSource,
  definition: RegisterDefinition,
  filter: Partial<RegisterListFilter>,
  now: Date,
): AsyncGenerator<RegisterRecord[]> {
  let after: string | null = null;
  for (;;) {
    const page = await listRecords(
      dataSource,
      definition,
      registerListInput.parse({
        ...filter,
        after,
        before: null,
        offset: 0,
        fromEnd: false,
        limit: RECORD_PAGE,
        withTotal: false,
      }),
      now,
    );
    if (page.rows.length > 0) yield page.rows;
    if (page.rows.length < RECORD_PAGE || !page.endCursor) return;
    after = page.endCursor;
  }
}

/** How many records of a register match a list's filter: the list's own count. */
export async function countRecords(
  dataSource: DataSource,
  definition: RegisterDefinition,
  filter: Partial<RegisterListFilter>,
  now: Date,
): Promise<number> {
  const page = await listRecords(
    dataSource,
    definition,
    registerListInput.parse({ ...filter, limit: 1, withTotal: true }),
    now,
  );
  return page.total ?? 0;
}
