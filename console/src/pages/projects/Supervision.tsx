// 督查通报: per street and quarter — overdue milestones, funds released,
// acceptance ratings — with export to a spreadsheet (CSV, opens in Excel/WPS).
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { Money } from '../../components/Money';
import { Stacked, useListColumns } from '../../components/Stacked';
import { YearInput } from '../../components/YearInput';
import { downloadCsv } from '../../download';
import { EmptyState, QueryView } from '../../components/PageState';
import { beijingToday, beijingYear, formatDate, formatDateTime, formatFen } from '../../format';
import { useSession } from '../../session';
import { useListState } from '../../hooks/list-state';
import { yearOf } from '../../list-address';
import { useUnits } from '../../hooks/org';
import { PROJECT_STAGE_LABELS } from './labels';

type Report = ResponseOf<'/api/projects/supervision', 'get'>;
type Overdue = Report['overdueMilestones'][number];

/** The report as a spreadsheet's rows. */
export function supervisionRows(r: Report): unknown[][] {
  return [
    [`${r.streetName} ${r.year}年第${r.quarter}季度 党建项目督查通报`],
    ['统计期间', `${formatDate(r.periodStart)} 至 ${formatDate(r.periodEnd)}`, '生成时间', formatDateTime(r.generatedAt)],
    [],
    ['一、逾期节点'],
    ['项目', '社区', '节点序号', '节点', '计划完成', '逾期起', '报告时间', '状态'],
    ...r.overdueMilestones.map((m) => [m.projectTitle, m.communityName, m.seq, m.title, m.dueDate, formatDate(m.overdueSince), formatDateTime(m.reportedAt), m.status]),
    [],
    ['二、资金拨付'],
    ['拨付笔数', r.funds.payments, '拨付金额(元)', formatFen(r.funds.releasedFen)],
    ['分担方', '金额(元)'],
    ...r.funds.byParty.map((l) => [l.label, formatFen(l.amountFen)]),
    [],
    ['三、验收等次'],
    ['项目', '社区', '等次', '得分'],
    ...r.ratings.projects.map((p) => [p.title, p.communityName, p.ratingLabel, p.score ?? '']),
    [],
    ['四、各阶段项目数'],
    ...Object.entries(r.projectsByStage).map(([s, n]) => [PROJECT_STAGE_LABELS[s] ?? s, n]),
  ];
}

const download = (r: Report) => downloadCsv(`督查通报-${r.streetName}-${r.year}Q${r.quarter}.csv`, supervisionRows(r));

export default function SupervisionPage() {
  const streets = useUnits('street');
  const { now } = useSession();
  // The quarter of Beijing's date (a UTC month put the first eight hours of a quarter in the one before).
  const thisQuarter = Math.floor((Number(beijingToday(now()).slice(5, 7)) - 1) / 3) + 1;
  // Street, year and quarter in the address, as the lists' filters: 返回 from an overdue project finds the quarter read.
  const filters = useListState({ streetId: '', year: String(beijingYear(now())), quarter: String(thisQuarter) }, { quarter: ['1', '2', '3', '4'] });
  const streetId = filters.filters.streetId;
  const year = yearOf(filters.filters.year) ?? beijingYear(now());
  const quarter = Number(filters.filters.quarter);
  const setStreetId = (v: string) => filters.set({ streetId: v });
  const setYear = (v: number) => filters.set({ year: String(v) });
  const setQuarter = (q: number) => filters.set({ quarter: String(q) });
  const street = streetId || streets.units[0]?.id || '';
  const query = useQuery({
    queryKey: ['supervision', street, year, quarter],
    enabled: Boolean(street),
    queryFn: () => unwrap(api.GET('/api/projects/supervision', { params: { query: { streetId: street, year, quarter } } })),
  });
  // On a phone, one stacked cell per overdue node (five columns broke the names a character a line).
  const overdueLayout = useListColumns<Overdue>(
    {
      title: '逾期节点',
      cell: (m) => (
        <Stacked>
          <Link to={`/projects/${m.projectId}`}>{m.projectTitle}</Link>
          <span>{m.seq}. {m.title}</span>
          <span className="timeline-meta">{m.communityName} · 计划 {m.dueDate} 完成 · <span className="overdue">{formatDate(m.overdueSince)} 起逾期</span></span>
        </Stacked>
      ),
    },
    [
      { title: '项目', dataIndex: 'projectTitle', render: (t: string, m) => <Link to={`/projects/${m.projectId}`}>{t}</Link> },
      { title: '社区', dataIndex: 'communityName' },
      { title: '节点', dataIndex: 'title', render: (t: string, m) => `${m.seq}. ${t}` },
      { title: '计划完成', dataIndex: 'dueDate' },
      { title: '逾期起', dataIndex: 'overdueSince', render: (v: string) => <span className="overdue">{formatDate(v)}</span> },
    ],
  );
  return (
    <div className="page">
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>督查通报</Typography.Title>
          <Typography.Text type="secondary">季通报、年中评比、年末考核:逾期节点、资金拨付与验收等次。</Typography.Text>
        </div>
        <Space wrap>
          <Select aria-label="街道" style={{ width: 160 }} value={street} onChange={setStreetId} options={streets.units.map((s) => ({ value: s.id, label: s.name }))} loading={streets.isLoading} />
          <YearInput value={year} onChange={(v) => v && setYear(v)} />
          <Select aria-label="季度" style={{ width: 110 }} value={quarter} onChange={setQuarter} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))} />
          <Button icon={<DownloadOutlined />} disabled={!query.data} onClick={() => query.data && download(query.data)}>
            导出表格
          </Button>
        </Space>
      </div>
      {!street && !streets.isLoading ? (
        <EmptyState description="您的辖区内没有街道" />
      ) : (
        <QueryView query={{ ...query, isLoading: query.isLoading || streets.isLoading }}>
          {(r) => (
            <>
              {r.overdueMilestones.length === 0 && r.funds.payments === 0 && r.ratings.projects.length === 0 ? (
                // Early in a quarter nothing has happened in it yet: the 通报 people look for then is the last quarter's.
                <Alert
                  style={{ marginBottom: 16 }}
                  type="info"
                  showIcon
                  message={`${year} 年第${quarter}季度尚无逾期节点、拨付和验收`}
                  action={
                    <Button size="small" onClick={() => (quarter === 1 ? filters.set({ year: String(year - 1), quarter: '4' }) : setQuarter(quarter - 1))}>
                      查看{quarter === 1 ? ` ${year - 1} 年` : ''}第{quarter === 1 ? 4 : quarter - 1}季度
                    </Button>
                  }
                />
              ) : null}
              <Row gutter={16}>
                <Col xs={12} md={6}><Card size="small"><Statistic title="逾期节点" value={r.overdueMilestones.length} valueStyle={r.overdueMilestones.length ? { color: '#cf1322' } : undefined} /></Card></Col>
                <Col xs={12} md={6}><Card size="small"><Statistic title="拨付笔数" value={r.funds.payments} /></Card></Col>
                <Col xs={12} md={6}><Card size="small"><Statistic title="拨付金额" value={formatFen(r.funds.releasedFen)} /></Card></Col>
                <Col xs={12} md={6}><Card size="small"><Statistic title="已验收项目" value={r.ratings.projects.length} /></Card></Col>
              </Row>
              <Card title="逾期节点" className="section-card">
                <Table size="small" rowKey={(m) => `${m.projectId}-${m.seq}`} pagination={false} dataSource={r.overdueMilestones} locale={{ emptyText: '本季度没有逾期节点' }} {...overdueLayout} />
              </Card>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Card title="资金拨付(按分担方)" className="section-card">
                    <Table size="small" rowKey="party" pagination={false} dataSource={r.funds.byParty} locale={{ emptyText: '本季度没有拨付' }} columns={[{ title: '分担方', dataIndex: 'label' }, { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> }]} />
                  </Card>
                </Col>
                <Col xs={24} md={12}>
                  <Card title="验收等次" className="section-card">
                    <Table size="small" rowKey="projectId" pagination={false} dataSource={r.ratings.projects} locale={{ emptyText: '本季度没有验收' }} columns={[{ title: '项目', dataIndex: 'title' }, { title: '社区', dataIndex: 'communityName' }, { title: '等次', dataIndex: 'ratingLabel', render: (v: string) => <Tag color="gold">{v}</Tag> }]} />
                  </Card>
                </Col>
              </Row>
            </>
          )}
        </QueryView>
      )}
    </div>
  );
}
