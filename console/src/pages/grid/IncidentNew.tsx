// 事件上报: channel, type, urgency, the place picked from the org tree (a grid
// or a community), address, description, photos (taken or picked, shrunk and
// uploaded at once: components/GridPhotos.tsx) and, for a resident's report,
// their contact.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../api/client';
import { useSubmitError } from '../../form-errors';
import { useOrg } from '../../hooks/org';
import { useSession } from '../../session';
import { CHANNEL_LABELS, options, TYPE_LABELS, URGENCY_LABELS } from './labels';
import { MAX_PHOTOS } from '../../../../domain/grid/types';
import { PhotoPicker, photosRule } from '../../components/GridPhotos';
import { DraftNotice, useFormDraft } from '../../components/FormDraft';
import { requiredPick } from '../../components/RequiredPick';
import { orgTree } from '../../org-tree';

interface Values {
  channel: string; type: string; urgency: string; title: string; description: string;
  placeUnitId: string; address: string; photos?: string[]; contactName?: string; contactPhone?: string;
}

export default function IncidentNewPage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const org = useOrg();
  const { me, unitId } = useSession();
  // Photos live in their picker (uploaded files, not text): not kept in the draft.
  const draft = useFormDraft(form, 'incident-new');
  const channel = Form.useWatch('channel', form);
  const urgency = Form.useWatch('urgency', form) as keyof Schemas['GridRules']['handleWorkingDays'] | undefined;
  // The limits configured now (GRID_*_DAYS), which the incident will carry.
  const rules = useQuery({ queryKey: ['grid-rules'], queryFn: () => unwrap(api.GET('/api/grid-incidents/rules')), staleTime: 10 * 60_000 });
  const limit = rules.data && urgency ? rules.data.handleWorkingDays[urgency] : undefined;
  // A grid worker on patrol reports from the grid; everyone else mostly takes tickets.
  const isGridWorker = (me?.grants ?? []).some((g) => g.role === 'grid_worker');
  // …and mostly from their own grid: with one grid to their name it is filled in (the unit being worked as first).
  const ownGrids = (me?.grants ?? []).filter((g) => g.role === 'grid_worker' && g.unitLevel === 'grid' && (!unitId || g.unitId === unitId));
  const ownGrid = ownGrids.length === 1 ? ownGrids[0]!.unitId : undefined;
  const report = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/grid-incidents', {
          headers: { 'Idempotency-Key': draft.requestKey },
          body: {
            channel: v.channel as 'grid_worker',
            type: v.type as 'other',
            urgency: v.urgency as 'ordinary',
            title: v.title,
            description: v.description,
            placeUnitId: v.placeUnitId,
            address: v.address,
            photos: v.photos ?? [],
            contactName: v.contactName?.trim() || null,
            contactPhone: v.contactPhone?.trim() || null,
          },
        }),
      ),
    onSuccess: (r) => {
      draft.done();
      navigate(`/grid/${r.incidentId}`);
    },
  });
  const submitError = useSubmitError(form, report.error);
  return (
    <div className="page">
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>网格事件上报</Typography.Title>
          <Typography.Text type="secondary">上报后由事发地社区研判分拨:就地解决、派遣处置、转人民调解或上报街道。反映人电话仅上报人、社区、街道和审计可见。</Typography.Text>
        </div>
      </div>
      <Card>
        <DraftNotice draft={draft} />
        <Form<Values>
          form={form}
          name="incident-new"
          layout="vertical"
          style={{ maxWidth: 960 }}
          initialValues={{ channel: isGridWorker ? 'grid_worker' : 'hotline_12345', type: 'public_facility', urgency: 'ordinary', placeUnitId: ownGrid }}
          onFinish={(v) => report.mutate(v)}
          onValuesChange={draft.onValuesChange}
        >
          <Row gutter={16}>
            <Col xs={24} md={8}><Form.Item name="channel" label="受理渠道"><Select options={options(CHANNEL_LABELS)} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="type" label="事件类型"><Select options={options(TYPE_LABELS)} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="urgency" label="紧急程度" extra={limit === undefined ? '决定处置时限' : `分拨后 ${limit} 个工作日内处置`}><Select options={options(URGENCY_LABELS)} /></Form.Item></Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="placeUnitId" {...requiredPick('事发网格(或社区)', '请选择事发网格或社区')}>
                <TreeSelect treeData={orgTree(org.data?.roots ?? [], ['community', 'grid'])} loading={org.isLoading} showSearch treeNodeFilterProp="title" treeDefaultExpandAll placeholder="选择网格或社区" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="address" label="具体位置" rules={[{ required: true, whitespace: true, message: '请填写具体位置' }]}><Input maxLength={300} placeholder="如:芙蓉小区东门" /></Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label="事件标题" rules={[{ required: true, whitespace: true, message: '请填写事件标题' }]}><Input maxLength={200} placeholder="如:小区东门路灯损坏" /></Form.Item>
          <Form.Item name="description" label="事件描述" rules={[{ required: true, whitespace: true, message: '请填写事件描述' }]}><Input.TextArea rows={4} maxLength={5000} showCount /></Form.Item>
          <Form.Item name="photos" label={`现场照片(最多${MAX_PHOTOS}张)`} rules={[photosRule]} extra="可用手机直接拍照;照片自动压缩后上传">
            <PhotoPicker label="添加现场照片" />
          </Form.Item>
          {channel && channel !== 'grid_worker' ? (
            <Row gutter={16}>
              <Col xs={24} md={8}><Form.Item name="contactName" label="反映人姓名"><Input maxLength={100} /></Form.Item></Col>
              <Col xs={24} md={8}>
                <Form.Item name="contactPhone" label="反映人电话" rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: '电话号码格式不正确' }]}><Input maxLength={20} /></Form.Item>
              </Col>
            </Row>
          ) : null}
          {submitError ? <Alert role="alert" type="error" showIcon message="上报未成功" description={submitError} style={{ marginTop: 16 }} /> : null}
          <Space style={{ marginTop: 24 }}>
            <Button type="primary" htmlType="submit" loading={report.isPending}>上报事件</Button>
            <Button onClick={() => { draft.done(); navigate('/grid'); }}>取消</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
