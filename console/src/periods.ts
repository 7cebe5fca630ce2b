// The periods statistics are reported by, as date ranges (PeriodPicker's presets). Pure: tested without a browser.
import dayjs, { type Dayjs } from 'dayjs';

export type Period = [Dayjs, Dayjs];

/** The presets, from Beijing's `today` (YYYY-MM-DD). */
export function periodPresets(today: string): Array<{ label: string; value: Period }> {
  const d = dayjs(today);
  const quarterStart = d.startOf('month').month(Math.floor(d.month() / 3) * 3);
  return [
    { label: '本月', value: [d.startOf('month'), d.endOf('month').startOf('day')] },
    { label: '本季度', value: [quarterStart, quarterStart.add(2, 'month').endOf('month').startOf('day')] },
    { label: '本年', value: [d.startOf('year'), d.endOf('year').startOf('day')] },
    { label: '上一年', value: [d.subtract(1, 'year').startOf('year'), d.subtract(1, 'year').endOf('year').startOf('day')] },
    { label: '近 12 个月', value: [d.subtract(12, 'month').add(1, 'day'), d] },
  ];
}

