// 我的代理: out-of-office arrangements — the deputies the person named (add,
// end) and the people they cover for. While one covers today the deputy's
// 待办 lists the person's tasks marked "代 X".
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, newIdempotencyKey, unwrap, type Schemas } from '../../api/client';
import { ErrorState } from '../../components/PageState';
import { PersonPicker } from '../../components/PersonPicker';
import { useSubmitError } from '../../form-errors';
import { useProxies } from '../../hooks/proxies';

type Proxy = Schemas['Proxy'];

function state(p: Proxy) {
  if (p.cancelled) return <Tag>已结束</Tag>;
  return p.active ? <Tag color="success">代理中</Tag> : <Tag color="default">未生效/已过期</Tag>;
}

function EndButton({ proxy }: { proxy: Proxy }) {
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: () => unwrap(api.POST('/api/me/proxies/{id}/actions/cancelProxy', { params: { path: { id: proxy.id } }, headers: { 'Idempotency-Key': newIdempotencyKey() } })),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['proxies'] }), queryClient.invalidateQueries({ queryKey: ['tasks'] })]),
  });
  return (
    <>
      <Button size="small" danger onClick={() => end.mutate()} loading={end.isPending}>结束代理</Button>
      {end.error ? <Typography.Text type="danger" role="alert"> {end.error.message}</Typography.Text> : null}
    </>
  );
}

function AddForm() {
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [key, setKey] = useState(newIdempotencyKey);
  const add = useMutation({
    mutationFn: (v: { deputyId: string; range: [Dayjs, Dayjs]; reason: string }) =>
      unwrap(
        api.POST('/api/me/proxies', {
          body: { deputyId: v.deputyId, startsOn: v.range[0].format('YYYY-MM-DD'), endsOn: v.range[1].format('YYYY-MM-DD'), reason: v.reason },
          headers: { 'Idempotency-Key': key },
        }),
      ),
    onSuccess: async () => {
      form.resetFields();
      setKey(newIdempotencyKey());
      await queryClient.invalidateQueries({ queryKey: ['proxies'] });
    },
  });
  const submitError = useSubmitError(form, add.error, { startsOn: 'range', endsOn: 'range' });
  return (
    <Form form={form} layout="inline" name="proxy-add" onFinish={(v) => add.mutate(v)} className="proxy-form">
      <Form.Item name="deputyId" label="代理人" rules={[{ required: true, message: '请选择代理人' }]} extra="本单位及上下级的同事" style={{ minWidth: 280 }}>
        <PersonPicker aria-label="代理人" source={{ deputy: true }} />
      </Form.Item>
      <Form.Item name="range" label="代理期间" rules={[{ required: true, message: '请选择代理期间' }]}>
        <DatePicker.RangePicker aria-label="代理期间" id={{ start: 'proxy-start', end: 'proxy-end' }} placeholder={['开始日期', '结束日期']} />
      </Form.Item>
      <Form.Item name="reason" label="事由" rules={[{ required: true, message: '请填写事由' }]}>
        <Input aria-label="事由" maxLength={200} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>添加代理</Button>
      </Form.Item>
      {submitError ? <Alert role="alert" type="error" showIcon message="未能添加代理" description={submitError} style={{ width: '100%', marginTop: 8 }} /> : null}
    </Form>
  );
}

export default function ProxiesPage() {
  const proxies = useProxies();
  const named: ColumnsType<Proxy> = [
    { title: '代理人', dataIndex: 'deputyName' },
    { title: '代理期间', render: (_, p) => `${p.startsOn} 至 ${p.endsOn}` },
    { title: '事由', dataIndex: 'reason' },
    { title: '状态', width: 120, render: (_, p) => state(p) },
    { title: '操作', width: 220, render: (_, p) => (p.cancelled ? null : <EndButton proxy={p} />) },
  ];
  const covering: ColumnsType<Proxy> = [
    { title: '被代理人', dataIndex: 'personName' },
    { title: '代理期间', render: (_, p) => `${p.startsOn} 至 ${p.endsOn}` },
    { title: '事由', dataIndex: 'reason' },
    { title: '状态', width: 120, render: (_, p) => state(p) },
  ];
  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={3}>我的代理</Typography.Title>
        <Typography.Text type="secondary">外出或休假时指定代理人:代理期间(北京时间)您的待办转由代理人「代 您」办理。</Typography.Text>
      </div>
      {proxies.error ? (
        <ErrorState error={proxies.error} onRetry={() => void proxies.refetch()} />
      ) : (
        <>
          <Card title="我指定的代理人" className="section-card">
            <AddForm />
            <Table<Proxy> rowKey="id" columns={named} dataSource={proxies.data?.named ?? []} loading={proxies.isLoading} pagination={false} locale={{ emptyText: '暂无代理安排' }} style={{ marginTop: 16 }} />
          </Card>
          <Card title="我代理的人" className="section-card">
            <Table<Proxy> rowKey="id" columns={covering} dataSource={proxies.data?.covering ?? []} loading={proxies.isLoading} pagination={false} locale={{ emptyText: '暂无他人指定您为代理人' }} />
          </Card>
        </>
      )}
    </div>
  );
}
