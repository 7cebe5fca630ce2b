// 新建申报: a stepped form — basic info, milestones with amounts and dates,
// cost sharing, confirmation — showing the community's remaining yearly cap
// live and refusing an over-cap budget before it is submitted.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Result, Select, Space, Statistic, Steps, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { DraftNotice, useFormDraft } from '../../components/FormDraft';
import { Money } from '../../components/Money';
import { ErrorState } from '../../components/PageState';
import { requiredPick } from '../../components/RequiredPick';
import { useSubmitError } from '../../form-errors';
import { beijingYear, formatFen } from '../../format';
import { useSession } from '../../session';
import { CATEGORY_LABELS } from './labels';
import { MilestonesEditor, planFromValues, type MilestoneRow } from './MilestonesEditor';

interface ShareRow { party: string; label: string; weight: number }
interface FormValues {
  communityId?: string;
  year?: number;
  title?: string;
  category?: string;
  goals?: string;
  milestones?: MilestoneRow[];
  finalYuan?: number;
  costSharing?: ShareRow[];
}

const DEFAULT_SHARING: ShareRow[] = [
  { party: 'city', label: '市级', weight: 3 },
  { party: 'district', label: '区级', weight: 3 },
  { party: 'street', label: '街道', weight: 4 },
];

const STEP_FIELDS: Array<Array<string | Array<string | number>>> = [['communityId', 'year', 'title', 'category', 'goals'], ['milestones', 'finalYuan'], ['costSharing'], []];

export default function ProjectNewPage() {
  const { me, unitId, now } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [step, setStep] = useState(0);
  const draft = useFormDraft(form, 'project-new');
  const communities = (me?.grants ?? []).filter((g) => g.role === 'community');
  const defaultCommunity = communities.find((g) => g.unitId === unitId)?.unitId ?? communities[0]?.unitId;

  const communityId = Form.useWatch('communityId', form) ?? defaultCommunity;
  const year = Form.useWatch('year', form) ?? beijingYear(now());
  const milestones = Form.useWatch('milestones', form) ?? [];
  const finalYuan = Form.useWatch('finalYuan', form);
  const sharing = Form.useWatch('costSharing', form) ?? DEFAULT_SHARING;
  const { budgetFen } = planFromValues({ milestones, finalYuan });

  const cap = useQuery({
    queryKey: ['fund-cap', communityId, year],
    enabled: Boolean(communityId && year >= 2000 && year <= 2100),
    queryFn: () => unwrap(api.GET('/api/fund-caps/{communityId}', { params: { path: { communityId: communityId! }, query: { year } } })),
  });
  const remainingFen = cap.data?.remainingFen;
  const overCap = remainingFen !== undefined && budgetFen > remainingFen;

  const submit = useMutation({
    mutationFn: (values: FormValues) =>
      unwrap(
        api.POST('/api/projects', {
          headers: { 'Idempotency-Key': draft.requestKey },
          body: {
            communityId: values.communityId,
            year: values.year,
            title: values.title!,
            category: values.category as 'other',
            goals: values.goals!,
            ...planFromValues(values),
            costSharing: (values.costSharing ?? DEFAULT_SHARING).map((s) => ({ party: s.party, label: s.label, weight: s.weight })),
          },
        }),
      ),
    onSuccess: (data) => {
      draft.done();
      navigate(`/projects/${data.projectId}`);
    },
  });

  const submitError = useSubmitError(form, submit.error, { amountFen: 'amountYuan', finalPaymentFen: 'finalYuan' });
  // The fields a refusal names may be on an earlier step: show the first of them (its errors are placed by now).
  useEffect(() => {
    if (!submit.error) return;
    const first = form.getFieldsError().find((f) => f.errors.length > 0)?.name[0];
    const at = STEP_FIELDS.findIndex((names) => names.includes(first as string));
    if (at >= 0) setStep(at);
  }, [form, submit.error]);

  const totalWeight = sharing.reduce((s, r) => s + (r?.weight ?? 0), 0);
  const splitPreview = useMemo(
    () => sharing.map((r) => ({ ...r, amountFen: totalWeight > 0 ? Math.floor((budgetFen * (r?.weight ?? 0)) / totalWeight) : 0 })),
    [sharing, totalWeight, budgetFen],
  );

  if (communities.length === 0) return <Result status="403" title="无权申报" subTitle="只有社区可以申报党建项目。" />;

  const next = async () => {
    await form.validateFields(STEP_FIELDS[step] as never);
    if (step === 1 && overCap) return;
    setStep(step + 1);
  };

  const capCard = (
    <Card size="small" className="cap-box" aria-live="polite">
      {cap.error ? (
        <ErrorState error={cap.error} />
      ) : (
        <Space size="large" wrap>
          <Statistic title={`${cap.data?.communityName ?? ''} ${year} 年度资金上限`} value={formatFen(cap.data?.capFen)} loading={cap.isLoading} />
          <Statistic title="已占用" value={formatFen(cap.data?.reservedFen)} loading={cap.isLoading} />
          <Statistic title="剩余额度" value={formatFen(remainingFen)} loading={cap.isLoading} />
          <Statistic title="本次申报预算" value={formatFen(budgetFen)} valueStyle={overCap ? { color: '#cf1322' } : undefined} />
        </Space>
      )}
      {overCap ? (
        <Alert
          role="alert"
          className="action-error"
          type="error"
          showIcon
          message="超出社区年度项目资金上限"
          description={`本次申报预算 ${formatFen(budgetFen)} 超过剩余额度 ${formatFen(remainingFen)},请调减节点金额或尾款后再提交。`}
        />
      ) : null}
    </Card>
  );

  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={3}>新建党建项目申报</Typography.Title>
        <Typography.Text type="secondary">申报提交后由街道办事处审核;超过区级审批额度的项目还需区委组织部审批。</Typography.Text>
      </div>
      <Card>
        <Steps current={step} className="form-steps" items={[{ title: '基本信息' }, { title: '实施节点与资金' }, { title: '资金分担' }, { title: '确认提交' }]} />
        <div style={{ height: 24 }} />
        <DraftNotice draft={draft} />
        {capCard}
        <Form<FormValues>
          form={form}
          name="project-new"
          layout="vertical"
          initialValues={{ communityId: defaultCommunity, year: beijingYear(now()), category: 'community_service', milestones: [{}], finalYuan: 0, costSharing: DEFAULT_SHARING }}
          style={{ maxWidth: 900 }}
          onValuesChange={draft.onValuesChange}
        >
          <div hidden={step !== 0}>
            {communities.length > 1 ? (
              <Form.Item name="communityId" {...requiredPick('申报社区', '请选择申报社区')}>
                <Select options={communities.map((g) => ({ value: g.unitId, label: g.unitName }))} />
              </Form.Item>
            ) : (
              <Form.Item label="申报社区">
                <Typography.Text strong>{communities[0].unitName}</Typography.Text>
              </Form.Item>
            )}
            <Form.Item name="year" label="资金年度" rules={[{ required: true, message: '请填写资金年度' }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="title" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }, { max: 200 }]}>
              <Input maxLength={200} placeholder="如:楼院微治理试点" />
            </Form.Item>
            <Form.Item name="category" label="项目类别">
              <Select options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="goals" label="项目目标" rules={[{ required: true, message: '请填写项目目标' }]}>
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
          </div>
          <div hidden={step !== 1}>
            <MilestonesEditor />
          </div>
          <div hidden={step !== 2}>
            <Typography.Paragraph type="secondary">各级资金按比例分担(默认 市:区:街道 = 3:3:4),每次拨付按此比例记入台账。</Typography.Paragraph>
            <Form.List name="costSharing">
              {(fields) =>
                fields.map((field, i) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'label']} label={i === 0 ? '分担方' : undefined}>
                      <Input style={{ width: 140 }} disabled />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weight']} label={i === 0 ? '份数' : undefined} rules={[{ required: true, message: '请填写' }]}>
                      <InputNumber min={1} max={10000} precision={0} style={{ width: 120 }} />
                    </Form.Item>
                  </Space>
                ))
              }
            </Form.List>
            <Table
              size="small"
              rowKey="party"
              pagination={false}
              dataSource={splitPreview}
              columns={[
                { title: '分担方', dataIndex: 'label' },
                { title: '比例', dataIndex: 'weight', render: (w: number) => `${w}/${totalWeight}` },
                { title: '分担金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> },
              ]}
              style={{ maxWidth: 520 }}
            />
          </div>
          {step === 3 ? (
            <Descriptions bordered column={1} size="small" title="请确认申报内容">
              <Descriptions.Item label="项目名称">{form.getFieldValue('title')}</Descriptions.Item>
              <Descriptions.Item label="项目类别">{CATEGORY_LABELS[form.getFieldValue('category')]}</Descriptions.Item>
              <Descriptions.Item label="资金年度">{year}</Descriptions.Item>
              <Descriptions.Item label="实施节点">{milestones.length} 个</Descriptions.Item>
              <Descriptions.Item label="总预算"><Money fen={budgetFen} strong /></Descriptions.Item>
              <Descriptions.Item label="资金分担">{sharing.map((s) => `${s.label} ${s.weight}`).join(' : ')}</Descriptions.Item>
            </Descriptions>
          ) : null}
        </Form>
        {submitError ? <Alert role="alert" type="error" showIcon message="申报未成功" description={submitError} className="action-error" /> : null}
        <Space style={{ marginTop: 24 }}>
          {step > 0 ? <Button onClick={() => setStep(step - 1)}>上一步</Button> : <Link to="/projects" onClick={draft.done}><Button>取消</Button></Link>}
          {step < 3 ? (
            <Button type="primary" onClick={() => void next()} disabled={step === 1 && overCap}>
              下一步
            </Button>
          ) : (
            <Button type="primary" loading={submit.isPending} disabled={overCap} onClick={() => submit.mutate(form.getFieldsValue(true) as FormValues)}>
              提交申报
            </Button>
          )}
        </Space>
      </Card>
    </div>
  );
}
