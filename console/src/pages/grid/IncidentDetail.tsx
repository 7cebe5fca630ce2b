// 网格事件详情: what was reported, where it stands (stage, who holds the next
// step, its time limit counting down), the person's actions as buttons with
// their forms, and the record.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { ActionForm } from '../../components/ActionForm';
import { Countdown } from '../../components/Countdown';
import { QueryView } from '../../components/PageState';
import { formatDateTime } from '../../format';
import { CHANNEL_LABELS, OUTCOME_LABELS, STAGE_COLORS, STAGE_LABELS, TYPE_LABELS, URGENCY_LABELS } from './labels';

type Detail = ResponseOf<'/api/grid-incidents/{id}', 'get'>;

function Body({ incident: i, autoAction }: { incident: Detail; autoAction: string | null }) {
  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{i.title}</Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary">{i.incidentNo}</Typography.Text>
          <Tag color={STAGE_COLORS[i.stage]}>{STAGE_LABELS[i.stage] ?? i.stage}</Tag>
          {i.urgency === 'urgent' ? <Tag color="red">紧急</Tag> : null}
          {i.outcome ? <Tag>{OUTCOME_LABELS[i.outcome] ?? i.outcome}</Tag> : null}
          {i.mediationCaseId ? <Link to={`/mediation/${i.mediationCaseId}`}>查看调解案件</Link> : null}
        </Space>
      </div>
      <Card title="当前办理">
        {i.pendingActions.length > 0 ? (
          i.pendingActions.map((p) => (
            <div key={`${p.action}-${p.unitId}`} className="pending-line">
              <Typography.Text strong>{p.label}</Typography.Text>
              <Typography.Text type="secondary"> · 期限:{formatDateTime(p.dueAt)} </Typography.Text>
              {p.dueAt ? <Countdown due={p.dueAt} /> : null}
            </div>
          ))
        ) : (
          <Typography.Text type="secondary">{i.stage === 'closed' || i.stage === 'converted' ? '事件已办结。' : '暂无待办步骤。'}</Typography.Text>
        )}
        <div className="action-bar" style={{ marginTop: 16 }}>
          {i.availableActions.length === 0 ? <Typography.Text type="secondary">您当前没有可办理的操作。</Typography.Text> : null}
          {i.availableActions.map((a) => (
            <ActionForm
              key={a}
              process="grid"
              subjectId={i.id}
              action={a}
              autoOpen={a === autoAction}
              invalidate={[['grid-incident', i.id], ['grid-incidents']]}
              transform={
                a === 'convertToMediation'
                  ? (b) => ({
                      disputeType: b.disputeType,
                      note: b.note ?? '',
                      parties: [
                        { role: 'applicant', name: b.applicant },
                        { role: 'respondent', name: b.respondent },
                      ],
                    })
                  : undefined
              }
            />
          ))}
        </div>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="事件信息" className="section-card">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="事件类型">{TYPE_LABELS[i.type] ?? i.type}</Descriptions.Item>
              <Descriptions.Item label="紧急程度">{URGENCY_LABELS[i.urgency] ?? i.urgency}</Descriptions.Item>
              <Descriptions.Item label="受理渠道">{CHANNEL_LABELS[i.channel] ?? i.channel}</Descriptions.Item>
              <Descriptions.Item label="上报时间">{formatDateTime(i.reportedAt)}</Descriptions.Item>
              <Descriptions.Item label="事发地">{i.place.name}</Descriptions.Item>
              <Descriptions.Item label="具体位置">{i.address}</Descriptions.Item>
              <Descriptions.Item label="承办">{i.assignee ? `${i.assignee.unitId}${i.assignee.department ? ` · ${i.assignee.department}` : ''}` : '—'}</Descriptions.Item>
              <Descriptions.Item label="反映人">{i.contactName ? `${i.contactName} ${i.contactPhone ?? ''}` : '—'}</Descriptions.Item>
              <Descriptions.Item label="事件描述" span={2}>{i.description}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="办理记录" className="section-card">
            <Timeline
              items={[...i.timeline].reverse().map((e) => ({
                children: (
                  <div>
                    <Typography.Text strong>{e.summary}</Typography.Text>
                    <div className="timeline-meta">{e.actorName ?? '系统'} · {formatDateTime(e.at)}</div>
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function IncidentDetailPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const query = useQuery({ queryKey: ['grid-incident', id], queryFn: () => unwrap(api.GET('/api/grid-incidents/{id}', { params: { path: { id } } })) });
  return <div className="page"><QueryView query={query}>{(i) => <Body incident={i} autoAction={search.get('do')} />}</QueryView></div>;
}
