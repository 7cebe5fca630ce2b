// Working days left to a step's deadline, counted on the platform's calendar
// (legal holidays and 调休 days; domain/calendar) from the platform's clock,
// so a demo on the virtual clock counts from the demo's day. Overdue in red.
import { Tag } from 'antd';
import { workingDaysBetween } from '../../../../domain/calendar/working-days';
import { useSession } from '../../session';

/** The platform's now: the virtual clock's when the demo runs on one. */
export function usePlatformNow(): Date {
  const { me } = useSession();
  return me?.clock?.mode === 'virtual' ? new Date(me.clock.now) : new Date();
}

export function WorkingDayCountdown({ due }: { due: string }) {
  const now = usePlatformNow();
  if (Date.parse(due) < now.getTime()) {
    const late = workingDaysBetween(due, now);
    return <Tag color="error" className="grid-overdue">已超期{late > 0 ? ` ${late} 个工作日` : ''}</Tag>;
  }
  const left = workingDaysBetween(now, due);
  if (left === 0) return <Tag color="warning">今日到期</Tag>;
  return <Tag color={left <= 1 ? 'warning' : 'processing'}>剩余 {left} 个工作日</Tag>;
}
