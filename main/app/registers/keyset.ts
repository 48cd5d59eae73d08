import type { Row } from './table';

/** The column a list is sorted by, and whether it can be empty (then empty rows go last). */
export interface SortColumn {
  column: string;
  nullable: boolean;
}

/** Where a page starts: next to a row (keyset) or, for a jump, a number of rows in. */
export type PagePosition =
  | { kind: 'after' | 'before'; value: string | null; id: string }
  | { kind: 'offset'; offset: number; fromEnd: boolean };

export interface PageQuery {
  query: (sql: string, params: unknown[]) => Promise<Row[]>;
  /** A table, or a subquery in parentheses. */
  source: string;
  where: readonly string[];
  params: readonly unknown[];
  sort: SortColumn;
  descending: boolean;
  limit: number;
}

/**
 * A list ordered by a column that can be empty is two runs: the rows with a value, by
 * (value, id), then the empty ones, by id. Each run is one range of an index on
 * (column, id), which a single `ORDER BY column NULLS LAST` could not use in both
 * directions.
 */
interface Run {
  condition: string | null;
  keys: readonly string[];
}

function runsOf({ column, nullable }: SortColumn): Run[] {
  return nullable
    ? [
        { condition: `${column} IS NOT NULL`, keys: [column, 'id'] },
        { condition: `${column} IS NULL`, keys: ['id'] },
      ]
    : [{ condition: null, keys: [column, 'id'] }];
}

/**
 * One page of rows in list order. After or before a row it is an index range from that
 * row's (value, id), so a page deep in the list costs what the first one costs; a jump by
 * offset walks the index up to it, from whichever end is asked.
 */
export async function readPage(page: PageQuery, position: PagePosition): Promise<Row[]> {
  const backward = position.kind === 'before' || (position.kind === 'offset' && position.fromEnd);
  const forwardRuns = runsOf(page.sort);
  const runs = backward ? [...forwardRuns].reverse() : forwardRuns;
  // Backward reads the list's order reversed, then turns the rows round.
  const descending = page.descending !== backward;
  const comparison = descending ? '<' : '>';

  let first = 0;
  let boundary: unknown[] | null = null;
  if (position.kind !== 'offset') {
    const inEmptyRun = page.sort.nullable && position.value === null;
    const forwardIndex = inEmptyRun ? 1 : 0;
    first = backward ? forwardRuns.length - 1 - forwardIndex : forwardIndex;
    boundary = inEmptyRun ? [position.id] : [position.value, position.id];
  }
  let skip = position.kind === 'offset' ? position.offset : 0;

  const rows: Row[] = [];
  for (let i = first; i < runs.length && rows.length < page.limit; i++) {
    const run = runs[i]!;
    const where = [...page.where];
    const params = [...page.params];
    if (run.condition) where.push(run.condition);
    if (i === first && boundary) {
      where.push(`(${run.keys.join(', ')}) ${comparison} (${run.keys.map(() => '?').join(', ')})`);
      params.push(...boundary);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = run.keys.map((key) => `${key} ${descending ? 'DESC' : 'ASC'}`).join(', ');
    const found = await page.query(
      `SELECT * FROM ${page.source} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, page.limit - rows.length, skip],
    );
    if (skip > 0 && found.length === 0 && i < runs.length - 1) {
      // The jump lands beyond this run: skip only what is left of it in the next.
      const [{ n }] = (await page.query(
        `SELECT count(*) AS n FROM ${page.source} ${whereSql}`,
        params,
      )) as [{ n: number }];
      skip = Math.max(0, skip - n);
    } else {
      skip = 0;
    }
    rows.push(...found);
  }
  return backward ? rows.reverse() : rows;
}
