// 调解案件详情: level stepper 社区 → 街道 → 区, round deadlines, sessions,
// the person's actions, the 调解协议 (view and print), the 司法确认 window,
// 回访, timeline. Personal data as the API sends it (masked unless allowed).
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Modal, Row, Space, Steps, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, tokenStore, type ResponseOf, unwrap } from '../../api/client';
import { ActionForm } from '../../components/ActionForm';
import { Money } from '../../components/Money';
import { ErrorState } from '../../components/PageState';
import { RecordDetailPage, TimelineColumn } from '../../components/RecordDetailPage';
import { TaskOps } from '../../components/TaskOps';
import { formatDate, formatDateTime } from '../../format';
import { Countdown } from '../../components/Countdown';
import { OperatorLink } from '../../components/OperatorLink';
import { CASE_STAGE_LABELS, COMPLEXITY_LABELS, JUDICIAL_STATUS_LABELS, LEVELS, LEVEL_LABELS, OUTCOME_LABELS, RISK_LABELS } from './labels';

type Detail = ResponseOf<'/api/mediation-cases/{id}', 'get'>;

interface Round {
  level: string; unit: { name: string }; startedAt: string; dueAt: string; mediatorName: string | null; assignedMediatorName: string | null; acceptedAt: string | null;
  sessions: Array<{ seq: number; heldOn: string; place: string | null; participants: string[]; summary: string }>; endedAt: string | null; outcome: string | null; reason: string | null;
}
interface StateShape {
  rounds?: Round[];
  agreement?: { terms: string; performance: string; amountFen: number | null; performBy: string | null; effectiveAt: string; confirmationDeadline: string; mediatorName: string } | null;
  judicial?: { status: string; court: string | null; appliedAt: string | null; courtCaseNumber: string | null; rulingNo: string | null } | null;
  followUp?: { opensAt: string; dueAt: string | null; visitedAt: string | null; result: string | null; note: string | null } | null;
}

function AgreementDocument({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const doc = useQuery({
    queryKey: ['agreement-document', id],
    enabled: open,
    queryFn: async () => {
      const res = await fetch(`/api/mediation-cases/${encodeURIComponent(id)}/agreement-document`, { headers: { Authorization: `Bearer ${tokenStore.get() ?? ''}` } });
      if (!res.ok) return unwrap(Promise.resolve({ error: await res.json().catch(() => ({})), response: res }));
      return res.text();
    },
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>查看调解协议书</Button>
      <Modal open={open} onCancel={() => setOpen(false)} width={860} title="人民调解协议书" footer={[
        <Button key="print" icon={<PrinterOutlined />} onClick={() => frame.current?.contentWindow?.print()} disabled={!doc.data}>打印</Button>,
        <Button key="close" type="primary" onClick={() => setOpen(false)}>关闭</Button>,
      ]}>
        {doc.error ? <ErrorState error={doc.error} /> : <iframe ref={frame} title="人民调解协议书" className="agreement-frame" sandbox="allow-same-origin allow-modals" srcDoc={typeof doc.data === 'string' ? doc.data : ''} />}
      </Modal>
    </>
  );
}

function Body({ c, autoAction }: { c: Detail; autoAction: string | null }) {
  const state = c.state as StateShape;
  const rounds = state.rounds ?? [];
  const levelIdx = c.currentLevel ? LEVELS.indexOf(c.currentLevel as (typeof LEVELS)[number]) : 0;
  return (
    <>
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>{c.title}</Typography.Title>
          <Space wrap>
            <Typography.Text type="secondary">{c.caseNo}</Typography.Text>
            <Tag color={c.stage === 'closed' ? 'default' : 'processing'}>{c.outcome ? OUTCOME_LABELS[c.outcome] ?? c.outcomeLabel : CASE_STAGE_LABELS[c.stage] ?? c.stageLabel}</Tag>
            {c.highRisk ? <Tag color="error">高风险</Tag> : null}
            <Typography.Text type="secondary">{c.channelLabel} · {c.disputeTypeLabel} · {c.place.name}</Typography.Text>
            <OperatorLink find={c.caseNo} />
          </Space>
        </div>
      </div>
      <Card>
        <Steps
          current={levelIdx}
          status={c.outcome && c.outcome !== 'agreement' ? 'error' : c.outcome === 'agreement' ? 'finish' : 'process'}
          items={LEVELS.map((l) => {
            const r = rounds.find((x) => x.level === l);
            return { title: `${LEVEL_LABELS[l]}调解`, description: r ? (r.outcome ? (r.outcome === 'failed' ? '调解不成' : r.outcome === 'agreement' ? '达成协议' : r.outcome) : `期限 ${formatDate(r.dueAt)}`) : undefined };
          })}
        />
      </Card>
      <Card title="当前办理" className="section-card">
        {c.pendingActions.length > 0 ? c.pendingActions.map((p) => (
          <div key={`${p.action}-${p.unitId}`} className="pending-line">
            <Typography.Text strong>{p.label}</Typography.Text>
            <Typography.Text type="secondary"> · 期限:{formatDateTime(p.dueAt)} </Typography.Text>
            {p.dueAt ? <Countdown due={p.dueAt} /> : null}
          </div>
        )) : <Typography.Text type="secondary">{c.stage === 'closed' ? '案件已结案。' : '暂无待办步骤。'}</Typography.Text>}
        {c.guidance ? <Alert type="info" showIcon message={c.guidance} style={{ marginTop: 12 }} /> : null}
        <div className="action-bar" style={{ marginTop: 16 }}>
          {c.availableActions.length === 0 ? <Typography.Text type="secondary">您当前没有可办理的操作。</Typography.Text> : c.availableActions.map((a) => (
            <ActionForm key={a} process="mediation" subjectId={c.id} action={a} autoOpen={a === autoAction} invalidate={[['case', c.id], ['cases']]} />
          ))}
          {c.agreementDocument ? <AgreementDocument id={c.id} /> : null}
        </div>
      </Card>
      <TaskOps process="mediation" subjectId={c.id} invalidate={[['case', c.id]]} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="案件信息" className="section-card">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="登记时间">{formatDateTime(c.registeredAt)}</Descriptions.Item>
              <Descriptions.Item label="应办结日期">{formatDate(c.targetConcludeBy)}</Descriptions.Item>
              <Descriptions.Item label="激化风险">{RISK_LABELS[c.risk] ?? c.risk}</Descriptions.Item>
              <Descriptions.Item label="繁简程度">{COMPLEXITY_LABELS[c.complexity] ?? c.complexity}</Descriptions.Item>
              <Descriptions.Item label="争议金额">{c.amountFen === null ? '—' : <Money fen={c.amountFen} />}</Descriptions.Item>
              <Descriptions.Item label="当前层级">{c.currentLevel ? LEVEL_LABELS[c.currentLevel] : '—'}</Descriptions.Item>
              <Descriptions.Item label="简要情况" span={2}>{c.description}</Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              rowKey="seq"
              pagination={false}
              dataSource={c.parties}
              style={{ marginTop: 12 }}
              columns={[
                { title: '身份', dataIndex: 'role', width: 90, render: (r: string) => (r === 'applicant' ? '申请人' : '被申请人') },
                { title: '姓名', dataIndex: 'name' },
                { title: '电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
                { title: '证件号码', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
              ]}
            />
            {!c.personalDataVisible ? <Typography.Text type="secondary">当事人电话、证件号码已脱敏。</Typography.Text> : null}
          </Card>
          <Card title="调解轮次" className="section-card">
            {rounds.length === 0 ? <Typography.Text type="secondary">尚未开始调解。</Typography.Text> : rounds.map((r) => (
              <div key={r.level} className="round">
                <Space wrap>
                  <Typography.Text strong>{LEVEL_LABELS[r.level]}调解 · {r.unit.name}</Typography.Text>
                  <Typography.Text type="secondary">调解员:{r.mediatorName ?? r.assignedMediatorName ?? '待受理'}</Typography.Text>
                  <Typography.Text type="secondary">期限:{formatDate(r.dueAt)}</Typography.Text>
                  {!r.endedAt ? <Countdown due={r.dueAt} /> : <Tag>{r.outcome === 'failed' ? '调解不成' : r.outcome === 'agreement' ? '达成协议' : r.outcome}</Tag>}
                </Space>
                {r.reason ? <div className="payment-lines">原因:{r.reason}</div> : null}
                {r.sessions.map((s) => (
                  <div key={s.seq} className="payment-lines">第 {s.seq} 次调解会 · {s.heldOn}{s.place ? ` · ${s.place}` : ''} · {s.participants.join('、')}:{s.summary}</div>
                ))}
              </div>
            ))}
          </Card>
          {state.agreement ? (
            <Card title="调解协议与司法确认" className="section-card">
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="协议内容">{state.agreement.terms}</Descriptions.Item>
                <Descriptions.Item label="履行方式">{state.agreement.performance}</Descriptions.Item>
                <Descriptions.Item label="协议金额">{state.agreement.amountFen === null ? '—' : <Money fen={state.agreement.amountFen} />}</Descriptions.Item>
                <Descriptions.Item label="生效时间">{formatDateTime(state.agreement.effectiveAt)}</Descriptions.Item>
                <Descriptions.Item label="司法确认申请期限">
                  {formatDateTime(state.agreement.confirmationDeadline)} {state.judicial?.status === 'open' ? <Countdown due={state.agreement.confirmationDeadline} unit="calendar" /> : null}
                </Descriptions.Item>
                <Descriptions.Item label="司法确认">{state.judicial ? JUDICIAL_STATUS_LABELS[state.judicial.status] ?? state.judicial.status : '—'}{state.judicial?.court ? ` · ${state.judicial.court}` : ''}</Descriptions.Item>
                <Descriptions.Item label="回访">{state.followUp?.visitedAt ? `${formatDate(state.followUp.visitedAt)} · ${state.followUp.note ?? ''}` : state.followUp ? `待回访(${formatDate(state.followUp.opensAt)} 起)` : '—'}</Descriptions.Item>
              </Descriptions>
            </Card>
          ) : null}
        </Col>
        <TimelineColumn timeline={c.timeline} />
      </Row>
    </>
  );
}

const loadCase = (id: string) => unwrap(api.GET('/api/mediation-cases/{id}', { params: { path: { id } } }));

export default function CaseDetailPage() {
  return (
    <RecordDetailPage queryName="case" load={loadCase} finalStages={['closed']}>
      {(c, autoAction) => <Body c={c} autoAction={autoAction} />}
    </RecordDetailPage>
  );
}
