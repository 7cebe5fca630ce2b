// 演示时钟 (admin, CLOCK=virtual only): moves the platform's one clock so a
// process waiting on working days (公示, a round's limit) can be seen through.
// The API answers once the processes have acted on the new time.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { formatDateTime } from '../format';

type Advance = { days: number } | { to: 'next-deadline' };

export function ClockCard() {
  const queryClient = useQueryClient();
  const clock = useQuery({ queryKey: ['clock'], queryFn: () => unwrap(api.GET('/api/admin/clock')) });
  const advance = useMutation({
    mutationFn: (body: Advance) => unwrap(api.POST('/api/admin/clock/advance', { body })),
    // Everything on screen may have moved with the clock.
    onSuccess: (state) => {
      void message.success(`已快进到 ${formatDateTime(state.now)},到期的处理已完成`);
      return queryClient.invalidateQueries();
    },
  });
  const next = clock.data?.nextDeadlineProcess;
  if (clock.data?.mode !== 'virtual') return null;
  return (
    <Card title="演示时钟" className="section-card">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="平台时间">{formatDateTime(clock.data.now)}</Descriptions.Item>
        <Descriptions.Item label="下一个截止时间">{clock.data.nextDeadline ? formatDateTime(clock.data.nextDeadline) : '无'}</Descriptions.Item>
        {next ? (
          // Whose deadline it is: what "到下一个截止时间" will make happen.
          <Descriptions.Item label="属于">
            {next.subject ? (
              <Space size={4} wrap>
                {next.subject.path ? <Link to={next.subject.path}>{next.subject.title}</Link> : next.subject.title}
                {next.subject.unitName ? <Typography.Text type="secondary">{next.subject.unitName}</Typography.Text> : null}
              </Space>
            ) : (
              <Typography.Text code>{next.workflowId}</Typography.Text>
            )}
          </Descriptions.Item>
        ) : null}
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
