// Working days left to a step's deadline, counted on the platform's calendar
// (legal holidays and 调休 days; domain/calendar) from the platform's clock,
// so a demo or test on the virtual clock counts from its day. Overdue in red.
import { Tag } from 'antd';
import { workingDaysBetween } from '../../../../domain/calendar/working-days';
import { useSession } from '../../session';

// Platform time minus browser time, per /api/me answer: the offset is taken when the answer is first used.
const offsets = new Map<string, number>();

/**
 * The platform's now: its clock as /api/me last reported it, run on by the
 * browser's. Deadlines are set on the platform's clock (the engine's, which
 * a demo or a test moves ahead), so they are counted on it too.
 */
export function usePlatformNow(): Date {
  const { me } = useSession();
  const at = me?.clock?.now;
  if (!at) return new Date();
  let offset = offsets.get(at);
  if (offset === undefined) {
    offset = Date.parse(at) - Date.now();
    offsets.set(at, offset);
  }
  return new Date(Date.now() + offset);
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
