// 网格事件 list: filters (status, type, urgency, grid/community/street,
// overdue, search) and server-side paging; the reporter's phone masked as the
// API gives it. 导出台账 writes every incident the filters find as a
// spreadsheet (without the reporter's name or phone).
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../api/client';
import { everyPage, LIST_PAGE_MAX } from '../../api/every-page';
import { canSee, entryByKey } from '../../access';
import { Stacked, useListColumns } from '../../components/Stacked';
import { ErrorState } from '../../components/PageState';
import { ListSearch } from '../../components/ListSearch';
import { useCsvExport } from '../../hooks/csv-export';
import { useListState, usePagedList } from '../../hooks/list-state';
import { periodFilter, periodOf, YES_NO } from '../../list-address';
import { PeriodPicker } from '../../components/PeriodPicker';
import { UnitFilter } from '../../components/UnitFilter';
import type { Period } from '../../periods';
import { beijingToday, formatDateTime } from '../../format';
import { useSession } from '../../session';
import { Countdown } from '../../components/Countdown';
import { CHANNEL_LABELS, OPEN, options, OUTCOME_LABELS, SATISFACTION_LABELS, stageColor, STAGE_LABELS, TYPE_LABELS, URGENCY_COLORS, URGENCY_LABELS } from './labels';

type Incident = ResponseOf<'/api/grid-incidents', 'get'>['items'][number];
type IncidentQuery = Omit<QueryOf<'/api/grid-incidents', 'get'>, 'limit' | 'offset'>;

/** Every incident `query` finds. */
const everyIncident = (query: IncidentQuery) => everyPage(LIST_PAGE_MAX, (page) => unwrap(api.GET('/api/grid-incidents', { params: { query: { ...query, ...page } } })));

/** The incidents as a ledger's rows, newest first as the list shows them; no reporter's name or phone. */
export function incidentLedgerRows(incidents: readonly Incident[]): unknown[][] {
  return [
    ['事件编号', '上报时间', '标题', '事件类型', '紧急程度', '受理渠道', '事发地', '具体位置', '处置部门', '状态', '办理结果', '回访满意度', '办结时间'],
    ...incidents.map((c) => [
      c.incidentNo,
      formatDateTime(c.reportedAt),
      c.title,
      c.typeLabel || TYPE_LABELS[c.type],
      c.urgencyLabel || URGENCY_LABELS[c.urgency],
      c.channelLabel || CHANNEL_LABELS[c.channel],
      c.place.name,
      c.address,
      c.assignee?.department ?? '',
      c.stageLabel || STAGE_LABELS[c.stage],
      c.outcome ? (c.outcomeLabel ?? OUTCOME_LABELS[c.outcome]) : '',
      c.satisfaction ? SATISFACTION_LABELS[c.satisfaction] : '',
      c.closedAt ? formatDateTime(c.closedAt) : '',
    ]),
  ];
}

const typeAndUrgency = (c: Incident) => (
  <>
    {c.typeLabel || TYPE_LABELS[c.type]} · <Tag color={URGENCY_COLORS[c.urgency]} className="grid-urgency">{c.urgencyLabel || URGENCY_LABELS[c.urgency]}</Tag>
  </>
);
const stageTag = (c: Incident) => <Tag color={stageColor(c.stage)}>{c.stageLabel || STAGE_LABELS[c.stage]}</Tag>;
/** The open step's deadline; none once the incident is closed or handed to mediation. */
const due = (c: Incident) => (c.stepDueAt && c.stage !== 'closed' && c.stage !== 'converted' ? c.stepDueAt : null);

/** An incident as one cell, for a phone: number and title, type and urgency, place, state and deadline. */
function stacked(c: Incident) {
  const d = due(c);
  return (
    <Stacked>
      <Link to={`/grid/${c.id}`}>{c.incidentNo}</Link>
      <span>{c.title}</span>
      <span className="timeline-meta">{typeAndUrgency(c)}</span>
      <span className="timeline-meta">{c.place.name} · {c.address}</span>
      <Space size={4} wrap>{stageTag(c)}{d ? <Countdown due={d} /> : null}</Space>
    </Stacked>
  );
}
// "全部期限" as the project list and the 待办 say it (not 超期与否, which read as a question).
const OVERDUE = { '': '全部期限', true: '已超期', false: '未超期' } as Record<string, string>;

export default function IncidentListPage() {
  const { me, now } = useSession();
  // 上报日期: none at first (every incident).
  const list = useListState(
    { q: '', stage: '', type: '', urgency: '', unitId: '', overdue: '', from: '', to: '' },
    { stage: [OPEN, ...Object.keys(STAGE_LABELS)], type: Object.keys(TYPE_LABELS), urgency: Object.keys(URGENCY_LABELS), overdue: YES_NO },
  );
  const f = list.filters;
  // One value while the address holds the same dates, as a state was: a new pair at every render is a new value to the picker.
  const period = useMemo(() => periodOf(f.from, f.to), [f.from, f.to]);
  const csv = useCsvExport();
  const filters: IncidentQuery = {
    q: f.q || undefined,
    // 办理中 is every stage but the ended ones: the API's `open`, not a stage.
    stage: (f.stage && f.stage !== OPEN ? f.stage : undefined) as Incident['stage'] | undefined,
    open: f.stage === OPEN ? 'true' : undefined,
    type: (f.type || undefined) as Incident['type'] | undefined,
    urgency: (f.urgency || undefined) as Incident['urgency'] | undefined,
    unitId: f.unitId || undefined,
    overdue: (f.overdue || undefined) as 'true' | 'false' | undefined,
    from: period?.[0].format('YYYY-MM-DD'),
    to: period?.[1].format('YYYY-MM-DD'),
  };
  const { query, table } = usePagedList(['grid-incidents', filters], list, (paging) => unwrap(api.GET('/api/grid-incidents', { params: { query: { ...filters, ...paging } } })), '件');
  const exportLedger = () => csv.run(`网格事件台账-${beijingToday(now())}.csv`, async () => incidentLedgerRows(await everyIncident(filters)));
  const layout = useListColumns<Incident>({ title: '事件', cell: stacked }, [
    { title: '事件编号', dataIndex: 'incidentNo', width: 170, className: 'cell-nowrap', render: (t: string, c) => <Link to={`/grid/${c.id}`}>{t}</Link> },
    { title: '标题', dataIndex: 'title', render: (_: unknown, c) => <div>{c.title}<div className="timeline-meta">{typeAndUrgency(c)}</div></div> },
    { title: '位置', dataIndex: 'place', width: 190, render: (_: unknown, c) => <div>{c.place.name}<div className="timeline-meta">{c.address}</div></div> },
    { title: '状态', dataIndex: 'stage', width: 110, render: (_: unknown, c) => stageTag(c) },
    { title: '当前步骤期限', dataIndex: 'stepDueAt', width: 170, render: (_: unknown, c) => (due(c) ? <div>{formatDateTime(due(c))}<div><Countdown due={due(c)!} /></div></div> : '—') },
    { title: '反映人', dataIndex: 'contactName', width: 120, render: (_: unknown, c) => (c.contactName || c.contactPhone ? <div>{c.contactName ?? ''}<div className="timeline-meta">{c.contactPhone ?? ''}</div></div> : '—') },
    { title: '上报时间', dataIndex: 'reportedAt', width: 150, className: 'cell-nowrap', render: (v: string) => formatDateTime(v) },
  ], 1110);
  return (
    <div className="page">
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>网格事件</Typography.Title>
          <Typography.Text type="secondary">人在网格走,事在网格办:前台一口受理,后台分工协同,限时处置,核查办结。</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={csv.exporting} disabled={!query.data?.total} onClick={() => void exportLedger()}>
            导出台账
          </Button>
          {canSee(me, entryByKey('grid-new')) ? <Link to="/grid/new"><Button type="primary" icon={<PlusOutlined />}>事件上报</Button></Link> : null}
        </Space>
      </div>
      <Card>
        <Space wrap className="filters">
          <ListSearch label="搜索事件" placeholder="事件编号、标题或位置" value={f.q} onSearch={(q) => list.set({ q })} />
          <Select aria-label="状态" style={{ width: 140 }} value={f.stage} onChange={(v) => list.set({ stage: v })} options={[...options({}, '全部状态'), { value: OPEN, label: '办理中(未办结)' }, ...options(STAGE_LABELS)]} />
          <Select aria-label="事件类型" style={{ width: 130 }} value={f.type} onChange={(v) => list.set({ type: v })} options={options(TYPE_LABELS, '全部类型')} />
          <Select aria-label="紧急程度" style={{ width: 140 }} value={f.urgency} onChange={(v) => list.set({ urgency: v })} options={options(URGENCY_LABELS, '全部紧急程度')} />
          <UnitFilter label="所在街道、社区或网格" value={f.unitId} onChange={(unitId) => list.set({ unitId })} />
          <Select aria-label="是否超期" style={{ width: 110 }} value={f.overdue} onChange={(v) => list.set({ overdue: v })} options={Object.entries(OVERDUE).map(([value, label]) => ({ value, label }))} />
          <PeriodPicker label="上报日期" clearable value={period} onChange={(v: Period | null) => list.set(periodFilter(v))} />
        </Space>
        {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : (
          <Table<Incident>
            rowKey="id"
            {...table}
            locale={{ emptyText: '暂无网格事件' }}
            {...layout}
          />
        )}
      </Card>
    </div>
  );
}
