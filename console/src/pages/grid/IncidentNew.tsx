// 上报网格事件: channel, type, urgency (it sets the handling time limit), the
// grid or community where it happened, what and where; the reporter's contact
// is personal data, shown only to those who may see it.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, newIdempotencyKey, unwrap } from '../../api/client';
import { useUnits } from '../../hooks/org';
import { CHANNEL_LABELS, options, TYPE_LABELS, URGENCY_LABELS } from './labels';

type Body = Record<string, unknown>;

// Validators, not `required`: antd would put aria-required on a Select's wrapper div (axe refuses it).
const must = (message: string) => ({ validator: (_: unknown, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(message))) });

export default function IncidentNewPage() {
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [key] = useState(newIdempotencyKey);
  const { units, isLoading } = useUnits();
  const places = units.filter((u) => u.level === 'grid' || u.level === 'community');
  const report = useMutation({
    mutationFn: (body: Body) => unwrap(api.POST('/api/grid-incidents', { body: body as never, headers: { 'Idempotency-Key': key } })),
    onSuccess: (data) => navigate(`/grid/${data.incidentId}`),
  });
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, string | undefined>;
    report.mutate({ ...v, contactName: v.contactName || null, contactPhone: v.contactPhone || null, photos: [] });
  };
  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={3}>上报网格事件</Typography.Title>
        <Typography.Text type="secondary">上报后由所在社区分拨:就地解决、派单处置、转人民调解或上报街道。</Typography.Text>
      </div>
      <Card>
        <Form form={form} layout="vertical" name="incident-new" initialValues={{ channel: 'grid_worker', urgency: 'ordinary' }} style={{ maxWidth: 720 }}>
          <Space wrap size="large">
            <Form.Item name="channel" label="受理渠道" rules={[must('请选择受理渠道')]}>
              <Select style={{ width: 180 }} options={options(CHANNEL_LABELS)} />
            </Form.Item>
            <Form.Item name="type" label="事件类型" rules={[must('请选择事件类型')]}>
              <Select style={{ width: 180 }} options={options(TYPE_LABELS)} />
            </Form.Item>
            <Form.Item name="urgency" label="紧急程度" rules={[must('请选择紧急程度')]}>
              <Select style={{ width: 140 }} options={options(URGENCY_LABELS)} />
            </Form.Item>
          </Space>
          <Form.Item name="title" label="事件标题" rules={[{ required: true, message: '请填写事件标题' }]}>
            <Input maxLength={200} placeholder="如:3号楼东侧井盖破损" />
          </Form.Item>
          <Form.Item name="description" label="事件描述" rules={[{ required: true, message: '请填写事件描述' }]}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="placeUnitId" label="事发网格或社区" rules={[must('请选择事发网格或社区')]}>
            <Select showSearch optionFilterProp="label" loading={isLoading} options={places.map((u) => ({ value: u.id, label: `${u.name}(${u.level === 'grid' ? '网格' : '社区'})` }))} />
          </Form.Item>
          <Form.Item name="address" label="具体位置" rules={[{ required: true, message: '请填写具体位置' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item name="contactName" label="反映人姓名">
              <Input maxLength={100} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="contactPhone" label="反映人电话">
              <Input maxLength={20} style={{ width: 200 }} />
            </Form.Item>
          </Space>
        </Form>
        {report.error ? <Alert role="alert" type="error" showIcon message="上报未成功" description={report.error.message} className="form-alert" /> : null}
        <Space>
          <Link to="/grid">
            <Button>取消</Button>
          </Link>
          <Button type="primary" loading={report.isPending} onClick={() => void submit()}>
            上报
          </Button>
        </Space>
      </Card>
    </div>
  );
}
