// 演示时钟 (admin, CLOCK=virtual only): moves the platform's one clock so a
// process waiting on working days (公示, a round's limit) can be seen through.
// The API answers once the processes have acted on the new time.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { api, unwrap } from '../api/client';
import { formatDateTime } from '../format';

type Advance = { days: number } | { to: 'next-deadline' };

export function ClockCard() {
  const queryClient = useQueryClient();
  const clock = useQuery({ queryKey: ['clock'], queryFn: () => unwrap(api.GET('/api/admin/clock')) });
  const advance = useMutation({
    mutationFn: (body: Advance) => unwrap(api.POST('/api/admin/clock/advance', { body })),
    // Everything on screen may have moved with the clock.
    onSuccess: () => queryClient.invalidateQueries(),
  });
  if (clock.data?.mode !== 'virtual') return null;
  return (
    <Card title="演示时钟" className="section-card">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="平台时间">{formatDateTime(clock.data.now)}</Descriptions.Item>
        <Descriptions.Item label="下一个截止时间">{clock.data.nextDeadline ? formatDateTime(clock.data.nextDeadline) : '无'}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 12 }}>
        <Button loading={advance.isPending} onClick={() => advance.mutate({ days: 1 })}>
          快进 1 天
        </Button>
        <Button type="primary" loading={advance.isPending} disabled={!clock.data.nextDeadline} onClick={() => advance.mutate({ to: 'next-deadline' })}>
          到下一个截止时间
        </Button>
      </Space>
      {advance.error ? <Alert className="section-card" type="error" showIcon message={advance.error.message} /> : null}
    </Card>
  );
}
