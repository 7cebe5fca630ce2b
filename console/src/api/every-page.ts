// Every record a paged list finds, page after page: what an export writes
// (导出台账, 导出表格), where the page shown holds twenty.

/** The largest page the list endpoints give (their `limit` maximum): an export reads in pages of it. */
export const LIST_PAGE_MAX = 200;

/** Reads pages of `size` from offset 0 until one comes back short or the total is reached. */
export async function everyPage<T>(size: number, read: (page: { limit: number; offset: number }) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const page = await read({ limit: size, offset: all.length });
    all.push(...page.items);
    if (page.items.length < size || all.length >= page.total) return all;
  }
}
