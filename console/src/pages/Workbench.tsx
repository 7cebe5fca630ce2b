// 工作台 / 待办: open tasks (mine and claimable) by due date, overdue in red,
// counts per process, 领取, 办理 (lands on the completing form), 已办, and the
// records the person follows without working on them: 已抄送 (copied to them)
// and 我发起 (started by them), each showing where the record waits now.
// ?process=…&subjectId=… narrows every tab to one record; ?tab=… is the tab
// open and the filters are in the address too, so that 返回 from a record
// opened under 已办 or 已逾期 lands there again.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Drawer, Row, Segmented, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, newIdempotencyKey, unwrap, type Schemas } from '../api/client';
import { menuFor, type Me } from '../access';
import { PROCESS_LABELS, taskLink } from '../actions';
import { Stacked, useListColumns } from '../components/Stacked';
import { ErrorState } from '../components/PageState';
import { formatDateTime } from '../format';
import { Countdown } from '../components/Countdown';
import { TaskOps } from '../components/TaskOps';
import { useAddressParams, useCursorPaging, useListState } from '../hooks/list-state';
import { listAddress, YES_NO } from '../list-address';
import { useNarrow } from '../hooks/narrow';
import { useCovering } from '../hooks/proxies';
import { useSession } from '../session';

type Task = Schemas['Task'];
type Assignment = 'all' | 'mine' | 'claimable';
type View = 'inbox' | 'copied' | 'started';

function DueCell({ task }: { task: Task }) {
  if (!task.dueAt) return <Typography.Text type="secondary">无期限</Typography.Text>;
  return (
    <span className={task.overdue && task.status === 'open' ? 'overdue' : undefined}>
      {formatDateTime(task.dueAt)}
      {task.status === 'open' ? <span className="overdue-tag"><Countdown due={task.dueAt} /></span> : null}
    </span>
  );
}

function ClaimButton({ task }: { task: Task }) {
  const queryClient = useQueryClient();
  const claim = useMutation({
    mutationFn: () => unwrap(api.POST('/api/tasks/{id}/claim', { params: { path: { id: task.id } }, headers: { 'Idempotency-Key': newIdempotencyKey() } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });
  return (
    <Space direction="vertical" size={2}>
      <Button size="small" onClick={() => claim.mutate()} loading={claim.isPending}>
        领取
      </Button>
      {claim.error ? <Typography.Text type="danger" role="alert">{claim.error.message}</Typography.Text> : null}
    </Space>
  );
}

/** The record the URL narrows the 工作台 to (a detail page links here), or none. */
function useRecordFilter() {
  const [params, update] = useAddressParams();
  const process = params.get('process');
  const subjectId = params.get('subjectId');
  const clear = () =>
    update((next) => {
      next.delete('process');
      next.delete('subjectId');
    });
  return { record: process && subjectId ? { process, subjectId } : null, clear };
}

const TABS = ['open', 'done', 'copied', 'started'] as const;
type TabKey = (typeof TABS)[number];

/** The tab open, from the URL: 待办 unless it names another. */
function useTab(): [TabKey, (tab: string) => void] {
  const [params, update] = useAddressParams();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'open';
  const open = (t: string) =>
    update((next) => {
      if (t === 'open') next.delete('tab');
      else next.set('tab', t);
    });
  return [tab, open];
}

function TaskTable({ status: initialStatus, view = 'inbox' }: { status: 'open' | 'done'; view?: View }) {
  const { me, unitId } = useSession();
  const { record } = useRecordFilter();
  const [status, setStatus] = useState<'open' | 'done'>(initialStatus);
  const following = view !== 'inbox';
  // 业务, 全部/我的/可领取 and 期限 live in the address, as the lists' filters: 返回 from a task opened under 已逾期
  // finds 已逾期 still picked. The 业务 is the record filter's process too (?process=…&subjectId=…).
  const filters = useListState({ process: '', subjectId: '', assignment: 'all', overdue: '' }, { process: Object.keys(PROCESS_LABELS), overdue: YES_NO });
  const { process, overdue } = filters.filters;
  const assignment = (['all', 'mine', 'claimable'] as const).find((a) => a === filters.filters.assignment) ?? 'all';
  const inbox = status === 'open' && !following;
  const paging = useCursorPaging(JSON.stringify([view, status, process, assignment, overdue, unitId, record]));
  const { cursor } = paging;
  const query = useQuery({
    queryKey: ['tasks', view, status, process, assignment, overdue, unitId, record, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/api/tasks', {
          params: {
            query: {
              status,
              view,
              // 全部/我的/可领取 and 期限 are the 待办's own (only it shows them): the address's do not narrow 已办 or what one follows.
              assignment: inbox ? assignment : 'all',
              process: record?.process ?? (process || undefined),
              subjectId: record?.subjectId,
              overdue: inbox && overdue ? (overdue as 'true' | 'false') : undefined,
              // Records one follows are not one's unit's work: no unit narrowing there.
              unitId: following ? undefined : (unitId ?? undefined),
              limit: 20,
              cursor,
            },
          },
        }),
      ),
    refetchInterval: 5000,
    // The page turned stays under the spinner until the next one comes: the table went blank at each 下一页.
    placeholderData: keepPreviousData,
  });
  const covering = useCovering();
  const myId = useSession().me?.person.id;
  const [opsFor, setOpsFor] = useState<Task | null>(null);

  // A phone gets two columns: the record with its process, unit and deadline under the title, and the
  // buttons. The desktop's six left the title a few characters a line in a table that scrolled sideways,
  // on the screen grid workers carry.
  const narrow = useNarrow();
  const processTag = (t: Task) => <Tag>{PROCESS_LABELS[t.process] ?? t.process}</Tag>;
  const when = (t: Task) => (status === 'open' ? <DueCell task={t} /> : formatDateTime(t.completedAt));
  const state = (t: Task) => (
    <Space size={4} wrap>
      {t.status === 'done' ? <Tag color="success">已办结</Tag> : t.claimable ? <Tag color="warning">待领取</Tag> : <Tag color="processing">待办理</Tag>}
      {t.status === 'open' && t.assigneeId && t.assigneeId !== myId && covering.has(t.assigneeId) ? <Tag color="purple" className="on-behalf">代 {covering.get(t.assigneeId)}</Tag> : null}
      {t.status === 'open' && t.delegateId === myId ? <Tag color="gold">委派给我</Tag> : null}
    </Space>
  );
  const operations = (t: Task) =>
    t.status !== 'open' || following ? (
      <Link to={taskLink(t)}>查看</Link>
    ) : (
      <Space size={4} direction={narrow ? 'vertical' : 'horizontal'}>
        {t.claimable ? (
          <ClaimButton task={t} />
        ) : (
          <Link to={taskLink(t)}>
            <Button type="primary" size="small">办理</Button>
          </Link>
        )}
        {t.process === 'reporting' && t.action === 'vote' ? null : (
          <Button size="small" onClick={() => setOpsFor(t)}>协办</Button>
        )}
      </Space>
    );
  const title = (t: Task) => <Link to={taskLink(t)}>{t.title}</Link>;
  const layout = useListColumns<Task>(
    {
      title: '事项',
      cell: (t) => (
        <Stacked>
          {title(t)}
          <span className="timeline-meta">{processTag(t)}{t.unitName ?? ''}</span>
          {/* The desktop's column heads say what the time is; here the line does. */}
          <span>{status === 'open' ? (t.dueAt ? '期限 ' : '') : '办结 '}{when(t)}</span>
          {state(t)}
        </Stacked>
      ),
      actions: { width: 84, render: operations },
    },
    [
      { title: '事项', dataIndex: 'title', render: (_, t) => title(t) },
      { title: '业务', dataIndex: 'process', width: 110, render: (_, t) => processTag(t) },
      { title: '单位', dataIndex: 'unitName', width: 170, render: (v: string | null) => v ?? '—' },
      status === 'open'
        ? { title: '办理期限', dataIndex: 'dueAt', width: 270, render: (_, t) => when(t) }
        : { title: '办结时间', dataIndex: 'completedAt', width: 170, render: (_, t) => when(t) },
      { title: '状态', width: 100, render: (_, t) => state(t) },
      { title: '操作', width: 170, render: (_, t) => operations(t) },
    ],
    800,
  );

  return (
    <>
      <Drawer open={opsFor !== null} onClose={() => setOpsFor(null)} title={opsFor ? `任务协办:${opsFor.title}` : '任务协办'} width={560} destroyOnHidden>
        {opsFor ? <TaskOps process={opsFor.process} subjectId={opsFor.subjectId} taskId={opsFor.id} bare /> : null}
      </Drawer>
      <Space wrap className="filters">
        <Select
          aria-label="业务"
          value={process}
          style={{ width: 140 }}
          onChange={(v) => filters.set({ process: v, subjectId: '' })}
          // The person's processes, as the counts above; one of the page's rows keeps its process offered.
          options={[{ value: '', label: '全部业务' }, ...processesShown(me, unitId, query.data?.items ?? []).map((value) => ({ value, label: PROCESS_LABELS[value]! }))]}
        />
        {following ? (
          <Segmented<'open' | 'done'>
            value={status}
            onChange={setStatus}
            options={[{ value: 'open', label: '办理中' }, { value: 'done', label: '已办结' }]}
          />
        ) : null}
        {inbox ? (
          <>
            <Segmented<Assignment>
              value={assignment}
              onChange={(v) => filters.set({ assignment: v })}
              options={[{ value: 'all', label: '全部' }, { value: 'mine', label: '我的' }, { value: 'claimable', label: '可领取' }]}
            />
            <Select
              aria-label="是否逾期"
              value={overdue}
              style={{ width: 120 }}
              onChange={(v) => filters.set({ overdue: v })}
              options={[{ value: '', label: '全部期限' }, { value: 'true', label: '已逾期' }, { value: 'false', label: '未逾期' }]}
            />
          </>
        ) : null}
      </Space>
      {query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Task>
          rowKey="id"
          {...layout}
          dataSource={query.data?.items ?? []}
          loading={query.isLoading || query.isPlaceholderData}
          pagination={false}
          rowClassName={(t) => (t.overdue && t.status === 'open' ? 'row-overdue' : '')}
          locale={{ emptyText: view === 'copied' ? '暂无抄送给您的事项' : view === 'started' ? '暂无您发起的事项' : status === 'open' ? '暂无待办事项' : '暂无已办事项' }}
        />
      )}
      <Space className="pager">
        <Button disabled={paging.page <= 1} onClick={paging.previous}>
          上一页
        </Button>
        <Button disabled={!query.data?.nextCursor} onClick={() => query.data?.nextCursor && paging.next(query.data.nextCursor)}>
          下一页
        </Button>
      </Space>
    </>
  );
}

/**
 * The processes whose counts the 工作台 shows: those the person's menu has (for the unit being worked as), and any
 * other in which they have work (a deputy's, a transfer's). A finance officer saw 双向述职, 矛盾调解 and 网格事件 at 0
 * on every visit.
 */
function processesShown(me: Me | undefined, unitId: string | null | undefined, items: readonly Task[]): string[] {
  // A process's menu group is named by its label (党建项目, 双向述职, 矛盾调解, 网格事件).
  const groups = new Set(menuFor(me, unitId).map((e) => e.group));
  return Object.entries(PROCESS_LABELS).filter(([p, label]) => groups.has(label) || items.some((t) => t.process === p)).map(([p]) => p);
}

function Counts() {
  const { me, unitId } = useSession();
  const all = useQuery({
    queryKey: ['tasks', 'counts', unitId],
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { status: 'open', assignment: 'all', limit: 100, unitId: unitId ?? undefined } } })),
  });
  const items = all.data?.items ?? [];
  const more = all.data?.nextCursor ? '+' : '';
  const count = (p?: string) => items.filter((t) => !p || t.process === p).length;
  const overdue = items.filter((t) => t.overdue).length;
  const narrow = useNarrow();
  const processes = processesShown(me, unitId, items);
  // Two totals and the processes fill one row of 24 on a desktop (span): the processes share its second half.
  // Each count opens the 待办 it counts (the table below, its filters set: 已逾期, one process); none counted, nothing to open.
  const figures: Array<{ title: string; value: number; span: number; suffix?: string; danger?: boolean; filters: Record<string, string> }> = [
    { title: '待办总数', value: count(), span: 6, suffix: more, filters: {} },
    { title: '已逾期', value: overdue, span: 6, danger: overdue > 0, filters: { overdue: 'true' } },
    ...processes.map((p) => ({ title: PROCESS_LABELS[p]!, value: count(p), span: Math.floor(12 / processes.length), filters: { process: p } })),
  ];
  const statistic = (f: (typeof figures)[number]) => (
    <Statistic title={f.title} value={f.value} suffix={f.suffix} valueStyle={f.danger ? { color: '#cf1322' } : undefined} loading={all.isLoading} />
  );
  const opening = (f: (typeof figures)[number], shown: ReactNode) =>
    f.value === 0 ? shown : <Link to={listAddress('/', f.filters)} replace className="figure-link">{shown}</Link>;
  if (narrow) {
    // On a phone six cards took three rows of the first screen, and the 待办 itself started below it: one card, three figures a row.
    return (
      <Card size="small" className="counts counts-compact">
        <Row gutter={[8, 8]}>
          {figures.map((f) => <Col span={8} key={f.title}>{opening(f, statistic(f))}</Col>)}
        </Row>
      </Card>
    );
  }
  return (
    <Row gutter={[16, 16]} className="counts">
      {figures.map((f) => (
        <Col span={f.span} key={f.title}>
          {opening(f, <Card size="small" hoverable={f.value > 0}>{statistic(f)}</Card>)}
        </Col>
      ))}
    </Row>
  );
}

export default function WorkbenchPage() {
  const { me } = useSession();
  const { record, clear } = useRecordFilter();
  const [tab, setTab] = useTab();
  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={3}>工作台</Typography.Title>
        <Typography.Text type="secondary">您好,{me?.person.displayName},以下是您需要办理的事项。</Typography.Text>
      </div>
      <Counts />
      <Card className="section-card">
        {record ? (
          <Tag closable onClose={clear} className="record-filter">
            仅显示该{PROCESS_LABELS[record.process] ?? record.process}事项的任务
          </Tag>
        ) : null}
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'open', label: '待办', children: <TaskTable status="open" /> },
            { key: 'done', label: '已办', children: <TaskTable status="done" /> },
            { key: 'copied', label: '已抄送', children: <TaskTable status="open" view="copied" /> },
            { key: 'started', label: '我发起', children: <TaskTable status="open" view="started" /> },
          ]}
        />
      </Card>
      <Alert className="hint" type="info" showIcon message="办理期限按北京时间显示;红色为已逾期事项。" />
    </div>
  );
}
