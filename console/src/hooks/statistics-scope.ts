// A statistics page's unit and period (调解统计, 事件统计), kept in the
// address as a list's filters are (./list-state.ts): a reload, 返回 from the
// records a figure opened, or a link sent to a colleague shows the same unit
// and period, where the page's state went back to the first unit and this
// year.
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { beijingYearDays } from '../format';
import { periodOf } from '../list-address';
import type { Period } from '../periods';
import { useSession } from '../session';
import { useListState } from './list-state';

/**
 * `unitIds`: the units whose statistics the person may read, once known. `unitId` is the address's unit, or '' for
 * none or one not among them (a link from someone with a wider view): the page's default then.
 */
export function useStatisticsScope(unitIds: readonly string[] | undefined) {
  const { now } = useSession();
  const address = useListState({ unitId: '', from: '', to: '' });
  const f = address.filters;
  const unitId = !unitIds || unitIds.includes(f.unitId) ? f.unitId : '';
  // This year on the platform's clock, in Beijing, unless the address holds a period.
  const [from, to] = periodOf(f.from, f.to) ? [f.from, f.to] : beijingYearDays(now());
  const range = useMemo(() => [dayjs(from), dayjs(to)] as Period, [from, to]);
  return { unitId, from, to, range, set: address.set };
}
