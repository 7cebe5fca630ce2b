// A statistics page's period (调解统计, 事件统计; this year by default, see
// hooks/statistics-scope.ts) and a list's date filter (the case list's
// 登记日期), with the periods people report by one click away — 本月, 本季度,
// 本年, 上一年 and the last twelve months — counted from the platform's today
// (the demo clock, or the server's), never the browser's. In January this
// year holds a few days; last year's figures are the ones asked for then.
import { DatePicker } from 'antd';
import { beijingToday } from '../format';
import { periodPresets, type Period } from '../periods';
import { useSession } from '../session';

/**
 * A period with the presets. A statistics page always has one; a list's filter (`clearable`) may have none,
 * which it reads as "any date".
 */
export function PeriodPicker(
  props:
    | { value: Period; onChange: (p: Period) => void; label?: string }
    | { value: Period | null; onChange: (p: Period | null) => void; label: string; clearable: true },
) {
  const { now } = useSession();
  const clearable = 'clearable' in props;
  const label = props.label ?? '统计期间';
  return (
    <DatePicker.RangePicker
      aria-label={label}
      value={props.value}
      allowClear={clearable}
      placeholder={clearable ? [`${label}起`, `${label}止`] : undefined}
      presets={periodPresets(beijingToday(now()))}
      onChange={(v) => {
        if (v && v[0] && v[1]) (props.onChange as (p: Period) => void)([v[0], v[1]]);
        else if (clearable) props.onChange(null);
      }}
    />
  );
}
