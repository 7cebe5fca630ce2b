// 网格事件详情: a stepper 上报 → 研判 → 处置 → 核查 → 办结/回访, the pending
// step with who holds it and a working-day countdown to its deadline, the
// person's actions as buttons with their forms, the handling rounds, the
// checks, the 回访, the mediation case when converted, and the timeline.
import { Alert, Card, Col, Descriptions, Row, Space, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { ROLE_LABELS } from '../../../../domain/roles';
import { ActionForm } from '../../components/ActionForm';
import { RecordDetailPage, TimelineColumn } from '../../components/RecordDetailPage';
import { TaskOps } from '../../components/TaskOps';
import { formatDate, formatDateTime } from '../../format';
import { useUnits } from '../../hooks/org';
import { useSession } from '../../session';
import { Countdown } from '../../components/Countdown';
import { OperatorLink } from '../../components/OperatorLink';
import { PhotoList } from '../../components/GridPhotos';
import { ConvertAction, DispatchAction } from './GridForms';
import { OUTCOME_LABELS, SATISFACTION_LABELS, stageColor, STAGE_LABELS, STEP_OF_STAGE, STEPS, URGENCY_COLORS } from './labels';

type Detail = ResponseOf<'/api/grid-incidents/{id}', 'get'>;

interface Named { id: string; name: string }
interface StateShape {
  stage?: string;
  facts?: { units: { community: Named; street: Named; district: Named } };
  reportedBy?: { personId: string; displayName: string };
  escalatedToStreetAt?: string | null;
  step?: { key: string; dueAt: string; remindedAt: string | null; escalateAt: string | null; escalatedAt: string | null } | null;
  handlings?: Array<{
    round: number; unit: Named; department: string | null; note: string; dispatchedAt: string; dueAt: string;
    handledAt: string | null; handledByName: string | null; result: string | null; photos: string[]; onTime: boolean | null; supervisedAt: string | null;
  }>;
  verifications?: Array<{ round: number; at: string; byName: string; accepted: boolean; note: string }>;
  reopenCount?: number;
  closedAt?: string | null;
  closeNote?: string | null;
  satisfaction?: { level: string; note: string; at: string } | null;
  ratingDueAt?: string | null;
  ratingExpiredAt?: string | null;
}

/** What each step of the stepper says about this incident. */
function stepItems(c: Detail, s: StateShape) {
  const last = s.handlings?.at(-1);
  const lastCheck = s.verifications?.at(-1);
  const triage = c.stage === 'converted' ? '已转人民调解' : c.outcome === 'resolved_on_spot' ? '就地解决' : last ? `派遣${last.unit.name}` : c.stage === 'street_triage' ? '已上报街道' : undefined;
  const closing = c.stage === 'closed'
    ? s.satisfaction ? `回访:${SATISFACTION_LABELS[s.satisfaction.level] ?? s.satisfaction.level}` : s.ratingExpiredAt ? '回访期已过' : '待回访'
    : undefined;
  return [
    { title: STEPS[0], description: formatDate(c.reportedAt) },
    { title: STEPS[1], description: triage },
    { title: STEPS[2], description: last?.handledAt ? `已处置${last.onTime === false ? '(超期)' : ''}` : last ? `第 ${last.round} 轮` : undefined },
    { title: STEPS[3], description: lastCheck ? (lastCheck.accepted ? '核查通过' : '未通过,退回重办') : undefined },
    { title: STEPS[4], description: closing },
  ];
}

function Body({ c, autoAction }: { c: Detail; autoAction: string | null }) {
  const state = c.state as StateShape;
  const { me } = useSession();
  const units = useUnits();
  // Names of the units the incident touches: from the state (a grid worker's org tree holds only their grid), then the org tree.
  const known = new Map<string, string>([
    ...Object.values(state.facts?.units ?? {}).map((u): [string, string] => [u.id, u.name]),
    ...(state.handlings ?? []).map((h): [string, string] => [h.unit.id, h.unit.name]),
    [c.place.id, c.place.name],
  ]);
  const unitName = (id: string) => known.get(id) ?? units.units.find((u) => u.id === id)?.name ?? id;
  // The step's own deadline: a task's due date moves on to the escalation date once the step is reminded.
  const stepDue = (taskDue: string | null) => (c.stage === 'closed' ? taskDue : state.step?.dueAt ?? taskDue);
  const pendingLabel = (label: string) => (c.stage === 'triage' ? '社区研判分拨' : c.stage === 'street_triage' ? '街道研判分拨' : label);
  const finished = c.stage === 'converted' || c.stage === 'closed';
  const stepStatus = c.stage === 'converted' ? 'finish' : c.stage === 'closed' ? (c.outcome === 'unresolved' ? 'error' : 'finish') : 'process';
  return (
    <>
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>{c.title}</Typography.Title>
          <Space wrap>
            <Typography.Text type="secondary">{c.incidentNo}</Typography.Text>
            <Tag color={stageColor(c.stage)}>{c.outcome ? OUTCOME_LABELS[c.outcome] ?? c.outcomeLabel : STAGE_LABELS[c.stage] ?? c.stageLabel}</Tag>
            <Tag color={URGENCY_COLORS[c.urgency]}>{c.urgencyLabel}</Tag>
            <Typography.Text type="secondary">{c.channelLabel} · {c.typeLabel} · {c.place.name}</Typography.Text>
            <OperatorLink find={c.incidentNo} />
          </Space>
        </div>
      </div>
      <Card>
        <Steps current={c.stage === 'converted' ? 1 : STEP_OF_STAGE[c.stage] ?? 0} status={stepStatus} items={stepItems(c, state)} />
      </Card>
      <Card title="当前办理" className="section-card">
        {c.pendingActions.length > 0 ? c.pendingActions.map((p) => (
          <div key={`${p.action}-${p.unitId}`} className="pending-line">
            <Typography.Text strong>{pendingLabel(p.label)}</Typography.Text>
            <Typography.Text type="secondary">
              {' · 办理人:'}{unitName(p.unitId)}{ROLE_LABELS[p.role as keyof typeof ROLE_LABELS] && p.role !== 'community' ? ` ${ROLE_LABELS[p.role as keyof typeof ROLE_LABELS]}` : ''}
              {p.assigneeId ? (p.assigneeId === me?.person.id ? '(您)' : p.assigneeId === state.reportedBy?.personId ? `(${state.reportedBy.displayName})` : '') : ''}
              {stepDue(p.dueAt) ? ` · 期限:${formatDateTime(stepDue(p.dueAt))} ` : ''}
            </Typography.Text>
            {stepDue(p.dueAt) ? <Countdown due={stepDue(p.dueAt)!} /> : null}
            {state.step?.escalateAt && !state.step.escalatedAt ? (
              <Typography.Text type="danger"> 已催办,{formatDateTime(state.step.escalateAt)} 前仍未办理将{c.stage === 'triage' ? '上报街道' : c.stage === 'verifying' ? '自动办结' : '由上级督办'}</Typography.Text>
            ) : null}
          </div>
        )) : (
          <Typography.Text type="secondary">
            {c.stage === 'converted' ? '事件已转人民调解,在调解案件中继续办理。' : finished ? '事件已办结。' : '正在更新办理状态…'}
          </Typography.Text>
        )}
        {c.mediationCaseId ? (
          <Alert type="info" showIcon style={{ marginTop: 12 }} message={<span>已转为人民调解案件:<Link to={`/mediation/${c.mediationCaseId}`}>查看调解案件</Link></span>} />
        ) : null}
        <div className="action-bar" style={{ marginTop: 16 }}>
          {c.availableActions.length === 0 ? <Typography.Text type="secondary">您当前没有可办理的操作。</Typography.Text> : c.availableActions.map((a) =>
            a === 'dispatchIncident' ? <DispatchAction key={a} incidentId={c.id} autoOpen={autoAction === a} aboveUnits={state.facts ? [state.facts.units.district, state.facts.units.street] : []} />
              : a === 'convertToMediation' ? <ConvertAction key={a} incidentId={c.id} />
                : <ActionForm key={a} process="grid" subjectId={c.id} action={a} autoOpen={a === autoAction} invalidate={[['grid-incident', c.id], ['grid-incidents']]} />,
          )}
        </div>
      </Card>
      <TaskOps process="grid" subjectId={c.id} invalidate={[['grid-incident', c.id]]} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="事件信息" className="section-card">
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }}>
              <Descriptions.Item label="上报时间">{formatDateTime(c.reportedAt)}</Descriptions.Item>
              <Descriptions.Item label="上报人">{state.reportedBy?.displayName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="事发地">{c.place.name}</Descriptions.Item>
              <Descriptions.Item label="具体位置">{c.address}</Descriptions.Item>
              <Descriptions.Item label="所属社区">{state.facts?.units.community.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="所属街道">{state.facts?.units.street.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="反映人">{c.contactName || c.contactPhone ? `${c.contactName ?? ''} ${c.contactPhone ?? ''}` : '—'}</Descriptions.Item>
              <Descriptions.Item label="现场照片" span={2}><PhotoList incidentId={c.id} refs={c.photos} /></Descriptions.Item>
              <Descriptions.Item label="事件描述" span={2}>{c.description}</Descriptions.Item>
            </Descriptions>
            {!c.personalDataVisible && c.contactPhone ? <Typography.Text type="secondary">反映人电话已脱敏。</Typography.Text> : null}
          </Card>
          <Card title="处置与核查" className="section-card">
            {(state.handlings ?? []).length === 0 ? <Typography.Text type="secondary">{c.outcome === 'resolved_on_spot' ? `社区就地解决:${state.closeNote ?? ''}` : '尚未派遣处置。'}</Typography.Text> : (state.handlings ?? []).map((h) => {
              const check = state.verifications?.find((v) => v.round === h.round);
              return (
                <div key={h.round} className="round">
                  <Space wrap>
                    <Typography.Text strong>第 {h.round} 轮处置 · {h.unit.name}{h.department ? `(${h.department})` : ''}</Typography.Text>
                    <Typography.Text type="secondary">派遣:{formatDateTime(h.dispatchedAt)} · 期限:{formatDateTime(h.dueAt)}</Typography.Text>
                    {h.handledAt ? <Tag color={h.onTime ? 'success' : 'error'}>{h.onTime ? '按时处置' : '超期处置'}</Tag> : <Countdown due={h.dueAt} />}
                    {h.supervisedAt ? <Tag color="warning">已督办</Tag> : null}
                  </Space>
                  <div className="payment-lines">处置要求:{h.note}</div>
                  {h.handledAt ? <div className="payment-lines">处置结果({h.handledByName ?? ''},{formatDateTime(h.handledAt)}):{h.result}</div> : null}
                  {h.handledAt && h.photos.length > 0 ? <div className="payment-lines">处置照片:<PhotoList incidentId={c.id} refs={h.photos} /></div> : null}
                  {check ? <div className="payment-lines">核查({check.byName},{formatDateTime(check.at)}):{check.accepted ? '通过' : '不通过'}{check.note ? `,${check.note}` : ''}</div> : null}
                </div>
              );
            })}
            {state.satisfaction ? (
              <div className="round">
                <Typography.Text strong>满意度回访:{SATISFACTION_LABELS[state.satisfaction.level] ?? state.satisfaction.level}</Typography.Text>
                <Typography.Text type="secondary"> · {formatDateTime(state.satisfaction.at)}{state.satisfaction.note ? ` · ${state.satisfaction.note}` : ''}</Typography.Text>
              </div>
            ) : c.stage === 'closed' && state.ratingDueAt && !state.ratingExpiredAt ? (
              <div className="round"><Typography.Text type="secondary">待满意度回访,回访期限 {formatDateTime(state.ratingDueAt)}</Typography.Text></div>
            ) : null}
          </Card>
        </Col>
        <TimelineColumn timeline={c.timeline} />
      </Row>
    </>
  );
}

const loadIncident = (id: string) => unwrap(api.GET('/api/grid-incidents/{id}', { params: { path: { id } } }));

export default function IncidentDetailPage() {
  return (
    <RecordDetailPage queryName="grid-incident" load={loadIncident} finalStages={['closed', 'converted']}>
      {(c, autoAction) => <Body c={c} autoAction={autoAction} />}
    </RecordDetailPage>
  );
}
