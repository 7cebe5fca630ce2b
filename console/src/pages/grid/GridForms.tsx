// The two triage actions whose forms the generic ActionForm cannot draw: 派遣
// (a unit picked from the org tree, and a department) and 转人民调解 (the
// parties of the mediation case it starts). Same behaviour as ActionForm: a
// refused action shows the API's problem message in the form, nothing changes.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, TreeSelect } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, newIdempotencyKey, unwrap } from '../../api/client';
import { actionPath, actionSpec } from '../../actions';
import { useSubmitError } from '../../form-errors';
import { flatten, useOrg } from '../../hooks/org';
import { COMPLEXITY_LABELS, DISPUTE_TYPE_LABELS, RISK_LABELS } from '../mediation/labels';
import { options } from './labels';
import { requiredPick } from '../../components/RequiredPick';
import { orgTree } from '../../org-tree';

interface ModalActionProps {
  incidentId: string;
  action: 'dispatchIncident' | 'convertToMediation';
  autoOpen?: boolean;
  initialValues?: Record<string, unknown>;
  toBody: (values: Record<string, unknown>) => Record<string, unknown>;
  onDone?: (result: Record<string, unknown>) => void;
  width?: number;
  children: ReactNode;
}

function ModalAction({ incidentId, action, autoOpen, initialValues, toBody, onDone, width, children }: ModalActionProps) {
  const spec = actionSpec('grid', action);
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      unwrap(
        (api.POST as unknown as (path: string, init: { body: unknown; headers: Record<string, string> }) => Promise<{ data?: unknown; error?: unknown; response: Response }>)(
          actionPath('grid', incidentId, action),
          { body, headers: { 'Idempotency-Key': key } },
        ),
      ),
    onSuccess: async (result) => {
      setOpen(false);
      setKey(newIdempotencyKey());
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['grid-incident', incidentId] });
      await queryClient.invalidateQueries({ queryKey: ['grid-incidents'] });
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      onDone?.(result as Record<string, unknown>);
    },
  });
  useEffect(() => {
    if (autoOpen) setOpen(true);
  }, [autoOpen]);
  const submitError = useSubmitError(form, mutation.error);
  const submit = async () => mutation.mutate(toBody((await form.validateFields()) as Record<string, unknown>));
  return (
    <>
      <Button type={spec.primary ? 'primary' : 'default'} onClick={() => setOpen(true)} data-action={action}>{spec.label}</Button>
      <Modal
        open={open}
        title={spec.label}
        okText="提交"
        cancelText="取消"
        width={width}
        onOk={() => void submit()}
        onCancel={() => { setOpen(false); mutation.reset(); }}
        confirmLoading={mutation.isPending}
        maskClosable={false}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" name={`action-${action}`} initialValues={initialValues}>{children}</Form>
        {submitError ? <Alert role="alert" type="error" showIcon message="操作未成功" description={submitError} /> : null}
      </Modal>
    </>
  );
}

/**
 * 派遣: to a grid, community, street (office) or district unit; the API
 * refuses one outside the triager's reach. The org tree shows only the
 * caller's own subtree, so the incident's street and district (where its
 * offices sit) are offered besides.
 */
export function DispatchAction({ incidentId, autoOpen, aboveUnits = [] }: { incidentId: string; autoOpen?: boolean; aboveUnits?: Array<{ id: string; name: string }> }) {
  const org = useOrg();
  const tree = orgTree(org.data?.roots ?? [], ['district', 'street', 'community', 'grid']);
  const known = new Set(flatten(org.data?.roots ?? []).map((u) => u.id));
  const treeData = [...aboveUnits.filter((u) => !known.has(u.id)).map((u) => ({ value: u.id, title: u.name, selectable: true, children: [] })), ...tree];
  return (
    <ModalAction
      incidentId={incidentId}
      action="dispatchIncident"
      autoOpen={autoOpen}
      toBody={(v) => ({ unitId: v.unitId, department: (v.department as string | undefined)?.trim() || null, note: v.note })}
    >
      <Form.Item name="unitId" {...requiredPick('承办单位', '请选择承办单位')}>
        <TreeSelect treeData={treeData} loading={org.isLoading} showSearch treeNodeFilterProp="title" treeDefaultExpandAll placeholder="选择网格、社区、街道或区" />
      </Form.Item>
      <Form.Item name="department" label="承办部门(可选)"><Input aria-label="承办部门(可选)" maxLength={100} placeholder="如:街道城管执法中队、小区物业服务中心" /></Form.Item>
      <Form.Item name="note" label="处置要求" rules={[{ required: true, whitespace: true, message: '请填写处置要求' }]}><Input.TextArea aria-label="处置要求" rows={3} maxLength={2000} /></Form.Item>
    </ModalAction>
  );
}

/** 转人民调解: registers a mediation case linked to the incident and opens it. */
export function ConvertAction({ incidentId }: { incidentId: string }) {
  const navigate = useNavigate();
  return (
    <ModalAction
      incidentId={incidentId}
      action="convertToMediation"
      width={760}
      initialValues={{ disputeType: 'neighbour', risk: 'low', complexity: 'ordinary', parties: [{ role: 'applicant' }, { role: 'respondent' }] }}
      toBody={(v) => ({
        disputeType: v.disputeType,
        risk: v.risk,
        complexity: v.complexity,
        note: (v.note as string | undefined) ?? '',
        parties: (v.parties as Array<{ role: string; name: string; phone?: string }>).map((p) => ({ role: p.role, name: p.name, phone: p.phone?.trim() || null, idNumber: null, address: null })),
      })}
      onDone={(r) => { if (typeof r.mediationCaseId === 'string') navigate(`/mediation/${r.mediationCaseId}`); }}
    >
      <Space wrap>
        <Form.Item name="disputeType" label="纠纷类型"><Select aria-label="纠纷类型" style={{ width: 180 }} options={options(DISPUTE_TYPE_LABELS)} /></Form.Item>
        <Form.Item name="risk" label="激化风险"><Select aria-label="激化风险" style={{ width: 140 }} options={options(RISK_LABELS)} /></Form.Item>
        <Form.Item name="complexity" label="繁简程度"><Select aria-label="繁简程度" style={{ width: 140 }} options={options(COMPLEXITY_LABELS)} /></Form.Item>
      </Space>
      <Form.List name="parties">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" wrap>
                <Form.Item name={[field.name, 'role']} label="身份"><Select aria-label={`当事人 ${i + 1} 身份`} style={{ width: 120 }} options={[{ value: 'applicant', label: '申请人' }, { value: 'respondent', label: '被申请人' }]} /></Form.Item>
                <Form.Item name={[field.name, 'name']} label="姓名或单位" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input aria-label={`当事人 ${i + 1} 姓名`} style={{ width: 180 }} maxLength={100} /></Form.Item>
                <Form.Item name={[field.name, 'phone']} label="联系电话"><Input aria-label={`当事人 ${i + 1} 电话`} style={{ width: 160 }} maxLength={20} /></Form.Item>
                {fields.length > 2 ? <Button aria-label={`删除当事人 ${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} /> : null}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'respondent' })} style={{ marginBottom: 16 }}>添加当事人</Button>
          </>
        )}
      </Form.List>
      <Form.Item name="note" label="转调解说明"><Input.TextArea aria-label="转调解说明" rows={2} maxLength={2000} /></Form.Item>
    </ModalAction>
  );
}
