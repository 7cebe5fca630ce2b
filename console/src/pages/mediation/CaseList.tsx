// 矛盾调解 case list: search and filters; personal data masked by the API.
// 导出台账 writes every case the filters find as the committee's 案件登记台账
// (a spreadsheet: parties by name only, as the list shows them).
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../api/client';
import { everyPage, LIST_PAGE_MAX } from '../../api/every-page';
import { canSee, entryByKey } from '../../access';
import { useSession } from '../../session';
import { Money } from '../../components/Money';
import { Stacked, useListColumns } from '../../components/Stacked';
import { ErrorState } from '../../components/PageState';
import { ListSearch } from '../../components/ListSearch';
import { useCsvExport } from '../../hooks/csv-export';
import { useListState, usePagedList } from '../../hooks/list-state';
import { periodFilter, periodOf } from '../../list-address';
import { PeriodPicker } from '../../components/PeriodPicker';
import { UnitFilter } from '../../components/UnitFilter';
import type { Period } from '../../periods';
import { CASE_OUTCOMES } from '../../../../domain/mediation/types';
import { beijingToday, fenToYuan, formatDateTime } from '../../format';
import { CASE_STAGE_LABELS, CHANNEL_LABELS, DISPUTE_TYPE_LABELS, JUDICIAL_STATUS_LABELS, LEVEL_LABELS, OUTCOME_LABELS } from './labels';

type Case = ResponseOf<'/api/mediation-cases', 'get'>['items'][number];
const partyNames = (c: Case) => c.parties.map((p) => p.name).join('、');
type CaseQuery = Omit<QueryOf<'/api/mediation-cases', 'get'>, 'limit' | 'offset'>;

/** Every case `query` finds. */
const everyCase = (query: CaseQuery) => everyPage(LIST_PAGE_MAX, (page) => unwrap(api.GET('/api/mediation-cases', { params: { query: { ...query, ...page } } })));

/** The cases as the 案件登记台账's rows, newest first as the list shows them. */
export function caseLedgerRows(cases: readonly Case[]): unknown[][] {
  return [
    ['案号', '登记时间', '案由', '纠纷类型', '受理渠道', '当事人', '纠纷发生地', '调解层级', '状态', '调解结果', '司法确认', '涉及金额(元)', '高风险', '办结时间'],
    ...cases.map((c) => [
      c.caseNo,
      formatDateTime(c.registeredAt),
      c.title,
      c.disputeTypeLabel || DISPUTE_TYPE_LABELS[c.disputeType],
      c.channelLabel || CHANNEL_LABELS[c.channel],
      partyNames(c),
      c.place.name,
      c.currentLevel ? LEVEL_LABELS[c.currentLevel] : '',
      c.stageLabel || CASE_STAGE_LABELS[c.stage],
      c.outcome ? (OUTCOME_LABELS[c.outcome] ?? c.outcomeLabel ?? c.outcome) : '',
      c.judicialStatus ? (JUDICIAL_STATUS_LABELS[c.judicialStatus] ?? c.judicialStatus) : '',
      c.amountFen === null ? '' : fenToYuan(c.amountFen),
      c.highRisk ? '是' : '',
      c.concludedAt ? formatDateTime(c.concludedAt) : '',
    ]),
  ];
}

const titleWithRisk = (c: Case) => <Space size={4}>{c.title}{c.highRisk ? <Tag color="error">高风险</Tag> : null}</Space>;
const typeAndChannel = (c: Case) => `${c.disputeTypeLabel || DISPUTE_TYPE_LABELS[c.disputeType]} · ${c.channelLabel || CHANNEL_LABELS[c.channel]}`;
const stateTag = (c: Case) => <Tag color={c.stage === 'closed' ? 'default' : 'processing'}>{c.outcome ? OUTCOME_LABELS[c.outcome] ?? c.outcomeLabel : c.stageLabel || CASE_STAGE_LABELS[c.stage]}</Tag>;

/** A case as one cell, for a phone: number and 案由, type and channel, parties, level and state. */
function stacked(c: Case) {
  return (
    <Stacked>
      <Link to={`/mediation/${c.id}`}>{c.caseNo}</Link>
      {titleWithRisk(c)}
      <span className="timeline-meta">{typeAndChannel(c)}</span>
      <span className="timeline-meta">{partyNames(c)} · {formatDateTime(c.registeredAt)}</span>
      <Space size={4} wrap>{c.currentLevel ? <Tag>{LEVEL_LABELS[c.currentLevel]}</Tag> : null}{stateTag(c)}{c.amountFen === null ? null : <Money fen={c.amountFen} />}</Space>
    </Stacked>
  );
}

export default function CaseListPage() {
  const { me, now } = useSession();
  // 登记日期: none at first (every case); the 台账 of a month or a year is one preset away.
  const list = useListState(
    { q: '', stage: '', channel: '', disputeType: '', level: '', outcome: '', judicialStatus: '', unitId: '', from: '', to: '' },
    {
      stage: Object.keys(CASE_STAGE_LABELS),
      channel: Object.keys(CHANNEL_LABELS),
      disputeType: Object.keys(DISPUTE_TYPE_LABELS),
      level: Object.keys(LEVEL_LABELS),
      outcome: CASE_OUTCOMES,
      judicialStatus: Object.keys(JUDICIAL_STATUS_LABELS),
    },
  );
  const f = list.filters;
  // One value while the address holds the same dates, as a state was: a new pair at every render is a new value to the picker.
  const period = useMemo(() => periodOf(f.from, f.to), [f.from, f.to]);
  const csv = useCsvExport();
  const filters: CaseQuery = {
    q: f.q || undefined,
    stage: (f.stage || undefined) as Case['stage'] | undefined,
    channel: (f.channel || undefined) as Case['channel'] | undefined,
    disputeType: (f.disputeType || undefined) as Case['disputeType'] | undefined,
    level: (f.level || undefined) as 'community' | undefined,
    outcome: (f.outcome || undefined) as CaseQuery['outcome'],
    judicialStatus: (f.judicialStatus || undefined) as CaseQuery['judicialStatus'],
    unitId: f.unitId || undefined,
    from: period?.[0].format('YYYY-MM-DD'),
    to: period?.[1].format('YYYY-MM-DD'),
  };
  const { query, table } = usePagedList(['cases', filters], list, (paging) => unwrap(api.GET('/api/mediation-cases', { params: { query: { ...filters, ...paging } } })), '件');
  const exportLedger = () => csv.run(`调解案件台账-${beijingToday(now())}.csv`, async () => caseLedgerRows(await everyCase(filters)));
  // Every column a width; the 案由 the widest, with the type and the channel under it as the grid's list
  // shows an incident's (as columns of their own they wrapped at 1440 px, the case number and the time
  // too). Their sum is the table's width inside the card at 1440 px; narrower, the table scrolls; on a phone, one stacked cell.
  const layout = useListColumns<Case>({ title: '案件', cell: stacked }, [
    { title: '案号', dataIndex: 'caseNo', width: 180, className: 'cell-nowrap', render: (t: string, c) => <Link to={`/mediation/${c.id}`}>{t}</Link> },
    { title: '案由', dataIndex: 'title', width: 300, render: (_: unknown, c) => <div>{titleWithRisk(c)}<div className="timeline-meta">{typeAndChannel(c)}</div></div> },
    { title: '当事人', dataIndex: 'parties', width: 150, render: (_: unknown, c) => partyNames(c) },
    { title: '层级', dataIndex: 'currentLevel', width: 70, render: (v: string | null) => (v ? LEVEL_LABELS[v] : '—') },
    { title: '状态', dataIndex: 'stage', width: 120, render: (_: unknown, c) => stateTag(c) },
    { title: '金额', dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number | null) => (v === null ? '—' : <Money fen={v} />) },
    { title: '登记时间', dataIndex: 'registeredAt', width: 150, className: 'cell-nowrap', render: (v: string) => formatDateTime(v) },
  ], 1080);
  const opts = (labels: Record<string, string>, all: string) => [{ value: '', label: all }, ...Object.entries(labels).map(([value, label]) => ({ value, label }))];
  return (
    <div className="page">
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>矛盾调解</Typography.Title>
          <Typography.Text type="secondary">多口受理、合理分流、高效调处:社区 → 街道 → 区 三级三轮调解。</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={csv.exporting} disabled={!query.data?.total} onClick={() => void exportLedger()}>
            导出台账
          </Button>
          {/* Only for those who may register one (an auditor or the district's organisation department reads cases only). */}
          {canSee(me, entryByKey('mediation-new')) ? <Link to="/mediation/new"><Button type="primary" icon={<PlusOutlined />}>案件登记</Button></Link> : null}
        </Space>
      </div>
      <Card>
        <Space wrap className="filters">
          <ListSearch label="搜索案件" placeholder="案号、案由或当事人" value={f.q} onSearch={(q) => list.set({ q })} />
          <Select aria-label="阶段" style={{ width: 130 }} value={f.stage} onChange={(v) => list.set({ stage: v })} options={opts(CASE_STAGE_LABELS, '全部阶段')} />
          <Select aria-label="受理渠道" style={{ width: 150 }} value={f.channel} onChange={(v) => list.set({ channel: v })} options={opts(CHANNEL_LABELS, '全部渠道')} />
          <Select aria-label="纠纷类型" style={{ width: 160 }} value={f.disputeType} onChange={(v) => list.set({ disputeType: v })} options={opts(DISPUTE_TYPE_LABELS, '全部类型')} />
          <Select aria-label="调解层级" style={{ width: 120 }} value={f.level} onChange={(v) => list.set({ level: v })} options={opts(LEVEL_LABELS, '全部层级')} />
          <Select aria-label="调解结果" style={{ width: 150 }} value={f.outcome} onChange={(v) => list.set({ outcome: v })} options={[{ value: '', label: '全部结果' }, ...CASE_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))]} />
          <Select aria-label="司法确认" style={{ width: 150 }} value={f.judicialStatus} onChange={(v) => list.set({ judicialStatus: v })} options={opts(JUDICIAL_STATUS_LABELS, '全部司法确认')} />
          <UnitFilter label="纠纷发生地所在街道、社区或网格" value={f.unitId} onChange={(unitId) => list.set({ unitId })} />
          <PeriodPicker label="登记日期" clearable value={period} onChange={(v: Period | null) => list.set(periodFilter(v))} />
        </Space>
        {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : (
          <Table<Case>
            rowKey="id"
            {...table}
            locale={{ emptyText: '暂无调解案件' }}
            {...layout}
          />
        )}
      </Card>
    </div>
  );
}
