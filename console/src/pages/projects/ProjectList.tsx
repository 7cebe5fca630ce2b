// 党建项目 list: filters (stage, street, community, year, overdue), paged;
// 导出台账 writes every project the filters find (amounts in yuan).
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../api/client';
import { everyPage, LIST_PAGE_MAX } from '../../api/every-page';
import { canSee, entryByKey } from '../../access';
import { Money } from '../../components/Money';
import { Stacked, useListColumns } from '../../components/Stacked';
import { ErrorState } from '../../components/PageState';
import { YearInput } from '../../components/YearInput';
import { beijingToday, fenToYuan, formatDate } from '../../format';
import { useCsvExport } from '../../hooks/csv-export';
import { useListState, usePagedList } from '../../hooks/list-state';
import { yearOf, YES_NO } from '../../list-address';
import { useUnits } from '../../hooks/org';
import { useSession } from '../../session';
import { PROJECT_STAGE_LABELS, STAGE_COLORS } from './labels';

type Project = ResponseOf<'/api/projects', 'get'>['items'][number];
type ProjectQuery = Omit<QueryOf<'/api/projects', 'get'>, 'limit' | 'offset'>;
type Stage = Project['stage'];

/** Every project `query` finds. */
const everyProject = (query: ProjectQuery) => everyPage(LIST_PAGE_MAX, (page) => unwrap(api.GET('/api/projects', { params: { query: { ...query, ...page } } })));

/** The projects as a ledger's rows, amounts in yuan. */
export function projectLedgerRows(projects: readonly Project[]): unknown[][] {
  return [
    ['项目名称', '类别', '社区', '年度', '阶段', '预算(元)', '已预留(元)', '已拨付(元)', '奖补已拨付(元)', '验收等次', '下一期限', '逾期', '暂停'],
    ...projects.map((p) => [
      p.title, p.category, p.communityName, p.year, p.stageLabel || PROJECT_STAGE_LABELS[p.stage] || p.stage,
      fenToYuan(p.budgetFen), fenToYuan(p.reservedFen), fenToYuan(p.paidFen), fenToYuan(p.rewardPaidFen), p.ratingLabel ?? '',
      p.nextDueAt ? formatDate(p.nextDueAt) : '', p.overdue ? '是' : '', p.suspended ? '是' : '',
    ]),
  ];
}

const stageTags = (p: Project) => (
  <Space size={4} wrap>
    <Tag color={STAGE_COLORS[p.stage]}>{p.stageLabel || PROJECT_STAGE_LABELS[p.stage] || p.stage}</Tag>
    {p.suspended ? <Tag color="warning">已暂停</Tag> : null}
  </Space>
);
const due = (p: Project) => (p.overdue ? <span className="overdue">{formatDate(p.nextDueAt)} 已逾期</span> : formatDate(p.nextDueAt));
const name = (p: Project) => <Link to={`/projects/${p.id}`}>{p.title}</Link>;

export default function ProjectListPage() {
  const { me, now } = useSession();
  const list = useListState({ stage: '', streetId: '', communityId: '', year: '', overdue: '' }, { stage: Object.keys(PROJECT_STAGE_LABELS), overdue: YES_NO });
  const { stage, streetId, communityId, overdue } = list.filters;
  const year = yearOf(list.filters.year);
  const streets = useUnits('street').units;
  const allCommunities = useUnits('community').units;
  const communities = allCommunities.filter((c) => !streetId || c.parentId === streetId);
  const filters: ProjectQuery = {
    stage: (stage || undefined) as Stage,
    streetId: streetId || undefined,
    communityId: communityId || undefined,
    year: year ?? undefined,
    overdue: overdue ? (overdue as 'true' | 'false') : undefined,
  };
  const { query, table } = usePagedList(['projects', filters], list, (paging) => unwrap(api.GET('/api/projects', { params: { query: { ...filters, ...paging } } })), '项');
  const csv = useCsvExport();
  // On a phone, a project as one stacked cell (as the other lists): seven columns scrolled sideways there.
  const layout = useListColumns<Project>(
    {
      title: '项目',
      cell: (p) => (
        <Stacked>
          {name(p)}
          <span className="timeline-meta">{p.communityName} · {p.year} 年度</span>
          {stageTags(p)}
          <span>预算 <Money fen={p.budgetFen} /> · 已拨付 <Money fen={p.paidFen} /></span>
          {p.nextDueAt ? <span>下一期限 {due(p)}</span> : null}
        </Stacked>
      ),
    },
    [
      { title: '项目名称', dataIndex: 'title', render: (_, p) => name(p) },
      { title: '社区', dataIndex: 'communityName', width: 130 },
      { title: '年度', dataIndex: 'year', width: 80 },
      { title: '阶段', dataIndex: 'stage', width: 150, render: (_, p) => stageTags(p) },
      { title: '预算', dataIndex: 'budgetFen', width: 140, align: 'right', render: (v: number) => <Money fen={v} /> },
      { title: '已拨付', dataIndex: 'paidFen', width: 140, align: 'right', render: (v: number) => <Money fen={v} /> },
      { title: '下一期限', dataIndex: 'nextDueAt', width: 150, render: (_, p) => due(p) },
    ],
    900,
  );
  return (
    <div className="page">
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>党建项目</Typography.Title>
          <Typography.Text type="secondary">立项 → 公示 → 实施 → 验收 → 激励,金额单位:元</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={csv.exporting} disabled={!query.data?.total} onClick={() => void csv.run(`党建项目台账-${beijingToday(now())}.csv`, async () => projectLedgerRows(await everyProject(filters)))}>
            导出台账
          </Button>
          {canSee(me, entryByKey('project-new')) ? (
            <Link to="/projects/new">
              <Button type="primary" icon={<PlusOutlined />}>新建申报</Button>
            </Link>
          ) : null}
        </Space>
      </div>
      <Card>
        <Space wrap className="filters">
          <Select aria-label="阶段" style={{ width: 140 }} value={stage} onChange={(v) => list.set({ stage: v })} options={[{ value: '', label: '全部阶段' }, ...Object.entries(PROJECT_STAGE_LABELS).map(([value, label]) => ({ value, label }))]} />
          {/* A unit filter only where it can narrow the list: a street's clerk has one street, a community's one community (the org tree holds their own subtree only). */}
          {streets.length > 1 ? <Select aria-label="街道" style={{ width: 160 }} value={streetId} onChange={(v) => list.set({ streetId: v, communityId: '' })} options={[{ value: '', label: '全部街道' }, ...streets.map((s) => ({ value: s.id, label: s.name }))]} /> : null}
          {allCommunities.length > 1 ? <Select aria-label="社区" style={{ width: 160 }} value={communityId} onChange={(v) => list.set({ communityId: v })} options={[{ value: '', label: '全部社区' }, ...communities.map((s) => ({ value: s.id, label: s.name }))]} /> : null}
          <YearInput placeholder="全部" value={year} onChange={(v) => list.set({ year: v === null ? '' : String(v) })} />
          <Select aria-label="是否逾期" style={{ width: 120 }} value={overdue} onChange={(v) => list.set({ overdue: v })} options={[{ value: '', label: '全部期限' }, { value: 'true', label: '有逾期' }, { value: 'false', label: '无逾期' }]} />
        </Space>
        {query.error ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Project>
            rowKey="id"
            {...layout}
            {...table}
            locale={{ emptyText: '暂无符合条件的项目' }}
          />
        )}
      </Card>
    </div>
  );
}
