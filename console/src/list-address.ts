// What a list's address holds, read and written (hooks/list-state.ts keeps
// the filters there): a year, a period of dates, a yes/no. An address is
// typed, kept for months or sent, so whatever it holds is read as a filter
// the list can apply, or as none. Pure: tested without a browser.
import dayjs from 'dayjs';
import type { Period } from './periods';

/** The choices of a yes/no filter (逾期). */
export const YES_NO = ['true', 'false'] as const;

/** A year filter as the URL holds it: none unless a year the year box takes (2000–2100). */
export function yearOf(s: string): number | null {
  const y = /^\d{4}$/.test(s) ? Number(s) : NaN;
  return y >= 2000 && y <= 2100 ? y : null;
}

/**
 * A date filter (登记日期, 上报日期) as the URL holds it: `from` and `to`, YYYY-MM-DD; none when either is missing or
 * not a date, or when `from` is after `to` (the API refuses a reversed period: the page would show an error).
 */
export function periodOf(from: string, to: string): Period | null {
  const date = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s).format('YYYY-MM-DD') === s ? dayjs(s) : null);
  const [a, b] = [date(from), date(to)];
  return a && b && !a.isAfter(b) ? [a, b] : null;
}

/** The filters a period picked (or cleared) sets. */
export const periodFilter = (p: Period | null) => ({ from: p ? p[0].format('YYYY-MM-DD') : '', to: p ? p[1].format('YYYY-MM-DD') : '' });

/**
 * A list's address with these filters, those without a value left out: where a statistic leads (调解统计's 受理案件
 * → the case list of that unit and period), read back by the list as its own filters.
 */
export function listAddress(path: string, filters: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The dates of `month` (YYYY-MM) that lie in the period [from, to]: what a month's bar of a statistics chart stands
 * for. A period of the last twelve months starts and ends within a month; that month's bar counts only its days in
 * the period.
 */
export function monthInPeriod(month: string, from: string, to: string): { from: string; to: string } {
  const first = `${month}-01`;
  const last = dayjs(first).endOf('month').format('YYYY-MM-DD');
  return { from: first < from ? from : first, to: last > to ? to : last };
}
