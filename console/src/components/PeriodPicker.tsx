// A statistics page's period (调解统计, 事件统计): this year by default, with
// the periods people report by one click away — 本月, 本季度, 本年, 上一年 and
// the last twelve months — counted from the platform's today (the demo clock,
// or the server's), never the browser's. In January this year holds a few
// days; last year's figures are the ones asked for then.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { beijingToday, beijingYearDays } from '../format';
import { periodPresets, type Period } from '../periods';
import { useSession } from '../session';

/** The period state of a statistics page: this year (Beijing) at first. */
export function usePeriod(): [Period, (p: Period) => void] {
  const { now } = useSession();
  return useState<Period>(() => beijingYearDays(now()).map((x) => dayjs(x)) as Period);
}

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { now } = useSession();
  return (
    <DatePicker.RangePicker
      aria-label="统计期间"
      value={value}
      allowClear={false}
      presets={periodPresets(beijingToday(now()))}
      onChange={(v) => v && v[0] && v[1] && onChange([v[0], v[1]])}
    />
  );
}
