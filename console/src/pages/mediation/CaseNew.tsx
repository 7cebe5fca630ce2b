// 案件登记: channel, parties, dispute type, place from the org tree, amount, risk.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { DraftNotice, useFormDraft } from '../../components/FormDraft';
import { requiredPick } from '../../components/RequiredPick';
import { useSubmitError } from '../../form-errors';
import { yuanToFen } from '../../format';
import { useOrg, type OrgNode } from '../../hooks/org';
import { CHANNEL_LABELS, COMPLEXITY_LABELS, DISPUTE_TYPE_LABELS, RISK_LABELS } from './labels';

interface PartyRow { role: 'applicant' | 'respondent'; name?: string; phone?: string; idNumber?: string; address?: string }
interface Values {
  channel: string; disputeType: string; title: string; description: string; risk: string; complexity: string;
  amountYuan?: number; placeUnitId: string; parties: PartyRow[];
}

interface TreeNode { value: string; title: string; selectable: boolean; children: TreeNode[] }
function toTree(nodes: OrgNode[]): TreeNode[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, selectable: n.level === 'community' || n.level === 'grid', children: toTree(n.children ?? []) }));
}
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default function CaseNewPage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const org = useOrg();
  const draft = useFormDraft(form, 'case-new');
  const register = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/mediation-cases', {
          headers: { 'Idempotency-Key': draft.requestKey },
          body: {
            channel: v.channel as 'walk_in',
            disputeType: v.disputeType as 'other',
            title: v.title,
            description: v.description,
            risk: v.risk as 'low',
            complexity: v.complexity as 'ordinary',
            amountFen: v.amountYuan === undefined || v.amountYuan === null ? null : yuanToFen(v.amountYuan),
            placeUnitId: v.placeUnitId,
            parties: v.parties.map((p) => ({ role: p.role, name: p.name!, phone: p.phone || null, idNumber: p.idNumber || null, address: p.address || null })),
          },
        }),
      ),
    onSuccess: (r) => {
      draft.done();
      navigate(`/mediation/${r.caseId}`);
    },
  });
  const submitError = useSubmitError(form, register.error, { amountFen: 'amountYuan' });
  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={3}>调解案件登记</Typography.Title>
        <Typography.Text type="secondary">登记后自动分流:高风险案件直接提级并预警,其余从社区一级开始调解。当事人电话和证件号码仅承办调解员、其上级和审计可见。</Typography.Text>
      </div>
      <Card>
        <DraftNotice draft={draft} />
        <Form<Values>
          form={form}
          name="case-new"
          layout="vertical"
          style={{ maxWidth: 960 }}
          initialValues={{ channel: 'walk_in', disputeType: 'neighbour', risk: 'low', complexity: 'ordinary', parties: [{ role: 'applicant' }, { role: 'respondent' }] }}
          onFinish={(v) => register.mutate(v)}
          onValuesChange={draft.onValuesChange}
        >
          <Row gutter={16}>
            <Col xs={24} md={8}><Form.Item name="channel" label="受理渠道"><Select options={options(CHANNEL_LABELS)} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="disputeType" label="纠纷类型"><Select options={options(DISPUTE_TYPE_LABELS)} /></Form.Item></Col>
            <Col xs={24} md={8}>
              <Form.Item name="placeUnitId" {...requiredPick('纠纷发生地(社区或网格)', '请选择纠纷发生地')}>
                <TreeSelect treeData={toTree(org.data?.roots ?? [])} loading={org.isLoading} showSearch treeNodeFilterProp="title" treeDefaultExpandAll placeholder="选择社区或网格" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label="案由" rules={[{ required: true, message: '请填写案由' }]}><Input maxLength={200} placeholder="如:楼上漏水致楼下墙面受损" /></Form.Item>
          <Form.Item name="description" label="纠纷简要情况" rules={[{ required: true, message: '请填写纠纷简要情况' }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}><Form.Item name="risk" label="激化风险"><Select options={options(RISK_LABELS)} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="complexity" label="繁简程度"><Select options={options(COMPLEXITY_LABELS)} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="amountYuan" label="争议金额"><InputNumber min={0} precision={2} style={{ width: '100%' }} addonAfter="元" /></Form.Item></Col>
          </Row>
          <Typography.Title level={5}>当事人</Typography.Title>
          <Form.List name="parties">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" wrap className="milestone-row">
                    <Form.Item name={[field.name, 'role']} label="身份"><Select style={{ width: 120 }} options={[{ value: 'applicant', label: '申请人' }, { value: 'respondent', label: '被申请人' }]} /></Form.Item>
                    <Form.Item name={[field.name, 'name']} label="姓名或单位" rules={[{ required: true, message: '请填写姓名' }]}><Input style={{ width: 160 }} maxLength={100} /></Form.Item>
                    <Form.Item name={[field.name, 'phone']} label="联系电话"><Input style={{ width: 150 }} maxLength={20} /></Form.Item>
                    <Form.Item name={[field.name, 'idNumber']} label="证件号码"><Input style={{ width: 200 }} maxLength={30} /></Form.Item>
                    {fields.length > 2 ? <Button aria-label={`删除当事人 ${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} className="milestone-remove" /> : null}
                  </Space>
                ))}
                {/* A block of its own: inline, it ran on into the form's 登记案件 and read as one of its buttons. */}
                <div><Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'respondent' })}>添加当事人</Button></div>
              </>
            )}
          </Form.List>
          {submitError ? <Alert role="alert" type="error" showIcon message="登记未成功" description={submitError} style={{ marginTop: 16 }} /> : null}
          <Space style={{ marginTop: 24 }}>
            <Button type="primary" htmlType="submit" loading={register.isPending}>登记案件</Button>
            <Button onClick={() => { draft.done(); navigate('/mediation'); }}>取消</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
