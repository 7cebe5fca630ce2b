// 项目详情: stage stepper, the pending step and who holds it, the person's
// available actions as buttons with forms, milestones, ledger and timeline.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Row, Space, Steps, Table, Tag, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { api, unwrap, type ResponseOf } from '../../api/client';
import type { Field } from '../../actions';
import { ActionForm, type ActionFormProps } from '../../components/ActionForm';
import { Money } from '../../components/Money';
import { QueryView } from '../../components/PageState';
import { RecordTimeline } from '../../components/RecordTimeline';
import { Stacked, useListColumns } from '../../components/Stacked';
import { TaskOps } from '../../components/TaskOps';
import { OperatorLink } from '../../components/OperatorLink';
import { formatDate, formatDateTime, formatFen } from '../../format';
import { MilestonesEditor, planFromValues, valuesFromPlan, type PlanValues } from './MilestonesEditor';
import { CATEGORY_LABELS, DISBURSEMENT_KIND_LABELS, DISBURSEMENT_STATUS_LABELS, MILESTONE_STATUS_LABELS, PROJECT_STAGE_LABELS, STAGE_COLORS, STAGE_STEPS } from './labels';

type Detail = ResponseOf<'/api/projects/{id}', 'get'>;

const ROLE_LABELS: Record<string, string> = {
  district_org: '区委组织部',
  street_office: '街道办事处',
  community: '社区',
  finance: '财政',
  resident_rep: '党员/居民代表',
  grid_worker: '网格员',
  auditor: '审计/监督',
  mediator: '调解员',
  admin: '系统管理员',
};

const SCORE_FIELDS: Field[] = [
  { name: 'goals', label: '目标完成情况(权重40)', kind: 'integer', required: true, min: 0, max: 100 },
  { name: 'funds', label: '资金使用规范(权重20)', kind: 'integer', required: true, min: 0, max: 100 },
  { name: 'satisfaction', label: '群众满意度(权重25)', kind: 'integer', required: true, min: 0, max: 100 },
  { name: 'records', label: '资料台账完整(权重15)', kind: 'integer', required: true, min: 0, max: 100 },
];

interface StateShape {
  application?: { title?: string; category?: string; goals?: string; milestones?: Array<{ title: string; amountFen: number; dueDate: string }>; finalPaymentFen?: number };
  milestones?: Array<{ seq: number; title: string; amountFen: number; dueDate: string; status: string; overdueSince: string | null }>;
  disbursements?: Array<{ id: string; kind: string; milestoneSeq: number | null; amountFen: number; status: string; requestedAt: string; attempt: number }>;
  notice?: { startsAt: string; endsAt: string } | null;
  objections?: Array<{ id: string; raisedByName: string; raisedAt: string; content: string; answer: string | null; upheld: boolean | null }>;
  costSharing?: Array<{ party: string; label: string; weight: number }>;
  lastDecisionReason?: string | null;
}

function stepIndex(stage: string): number {
  const i = STAGE_STEPS.findIndex((s) => s.stage === stage);
  return i >= 0 ? i : stage === 'completed' ? STAGE_STEPS.length : 0;
}

function refText(ref: Record<string, string | number>): string {
  if (ref.milestoneSeq !== undefined) return `(节点 ${ref.milestoneSeq})`;
  if (ref.disbursementId !== undefined) return `(${ref.disbursementId})`;
  if (ref.objectionId !== undefined) return `(异议 ${ref.objectionId})`;
  if (ref.changeId !== undefined) return `(变更 ${ref.changeId})`;
  return '';
}

const APPLICATION_FIELDS: Field[] = [
  { name: 'title', label: '项目名称', kind: 'text', required: true, max: 200 },
  { name: 'category', label: '项目类别', kind: 'choice', required: true, options: Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label })) },
  { name: 'goals', label: '项目目标', kind: 'textarea', required: true, max: 5000 },
];

/**
 * The actions whose body carries a whole plan: 重新提交申请 sends the edited
 * application, 申请变更 a proposal (milestones, final payment, budget) — both
 * start from what the project holds now.
 */
function planFormProps(project: Detail, action: string): Partial<ActionFormProps> {
  const state = project.state as StateShape;
  const app = state.application ?? {};
  const current = state.milestones?.length ? state.milestones : (app.milestones ?? []);
  const plan = valuesFromPlan({ milestones: current, finalPaymentFen: app.finalPaymentFen });
  if (action === 'resubmitApplication') {
    return {
      extraFields: APPLICATION_FIELDS,
      formExtra: <MilestonesEditor compact />,
      width: 760,
      initial: { title: app.title ?? project.title, category: app.category ?? project.category, goals: app.goals ?? '', ...plan },
      transform: (b: Record<string, unknown>, v: Record<string, unknown>) => ({
        note: b.note ?? '',
        application: { title: b.title, category: b.category, goals: b.goals, ...planFromValues(v as PlanValues), ...(state.costSharing ? { costSharing: state.costSharing } : {}) },
      }),
    };
  }
  if (action === 'requestChange') {
    return {
      formExtra: <MilestonesEditor compact />,
      width: 760,
      initial: { ...plan },
      transform: (b: Record<string, unknown>, v: Record<string, unknown>) => ({ reason: b.reason, proposal: planFromValues(v as PlanValues) }),
    };
  }
  if (action === 'scoreAcceptance') {
    return {
      extraFields: SCORE_FIELDS,
      transform: (b: Record<string, unknown>) => ({ scores: Object.fromEntries(SCORE_FIELDS.map((f) => [f.name, b[f.name]])), comment: b.comment ?? '' }),
    };
  }
  return {};
}

function Actions({ project, autoAction }: { project: Detail; autoAction: string | null }) {
  if (project.availableActions.length === 0) return <Typography.Text type="secondary">您当前没有可办理的操作。</Typography.Text>;
  let opened = false;
  return (
    <div className="action-bar">
      {project.availableActions.map((a) => {
        const open = !opened && a.action === autoAction;
        if (open) opened = true;
        return (
          <ActionForm
            key={`${a.action}-${JSON.stringify(a.ref)}`}
            process="project"
            subjectId={project.id}
            action={a.action}
            fixed={a.ref}
            autoOpen={open}
            {...planFormProps(project, a.action)}
            invalidate={[['project', project.id], ['projects'], ['disbursements']]}
          />
        );
      })}
      {project.availableActions.some((a) => Object.keys(a.ref).length > 0) ? (
        <Typography.Text type="secondary" className="action-refs">
          {project.availableActions.filter((a) => Object.keys(a.ref).length > 0).map((a) => refText(a.ref)).join(' ')}
        </Typography.Text>
      ) : null}
    </div>
  );
}

type Milestone = NonNullable<StateShape['milestones']>[number];

const milestoneStatus = (m: Milestone) => (
  <Space size={4}>
    <Tag>{MILESTONE_STATUS_LABELS[m.status] ?? m.status}</Tag>
    {m.overdueSince ? <Tag color="error">逾期</Tag> : null}
  </Space>
);

/** The plan's nodes; before approval, the application's. On a phone each node is one stacked cell: five columns left its title a character a line. */
function MilestonesCard({ state }: { state: StateShape }) {
  const nodes: Milestone[] = state.milestones?.length ? state.milestones : (state.application?.milestones ?? []).map((m, i) => ({ ...m, seq: i + 1, status: 'planned', overdueSince: null }));
  const layout = useListColumns<Milestone>(
    {
      title: '节点',
      cell: (m) => (
        <Stacked>
          <span>{m.seq}. {m.title}</span>
          <span className="timeline-meta"><Money fen={m.amountFen} /> · 计划 {formatDate(m.dueDate)} 完成</span>
          {milestoneStatus(m)}
        </Stacked>
      ),
    },
    [
      { title: '序号', dataIndex: 'seq', width: 60 },
      { title: '节点', dataIndex: 'title' },
      { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> },
      { title: '计划完成', dataIndex: 'dueDate', render: (v: string) => formatDate(v) },
      { title: '状态', dataIndex: 'status', render: (_, m) => milestoneStatus(m) },
    ],
  );
  return (
    <Card title="实施节点" className="section-card">
      <Table size="small" rowKey={(m) => String(m.seq)} pagination={false} dataSource={nodes} {...layout} />
    </Card>
  );
}

function Body({ project, autoAction }: { project: Detail; autoAction: string | null }) {
  const state = project.state as StateShape;
  const terminal = ['rejected', 'cancelled', 'terminated'].includes(project.stage);
  const current = stepIndex(project.stage);
  return (
    <>
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>{project.title}</Typography.Title>
          <Space wrap>
            <Tag color={STAGE_COLORS[project.stage]}>{project.stageLabel || PROJECT_STAGE_LABELS[project.stage]}</Tag>
            {project.suspended ? <Tag color="warning">已暂停</Tag> : null}
            {project.overdue ? <Tag color="error">已逾期</Tag> : null}
            {project.ratingLabel ? <Tag color="gold">验收:{project.ratingLabel}</Tag> : null}
            <Typography.Text type="secondary">
              {project.communityName} · {project.year} 年度 · {CATEGORY_LABELS[project.category] ?? project.category}
            </Typography.Text>
            <OperatorLink find={project.title} />
          </Space>
        </div>
      </div>
      <Card>
        <Steps
          current={current}
          status={terminal ? 'error' : project.stage === 'completed' ? 'finish' : 'process'}
          items={STAGE_STEPS.map((s) => ({ title: s.title }))}
          aria-label="项目阶段"
        />
      </Card>
      <Card title="当前办理" className="section-card">
        {project.pendingActions.length > 0 ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            {project.pendingActions.map((p) => (
              <div key={p.key} className="pending-line">
                <Typography.Text strong>{p.title}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}· 办理人:{ROLE_LABELS[p.role] ?? p.role} · 期限:{formatDateTime(p.dueAt)}
                </Typography.Text>
                {p.overdue ? <Tag color="error" className="overdue-tag">已逾期</Tag> : null}
              </div>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{terminal || project.stage === 'completed' ? '流程已结束。' : project.stage === 'notice' && state.notice ? `公示期至 ${formatDate(state.notice.endsAt)},期满无异议(或异议已答复)后自动进入实施。` : '暂无待办步骤。'}</Typography.Text>
        )}
        {state.lastDecisionReason ? <Alert type="info" showIcon message={`最近意见:${state.lastDecisionReason}`} style={{ marginTop: 12 }} /> : null}
        <div style={{ marginTop: 16 }}>
          <Actions project={project} autoAction={autoAction} />
        </div>
      </Card>
      <TaskOps process="project" subjectId={project.id} invalidate={[['project', project.id]]} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="项目信息" className="section-card">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="总预算"><Money fen={project.budgetFen} strong /></Descriptions.Item>
              <Descriptions.Item label="已占用额度"><Money fen={project.reservedFen} /></Descriptions.Item>
              <Descriptions.Item label="已拨付"><Money fen={project.paidFen} /></Descriptions.Item>
              <Descriptions.Item label="尾款"><Money fen={state.application?.finalPaymentFen ?? 0} /></Descriptions.Item>
              <Descriptions.Item label="退回修改次数">{project.revisionCount}</Descriptions.Item>
              <Descriptions.Item label="公示期">{state.notice ? `${formatDate(state.notice.startsAt)} 至 ${formatDate(state.notice.endsAt)}` : '—'}</Descriptions.Item>
              <Descriptions.Item label="资金分担" span={2}>{(state.costSharing ?? []).map((s) => `${s.label} ${s.weight}`).join(' : ') || '—'}</Descriptions.Item>
              <Descriptions.Item label="项目目标" span={2}>{state.application?.goals ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <MilestonesCard state={state} />
          {state.objections && state.objections.length > 0 ? (
            <Card title="公示异议" className="section-card">
              {state.objections.map((o) => (
                <Descriptions key={o.id} size="small" column={1} bordered style={{ marginBottom: 12 }}>
                  <Descriptions.Item label="异议">{o.content}({o.raisedByName},{formatDateTime(o.raisedAt)})</Descriptions.Item>
                  <Descriptions.Item label="答复">{o.answer ?? '待答复'}{o.upheld === null ? '' : o.upheld ? '(异议成立)' : '(异议不成立)'}</Descriptions.Item>
                </Descriptions>
              ))}
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={10}>
          <Card title="资金台账" className="section-card">
            <Descriptions column={2} size="small">
              <Descriptions.Item label="已占用"><Money fen={project.reservedFen} /></Descriptions.Item>
              <Descriptions.Item label="累计拨付"><Money fen={project.ledger.totalPaidFen} strong /></Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              rowKey="party"
              pagination={false}
              dataSource={project.ledger.byParty}
              locale={{ emptyText: '尚无拨付' }}
              columns={[
                { title: '分担方', dataIndex: 'label' },
                { title: '分担金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> },
              ]}
              className="ledger-by-party"
            />
            {project.ledger.payments.map((pay) => (
              <div key={pay.id} className="payment">
                <Typography.Text strong>
                  {DISBURSEMENT_KIND_LABELS[pay.kind] ?? pay.kind} <Money fen={pay.amountFen} />
                </Typography.Text>
                <Typography.Text type="secondary"> · 凭证 {pay.voucherNo} · {formatDateTime(pay.releasedAt)}</Typography.Text>
                <div className="payment-lines">{pay.lines.map((l) => `${l.label} ${formatFen(l.amountFen)}`).join(' / ')}</div>
              </div>
            ))}
            {(state.disbursements ?? []).length > 0 ? (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                style={{ marginTop: 12 }}
                dataSource={state.disbursements}
                columns={[
                  { title: '拨付申请', dataIndex: 'id', width: 80 },
                  { title: '类型', dataIndex: 'kind', render: (k: string, d) => `${DISBURSEMENT_KIND_LABELS[k] ?? k}${d.milestoneSeq ? ` ${d.milestoneSeq}` : ''}` },
                  { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> },
                  { title: '状态', dataIndex: 'status', render: (s: string) => DISBURSEMENT_STATUS_LABELS[s] ?? s },
                ]}
              />
            ) : null}
          </Card>
          <Card title="办理记录" className="section-card">
            <RecordTimeline entries={project.timeline.map((e) => ({ at: e.at, text: e.label, actorName: e.actorName }))} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const query = useQuery({
    queryKey: ['project', id],
    queryFn: () => unwrap(api.GET('/api/projects/{id}', { params: { path: { id } } })),
    // The read model follows the process a moment later: poll until the first step (the review task) shows.
    refetchInterval: (q) => {
      const p = q.state.data;
      if (!p) return false;
      const settled = ['completed', 'rejected', 'cancelled', 'terminated'].includes(p.stage);
      return !settled && p.stage === 'approval' && p.pendingActions.length === 0 ? 1500 : false;
    },
  });
  return <div className="page"><QueryView query={query}>{(p) => <Body project={p} autoAction={search.get('do')} />}</QueryView></div>;
}
