// 述职详情: stage stepper, the report, scoring and 质询, actions for the
// person's roles, the vote link for representatives on the roll, ballots
// for auditors only, timeline.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { actionSpec } from '../../actions';
import { rolesOf } from '../../access';
import { ActionForm } from '../../components/ActionForm';
import { ErrorState, QueryView } from '../../components/PageState';
import { RecordTimeline } from '../../components/RecordTimeline';
import { TaskOps } from '../../components/TaskOps';
import { OperatorLink } from '../../components/OperatorLink';
import { formatDateTime } from '../../format';
import { useSession } from '../../session';
import { GRADE_COLORS, REPORT_STAGE_LABELS, REPORT_STEPS } from './labels';

type Detail = ResponseOf<'/api/reporting/{id}', 'get'>;

interface StateShape {
  report?: { content?: string; highlights?: string | null; submittedAt?: string } | null;
  upward?: { score?: number | null; comment?: string | null; questions?: Array<{ id: string; question: string; answer: string | null }> } | null;
  questions?: Array<{ id: string; question: string; answer: string | null; askedAt?: string }>;
  objections?: Array<{ id: string; content: string; answer: string | null }>;
}

function Ballots({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const query = useQuery({ queryKey: ['ballots', id], enabled: open, queryFn: () => unwrap(api.GET('/api/reporting/{id}/ballots', { params: { path: { id } } })) });
  if (!open) return <Button onClick={() => setOpen(true)}>查看选票明细(审计)</Button>;
  if (query.error) return <ErrorState error={query.error} />;
  return (
    <Table
      size="small"
      loading={query.isLoading}
      rowKey="personId"
      dataSource={query.data?.ballots ?? []}
      pagination={false}
      locale={{ emptyText: '尚无选票' }}
      columns={[
        { title: '代表', dataIndex: 'displayName' },
        { title: '选择', dataIndex: 'choice', render: (c: string) => ({ satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' })[c] ?? c },
        { title: '意见', dataIndex: 'comment', render: (c: string | null) => c ?? '—' },
      ]}
    />
  );
}

function Body({ report, autoAction }: { report: Detail; autoAction: string | null }) {
  const { me } = useSession();
  const roles = rolesOf(me);
  const state = report.state as StateShape;
  const stepIdx = Math.max(0, REPORT_STEPS.indexOf(report.stage === 'rectification' ? 'public_notice' : (report.stage as (typeof REPORT_STEPS)[number])));
  const actions = report.actions.filter((a) => a !== 'castVote').filter((a) => {
    const spec = actionSpec('reporting', a);
    return !spec.roles || spec.roles.some((r) => roles.has(r as never));
  });
  const questions = state.questions ?? state.upward?.questions ?? [];
  return (
    <>
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>{report.communityName} {report.year} 年度双向述职</Typography.Title>
          <Space wrap>
            <Tag color="processing">{REPORT_STAGE_LABELS[report.stage] ?? report.stageLabel}</Tag>
            {report.grade ? <Tag color={GRADE_COLORS[report.grade]}>评定:{report.gradeLabel}</Tag> : null}
            <Typography.Text type="secondary">当前期限:{formatDateTime(report.dueAt)}</Typography.Text>
            <OperatorLink find={report.communityName} />
          </Space>
        </div>
      </div>
      <Card>
        <Steps current={report.stage === 'completed' ? REPORT_STEPS.length : stepIdx} items={REPORT_STEPS.map((s) => ({ title: REPORT_STAGE_LABELS[s] }))} />
      </Card>
      {report.stage === 'vote' && report.myVote?.onRoll ? (
        <Alert
          className="section-card"
          type={report.myVote.voted ? 'success' : 'info'}
          showIcon
          message={report.myVote.voted ? '您已投票' : '民主评议投票进行中,您在评议名单中'}
          action={report.myVote.voted ? undefined : <Link to={`/reporting/${encodeURIComponent(report.id)}/vote`}><Button type="primary">去投票</Button></Link>}
        />
      ) : null}
      <Card title="办理" className="section-card">
        {actions.length === 0 ? (
          <Typography.Text type="secondary">您当前没有可办理的操作。</Typography.Text>
        ) : (
          <div className="action-bar">
            {actions.map((a, i) => (
              <ActionForm
                key={a}
                process="reporting"
                subjectId={report.id}
                action={a}
                autoOpen={a === autoAction && i === actions.indexOf(a)}
                fixed={a === 'answerQuestion' ? { questionId: questions.find((q) => !q.answer)?.id } : a === 'answerObjection' ? { objectionId: state.objections?.find((o) => !o.answer)?.id } : undefined}
                invalidate={[['report', report.id], ['reports']]}
              />
            ))}
          </div>
        )}
      </Card>
      <TaskOps process="reporting" subjectId={report.id} invalidate={[['report', report.id]]} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="述职报告" className="section-card">
            {state.report?.content ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{state.report.content}</Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">尚未提交述职报告。</Typography.Text>
            )}
          </Card>
          <Card title="评分与质询" className="section-card">
            <Descriptions size="small" column={2}>
              <Descriptions.Item label="综合得分">{report.combinedScore ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="评定等次">{report.gradeLabel ?? '—'}</Descriptions.Item>
            </Descriptions>
            {questions.length === 0 ? <Typography.Text type="secondary">暂无质询。</Typography.Text> : questions.map((q) => (
              <Descriptions key={q.id} size="small" column={1} bordered style={{ marginTop: 8 }}>
                <Descriptions.Item label="质询">{q.question}</Descriptions.Item>
                <Descriptions.Item label="答复">{q.answer ?? '待答复'}</Descriptions.Item>
              </Descriptions>
            ))}
          </Card>
          {roles.has('auditor') ? (
            <Card title="民主评议选票(仅审计可见)" className="section-card">
              <Ballots id={report.id} />
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={10}>
          <Card title="办理记录" className="section-card">
            <RecordTimeline entries={report.timeline.map((e) => ({ at: e.at, text: e.label, actorName: e.actorName }))} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function ReportDetailPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const query = useQuery({ queryKey: ['report', id], queryFn: () => unwrap(api.GET('/api/reporting/{id}', { params: { path: { id } } })) });
  return <div className="page"><QueryView query={query}>{(r) => <Body report={r} autoAction={search.get('do')} />}</QueryView></div>;
}
