// 办理记录: one timeline for every process's record (project, mediation case,
// grid incident, report), newest first, "系统" for steps no person took.
import { Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../format';

export interface TimelineEntry {
  at: string;
  /** What happened, as the API words it (label or summary). */
  text: string;
  actorName?: string | null;
}

export function RecordTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <Empty description="暂无记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      className="record-timeline"
      items={[...entries].reverse().map((e) => ({
        children: (
          <div>
            <Typography.Text strong>{e.text}</Typography.Text>
            <div className="timeline-meta">{e.actorName ?? '系统'} · {formatDateTime(e.at)}</div>
          </div>
        ),
      }))}
    />
  );
}
