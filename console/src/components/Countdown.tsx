// Time left to a deadline, from the platform's clock (the demo clock when it
// runs): working days for periods set in working days (调解期限, 待办), calendar
// days for periods set in calendar days (司法确认 30 日). Overdue in red.
import { Tag } from 'antd';
import { toLocalDate, workingDaysBetween } from '../../../domain/calendar';
import { useCalendar } from '../hooks/calendar';
import { useSession } from '../session';

/** Calendar days from the day of `now` to the day of `due` in Beijing (negative: past). */
export function calendarDaysLeft(due: string | Date, now: Date): number {
  const a = Date.parse(`${toLocalDate(now)}T00:00:00Z`);
  const b = Date.parse(`${toLocalDate(due)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

export function Countdown({ due, unit = 'working' }: { due: string; unit?: 'working' | 'calendar' }) {
  const { now } = useSession();
  const calendar = useCalendar();
  const at = now();
  if (new Date(due).getTime() < at.getTime()) {
    // Overdue is counted in calendar days: how long it has waited.
    const days = Math.max(1, -calendarDaysLeft(due, at));
    return <Tag color="error" className="countdown countdown-overdue">已超期 {days} 天</Tag>;
  }
  if (unit === 'calendar') {
    const days = calendarDaysLeft(due, at);
    return <Tag color={days <= 3 ? 'warning' : 'processing'} className="countdown">{days === 0 ? '今日截止' : `剩余 ${days} 天`}</Tag>;
  }
  if (!calendar) return null;
  const days = workingDaysBetween(at, due, calendar);
  return <Tag color={days <= 2 ? 'warning' : 'processing'} className="countdown">{days === 0 ? '今日截止' : `剩余 ${days} 个工作日`}</Tag>;
}
