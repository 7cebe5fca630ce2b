// A list page's filters and page (党建项目, 矛盾调解, 网格事件, 双向述职,
// 财务拨付; the filters of 评议结果, 督查通报, 流程运维, 人员与授权 and the
// 工作台, whose pages are read by cursor): one shape for the lists. What the
// address holds is read in ../list-address.ts.
//
// They live in the URL's query string, not in the page's state: a clerk who
// opens a case from page 3 of the 超期 cases and comes back with the
// browser's 返回 finds the same page of the same list (the page's state died
// with the page), and a list's address can be sent to a colleague. Changes
// replace the history entry, so 返回 leaves the list rather than stepping
// back through every filter tried.
//
// While the next page loads, the rows of the last one stay under the
// spinner: the table went blank and its pager vanished (a total of 0) for
// every page turned.
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The address's query and a way to change it. A change starts from the address as it is now, not as it was when
 * the page last rendered: react-router hands an updater the rendered one, so a page turned just after a search
 * (before the page re-rendered with it) dropped the search from the address.
 */
export function useAddressParams(): [URLSearchParams, (change: (params: URLSearchParams) => void) => void] {
  const [params, setParams] = useSearchParams();
  const update = (change: (params: URLSearchParams) => void) => {
    const next = new URLSearchParams(window.location.search);
    change(next);
    setParams(next, { replace: true });
  };
  return [params, update];
}

/** The rows a list shows on one page. */
export const LIST_PAGE = 20;

/**
 * Each filter is a string, '' meaning 全部; a filter absent from the URL has its default, and so has one whose value
 * is not among its `choices` (an address kept from before a stage was renamed, or mistyped): the list opens
 * unfiltered there rather than on an error.
 */
export function useListState<K extends string>(defaults: Record<K, string>, choices: Partial<Record<K, readonly string[]>> = {}) {
  const [params, update] = useAddressParams();
  const keys = Object.keys(defaults) as K[];
  const value = (k: K) => {
    const v = params.get(k);
    return v === null || (v !== '' && choices[k] && !choices[k].includes(v)) ? defaults[k] : v;
  };
  const filters = Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, string>;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '', 10) || 1);
  const change = (changes: Partial<Record<K, string>>, nextPage: number) =>
    update((next) => {
      for (const k of Object.keys(changes) as K[]) {
        const v = changes[k] ?? '';
        // Only what differs from the page's default is written: the address of a list as it opens stays bare.
        if (v === defaults[k]) next.delete(k);
        else next.set(k, v);
      }
      if (nextPage > 1) next.set('page', String(nextPage));
      else next.delete('page');
    });
  return {
    filters,
    page,
    /** Filters changed: back to their first page. */
    set: (changes: Partial<Record<K, string>>) => change(changes, 1),
    setPage: (p: number) => change({}, p),
  };
}

/**
 * One page of a list: `fetch` reads `limit` rows from `offset`. Gives the query and the table's
 * `loading`, `dataSource` and `pagination` (the total counted in `unit`: 项, 件).
 */
export function usePagedList<T>(
  key: QueryKey,
  list: { page: number; setPage: (p: number) => void },
  fetch: (paging: { limit: number; offset: number }) => Promise<{ items: T[]; total: number }>,
  unit: string,
) {
  const { page, setPage } = list;
  const query = useQuery({
    queryKey: [...key, page],
    queryFn: () => fetch({ limit: LIST_PAGE, offset: (page - 1) * LIST_PAGE }),
    placeholderData: keepPreviousData,
  });
  const total = query.data?.total ?? 0;
  const last = Math.max(1, Math.ceil(total / LIST_PAGE));
  // A page past the end (an old link, or the list shrank as records moved on): its last page instead of an empty table.
  const pastEnd = !query.isPlaceholderData && query.isSuccess && page > last;
  useEffect(() => {
    if (pastEnd) setPage(last);
  }, [pastEnd, last, setPage]);
  const pagination: TablePaginationConfig = { current: page, pageSize: LIST_PAGE, total, onChange: setPage, showTotal: (t) => `共 ${t} ${unit}`, showSizeChanger: false };
  return {
    query,
    table: { loading: query.isLoading || query.isPlaceholderData, dataSource: query.data?.items ?? [], pagination },
  };
}

/**
 * Pages read by cursor (the 工作台, 人员与授权): the cursors of the pages seen (the first page's: none), kept for the
 * filters `key` names only. Whatever changes them — a control, a count that opens its 待办, 返回 — starts again at
 * the first page, where a cursor read under other filters went on from a row of another list.
 */
export function useCursorPaging(key: string) {
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | undefined> }>({ key, cursors: [undefined] });
  const cursors = paging.key === key ? paging.cursors : [undefined];
  return {
    cursor: cursors[cursors.length - 1],
    /** 1 for the first page. */
    page: cursors.length,
    previous: () => setPaging({ key, cursors: cursors.slice(0, -1) }),
    next: (cursor: string) => setPaging({ key, cursors: [...cursors, cursor] }),
  };
}
