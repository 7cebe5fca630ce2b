// The total of an offset-paged list read in one statement: each row of the
// page carries it (a `total` column, a count over the same filter that
// PostgreSQL runs once), so only a page without rows needs a statement of
// its own — and not even that on the first page, whose total is then 0.
import type { Prisma } from '../../prisma/generated/client';
import type { RawDb } from '../../db/raw-sql';

/** `count`: `SELECT count(*) AS n FROM … WHERE …` over the list's filter, the page's `total` column as a subquery; run alone only for an empty page past the first. */
export async function pageTotal(db: RawDb, rows: ReadonlyArray<{ total: bigint }>, offset: number, count: Prisma.Sql): Promise<number> {
  if (rows.length > 0) return Number(rows[0]!.total);
  if (offset === 0) return 0;
  const [row] = await db.$queryRaw<Array<{ n: bigint }>>(count);
  return Number(row!.n);
}
