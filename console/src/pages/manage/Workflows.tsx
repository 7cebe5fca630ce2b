// 流程运维 (district administrator): find process instances by the record
// they run (a case's title or number, a project's name), type, state and id
// (or a query in Temporal's list filter language), see what one is
// waiting for — its pending activities with their attempts and last failure,
// its last events in words — and act on it: retry a failing activity now,
// reset it to its last (or a chosen) completed workflow task, cancel or
// terminate it. Every action asks for a reason, which
// the API writes to the audit log; a refused action shows its message here.
// Above them, the workers polling the platform's task queue: when none is
// online, nothing submitted completes, and this says so first.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, newIdempotencyKey, unwrap, type Schemas } from '../../api/client';
import { ErrorState, QueryView } from '../../components/PageState';
import { Stacked, useListColumns } from '../../components/Stacked';
import { useNarrow } from '../../hooks/narrow';
import { useListState } from '../../hooks/list-state';
import { formatDateTime } from '../../format';
import { useSession } from '../../session';
import { actionSpec, type ProcessName } from '../../actions';
import { ACTIVITIES, activityLabel } from './activity-labels';

type Execution = Schemas['WorkflowExecution'];
type Description = Schemas['WorkflowDescription'];
type Activity = Schemas['PendingActivity'];
type HistoryEvent = Schemas['WorkflowEvent'];
type Subject = NonNullable<Execution['subject']>;

/** The platform's workflow types: their name for people, and the process whose action labels their updates carry. */
const TYPES: Record<string, { label: string; process: ProcessName }> = {
  projectWorkflow: { label: '党建项目', process: 'project' },
  mediationWorkflow: { label: '矛盾调解', process: 'mediation' },
  gridIncidentWorkflow: { label: '网格事件', process: 'grid' },
  reportingCycle: { label: '双向述职(年度)', process: 'reporting' },
  reportingCommunity: { label: '双向述职(社区)', process: 'reporting' },
  reportingYearly: { label: '双向述职(年度排程)', process: 'reporting' },
};
const typeLabel = (type: string) => TYPES[type]?.label ?? type;
const STATUS: Record<string, { label: string; color: string }> = {
  Running: { label: '运行中', color: 'processing' },
  Completed: { label: '已完成', color: 'success' },
  Failed: { label: '失败', color: 'error' },
  Canceled: { label: '已取消', color: 'default' },
  Terminated: { label: '已终止', color: 'warning' },
  TimedOut: { label: '已超时', color: 'error' },
  ContinuedAsNew: { label: '已续作', color: 'default' },
};
const ACTIVITY_STATE: Record<Activity['state'], string> = { scheduled: '等待执行', started: '执行中', cancelRequested: '取消中', paused: '已暂停', unknown: '未知' };

interface Filters {
  subject?: string;
  type?: string;
  status?: string;
  idPrefix?: string;
  advanced?: string;
}

/** The filter form as a list query: the advanced text, when given, is used as it is. */
export function listQuery(f: Filters): string {
  if (f.advanced?.trim()) return f.advanced.trim();
  const parts: string[] = [];
  const quote = (v: string) => `'${v.replace(/'/g, "\\'")}'`;
  if (f.type) parts.push(`WorkflowType = ${quote(f.type)}`);
  if (f.status) parts.push(`ExecutionStatus = ${quote(f.status)}`);
  if (f.idPrefix?.trim()) parts.push(`WorkflowId STARTS_WITH ${quote(f.idPrefix.trim())}`);
  return parts.join(' AND ');
}

/** What a workflow runs: the record's title (a link to its page), its number and unit below. */
function SubjectCell({ subject }: { subject: Subject | null }) {
  if (!subject) return <Typography.Text type="secondary">—</Typography.Text>;
  const meta = [subject.number, subject.unitName].filter(Boolean).join(' · ');
  return (
    <Space direction="vertical" size={0}>
      {subject.path ? <Link to={subject.path}>{subject.title}</Link> : subject.title}
      {meta ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {meta}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

const statusTag = (status: string) => <Tag color={STATUS[status]?.color}>{STATUS[status]?.label ?? status}</Tag>;

type Operation =
  | { kind: 'terminate' | 'cancel'; workflowId: string }
  /** Without an event: to the last completed workflow task. */
  | { kind: 'reset'; workflowId: string; eventId?: number }
  | { kind: 'retry'; workflowId: string; activity: Activity };

const OPERATION_TITLE: Record<Operation['kind'], string> = {
  retry: '立即重试活动',
  reset: '重置到最近一次工作流任务',
  cancel: '取消流程',
  terminate: '终止流程',
};
const OPERATION_HINT: Record<Operation['kind'], string> = {
  retry: '该活动将立即再次执行,重试次数从 1 重新计算。',
  reset: '流程将从最近一次完成的工作流任务起重新运行(新的运行实例),此后收到的信号会重新送达。',
  cancel: '请求流程自行取消:流程可完成收尾后结束。',
  terminate: '立即结束流程,不再执行任何后续步骤。此操作不可撤销。',
};

/** Asks for the reason and performs the operation; the API audits it. */
function OperationDialog({ op, onClose }: { op: Operation; onClose: () => void }) {
  const queryClient = useQueryClient();
  // The dialog opens from the process's drawer, whose description is in the cache.
  const subject = queryClient.getQueryData<Description>(['admin-workflows', 'detail', op.workflowId])?.execution.subject ?? null;
  const title = op.kind === 'retry' ? `${OPERATION_TITLE.retry}:${activityLabel(op.activity.activityType)}` : op.kind === 'reset' && op.eventId ? `重置到事件 ${op.eventId}` : OPERATION_TITLE[op.kind];
  const [form] = Form.useForm<{ reason: string }>();
  const [key] = useState(newIdempotencyKey);
  const run = useMutation({
    mutationFn: ({ reason }: { reason: string }) => {
      const headers = { 'Idempotency-Key': key };
      const path = { workflowId: op.workflowId };
      switch (op.kind) {
        case 'retry':
          return unwrap(api.POST('/api/admin/workflows/{workflowId}/activities/{activityId}/retry', { params: { path: { ...path, activityId: op.activity.activityId } }, body: { reason }, headers }));
        case 'reset':
          return unwrap(api.POST('/api/admin/workflows/{workflowId}/reset', { params: { path }, body: { reason, ...(op.eventId ? { eventId: op.eventId } : {}) }, headers }));
        case 'cancel':
          return unwrap(api.POST('/api/admin/workflows/{workflowId}/cancel', { params: { path }, body: { reason }, headers }));
        case 'terminate':
          return unwrap(api.POST('/api/admin/workflows/{workflowId}/terminate', { params: { path }, body: { reason }, headers }));
      }
    },
    onSuccess: async () => {
      void message.success(`${title}:已完成`);
      await queryClient.invalidateQueries({ queryKey: ['admin-workflows'] });
      onClose();
    },
    // A refusal usually means the page is behind (the activity ran by itself, the process ended): show what is true now behind the dialog.
    onError: () => void queryClient.invalidateQueries({ queryKey: ['admin-workflows'] }),
  });
  return (
    <Modal
      open
      maskClosable={false}
      title={title}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ danger: op.kind === 'terminate' }}
      confirmLoading={run.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => run.mutate(v))}
    >
      <Typography.Paragraph>
        {op.kind === 'reset' && op.eventId
          ? `流程将从事件 ${op.eventId}(工作流任务完成)起重新运行(新的运行实例):此后的步骤重新执行,此后收到的信号会重新送达。`
          : OPERATION_HINT[op.kind]}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {/* What is acted on, by the record's name first: a terminate must not hit the wrong case for want of reading a uuid. */}
        {subject ? `业务:${subject.title}${subject.number ? `(${subject.number})` : ''}${subject.unitName ? ` · ${subject.unitName}` : ''}` : null}
        {subject ? <br /> : null}
        流程:{op.workflowId}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="workflow-operation">
        <Form.Item name="reason" label="原因(记入审计日志)" rules={[{ validator: (_, v) => (String(v ?? '').trim() ? Promise.resolve() : Promise.reject(new Error('请填写原因'))) }]}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {run.error ? <Alert role="alert" type="error" showIcon message="操作未成功" description={run.error.message} /> : null}
    </Modal>
  );
}

/** Temporal's event types as an operator reads them; one not listed shows as Temporal names it. */
const EVENT_LABELS: Record<string, string> = {
  WorkflowExecutionStarted: '流程开始',
  WorkflowExecutionCompleted: '流程完成',
  WorkflowExecutionFailed: '流程失败',
  WorkflowExecutionTimedOut: '流程超时',
  WorkflowExecutionTerminated: '流程终止',
  WorkflowExecutionCanceled: '流程已取消',
  WorkflowExecutionCancelRequested: '请求取消流程',
  WorkflowExecutionContinuedAsNew: '流程续作',
  WorkflowExecutionSignaled: '收到信号',
  WorkflowExecutionUpdateAccepted: '接受办理',
  WorkflowExecutionUpdateCompleted: '办理完成',
  WorkflowTaskScheduled: '工作流任务排队',
  WorkflowTaskStarted: '工作流任务开始',
  WorkflowTaskCompleted: '工作流任务完成',
  WorkflowTaskFailed: '工作流任务失败',
  WorkflowTaskTimedOut: '工作流任务超时',
  ActivityTaskScheduled: '活动排队',
  ActivityTaskStarted: '活动开始',
  ActivityTaskCompleted: '活动完成',
  ActivityTaskFailed: '活动失败',
  ActivityTaskTimedOut: '活动超时',
  ActivityTaskCancelRequested: '请求取消活动',
  ActivityTaskCanceled: '活动已取消',
  TimerStarted: '开始计时',
  TimerFired: '计时到期',
  TimerCanceled: '取消计时',
  UpsertWorkflowSearchAttributes: '更新检索属性',
};
const MARKER_LABELS: Record<string, string> = { core_local_activity: '本地活动', core_patch: '版本标记' };

/** What an event is about, in words: an activity by what it does, an action by its label, a timer by when it fires. */
function eventDetail(e: HistoryEvent, process: ProcessName | undefined) {
  const isActivity = e.type.startsWith('ActivityTask') || e.marker === 'core_local_activity';
  const name = !e.name
    ? null
    : isActivity
      ? activityLabel(e.name)
      : e.type.startsWith('WorkflowExecutionUpdate') && process
        ? actionSpec(process, e.name).label
        : e.type.startsWith('Timer') || e.type === 'WorkflowExecutionStarted' || e.marker === 'core_patch'
          ? null
          : e.name;
  return (
    <Space direction="vertical" size={0}>
      {name ? <span>{name}</span> : null}
      {e.firesAt ? <Typography.Text type="secondary">到期 {formatDateTime(e.firesAt)}</Typography.Text> : null}
      {e.failure ? <Typography.Text type="danger">{e.failure}</Typography.Text> : null}
    </Space>
  );
}

/** The run's last events, newest first; a completed workflow task is a point it may be reset to. */
function RecentEvents({ d, onOperate }: { d: Description; onOperate: (op: Operation) => void }) {
  const process = TYPES[d.execution.workflowType]?.process;
  const running = d.execution.status === 'Running';
  const columns: ColumnsType<HistoryEvent> = [
    { title: '序号', dataIndex: 'eventId', width: 64 },
    { title: '时间', dataIndex: 'time', width: 150, render: (t: string | null) => formatDateTime(t) },
    { title: '事件', dataIndex: 'type', render: (t: string, e) => (e.marker ? MARKER_LABELS[e.marker] ?? e.marker : EVENT_LABELS[t] ?? t) },
    { title: '内容', key: 'detail', render: (_, e) => eventDetail(e, process) },
    {
      title: '操作',
      key: 'op',
      render: (_, e) =>
        running && e.type === 'WorkflowTaskCompleted' ? (
          <Button size="small" onClick={() => onOperate({ kind: 'reset', workflowId: d.execution.workflowId, eventId: e.eventId })}>
            重置到此处
          </Button>
        ) : null,
    },
  ];
  return (
    <Card size="small" title={`最近的流程事件(最近 ${d.recentEvents.length} 个,新的在前)`}>
      <Table rowKey="eventId" size="small" columns={columns} dataSource={d.recentEvents} pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }} scroll={{ x: 'max-content' }} />
    </Card>
  );
}

function WorkflowDetail({ workflowId, onOperate }: { workflowId: string; onOperate: (op: Operation) => void }) {
  const detail = useQuery({
    queryKey: ['admin-workflows', 'detail', workflowId],
    queryFn: () => unwrap(api.GET('/api/admin/workflows/{workflowId}', { params: { path: { workflowId } } })),
  });
  const columns: ColumnsType<Activity> = [
    {
      title: '活动',
      dataIndex: 'activityType',
      render: (type: string) =>
        ACTIVITIES[type] ? (
          <Space direction="vertical" size={0}>
            {ACTIVITIES[type]}
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {type}
            </Typography.Text>
          </Space>
        ) : (
          type
        ),
    },
    { title: '状态', dataIndex: 'state', render: (s: Activity['state']) => ACTIVITY_STATE[s] },
    { title: '第几次尝试', dataIndex: 'attempt', render: (n: number, a) => (a.maximumAttempts ? `${n} / ${a.maximumAttempts}` : `${n}(不限次数)`) },
    { title: '最近失败', dataIndex: 'lastFailure', render: (f: Activity['lastFailure']) => (f ? <Typography.Text type="danger">{f.message}</Typography.Text> : '—') },
    { title: '下次执行', dataIndex: 'scheduledTime', render: (t: string | null) => formatDateTime(t) },
    {
      title: '操作',
      key: 'op',
      render: (_, a) =>
        a.lastFailure || a.attempt > 1 ? (
          <Button size="small" onClick={() => onOperate({ kind: 'retry', workflowId, activity: a })}>
            立即重试
          </Button>
        ) : null,
    },
  ];
  return (
    <QueryView query={detail}>
      {(d: Description) => {
        const running = d.execution.status === 'Running';
        return (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="业务">
                <SubjectCell subject={d.execution.subject} />
              </Descriptions.Item>
              <Descriptions.Item label="流程">{typeLabel(d.execution.workflowType)}</Descriptions.Item>
              <Descriptions.Item label="状态">{statusTag(d.execution.status)}</Descriptions.Item>
              <Descriptions.Item label="开始时间">{formatDateTime(d.execution.startTime)}</Descriptions.Item>
              <Descriptions.Item label="结束时间">{formatDateTime(d.execution.closeTime)}</Descriptions.Item>
              <Descriptions.Item label="历史事件数">{d.execution.historyLength}</Descriptions.Item>
              <Descriptions.Item label="运行实例">
                <Typography.Text copyable code>
                  {d.execution.runId}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="工作流任务">
                {d.pendingWorkflowTask ? `${d.pendingWorkflowTask.state === 'started' ? '执行中' : '等待执行'}(第 ${d.pendingWorkflowTask.attempt} 次)` : '无'}
              </Descriptions.Item>
              <Descriptions.Item label="进行中的办理">{d.pendingUpdates.length ? d.pendingUpdates.map((u) => u.name).join('、') : '无'}</Descriptions.Item>
            </Descriptions>
            <Card size="small" title="待执行的活动">
              {d.pendingActivities.length ? (
                <Table rowKey="activityId" size="small" pagination={false} columns={columns} dataSource={d.pendingActivities} scroll={{ x: 'max-content' }} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待执行的活动" />
              )}
            </Card>
            {running ? (
              <Space wrap>
                <Button disabled={d.lastWorkflowTaskCompletedEventId === null} onClick={() => onOperate({ kind: 'reset', workflowId })}>
                  重置
                </Button>
                <Button onClick={() => onOperate({ kind: 'cancel', workflowId })}>取消流程</Button>
                <Button danger onClick={() => onOperate({ kind: 'terminate', workflowId })}>
                  终止流程
                </Button>
              </Space>
            ) : null}
            <RecentEvents d={d} onOperate={onOperate} />
          </Space>
        );
      }}
    </QueryView>
  );
}

type Workers = Schemas['Workers'];
const QUEUE_LABEL: Record<Workers['queues'][number]['type'], string> = { workflow: '流程任务', activity: '活动任务' };
/** A live worker polls again at least every minute (a long poll lasts up to 60 s): one silent for longer has likely stopped. */
const SILENT_AFTER_S = 90;

const secondsAgo = (at: string | null, checkedAt: string) => (at ? Math.max(0, Math.round((Date.parse(checkedAt) - Date.parse(at)) / 1000)) : null);
/** A poller with no time, or none for SILENT_AFTER_S. */
const isSilent = (ago: number | null) => ago === null || ago > SILENT_AFTER_S;
const span = (s: number) => (s < 120 ? `${Math.round(s)} 秒` : `${Math.round(s / 60)} 分钟`);

/** Who works the platform's task queue: the first thing to look at when submitted actions do not complete. */
function WorkersCard() {
  const workers = useQuery({ queryKey: ['admin-workers'], queryFn: () => unwrap(api.GET('/api/admin/workers')), refetchInterval: 15_000 });
  // Pollers report wall-clock times; under the demo's virtual clock the page's other times are the platform's.
  const wall = useSession().me?.clock?.mode === 'virtual' ? '(实际时间)' : '';
  // On a phone the card's title would give way to the time (工作…): the time is left out there.
  const narrow = useNarrow();
  return (
    <Card
      title="工作进程"
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          {workers.data && !narrow ? <Typography.Text type="secondary">检查于 {formatDateTime(workers.data.checkedAt)}{wall}</Typography.Text> : null}
          <Button size="small" loading={workers.isFetching} onClick={() => void workers.refetch()}>
            刷新
          </Button>
        </Space>
      }
    >
      <QueryView query={workers}>
        {(w) => {
          const idle = w.queues.filter((q) => q.pollers.every((p) => isSilent(secondsAgo(p.lastAccessAt, w.checkedAt))));
          return (
            <Space direction="vertical" style={{ width: '100%' }}>
              {idle.length ? (
                <Alert
                  type="warning"
                  showIcon
                  message={`没有在线的工作进程处理${idle.map((q) => QUEUE_LABEL[q.type]).join('和')}`}
                  description="提交的办理将无法完成(等待超时后提示“未能在…秒内完成”)。请检查 worker 进程是否在运行。"
                />
              ) : null}
              <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
                {w.queues.map((q) => (
                  <Descriptions.Item key={q.type} label={QUEUE_LABEL[q.type]}>
                    <Space wrap size={[8, 4]}>
                      {q.pollers.length ? (
                        q.pollers.map((p) => {
                          const ago = secondsAgo(p.lastAccessAt, w.checkedAt);
                          const silent = isSilent(ago);
                          return (
                            <Tag key={p.identity} color={silent ? 'default' : 'success'}>
                              {p.identity}({ago === null ? '时间未知' : `${span(ago)}前`}{silent ? ',可能已停止' : ''})
                            </Tag>
                          );
                        })
                      ) : (
                        <Typography.Text type="secondary">近 5 分钟无工作进程</Typography.Text>
                      )}
                      <Typography.Text type={q.backlog ? undefined : 'secondary'} strong={!!q.backlog}>
                        {q.backlog === null ? '等待数未知' : q.backlog === 0 ? '无等待任务' : `等待中 ${q.backlog} 个${q.oldestWaitingSeconds !== null ? `(最久 ${span(q.oldestWaitingSeconds)})` : ''}`}
                      </Typography.Text>
                    </Space>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Space>
          );
        }}
      </QueryView>
    </Card>
  );
}

export default function WorkflowsPage() {
  const [form] = Form.useForm<Filters>();
  // The query lives in the address, as a list's filters: 返回 from a record opened from a row finds the same query.
  // The running ones at first; a record page's 在流程运维中查看 (components/OperatorLink.tsx) opens the page on one
  // record's workflows in any state (?subject=…&status=: a stuck case may have failed).
  const address = useListState({ subject: '', type: '', status: 'Running', idPrefix: '', advanced: '' }, { type: Object.keys(TYPES), status: Object.keys(STATUS) });
  const filters: Filters = Object.fromEntries(Object.entries(address.filters).filter(([, v]) => v !== '')) as Filters;
  const setFilters = (v: Filters) =>
    address.set({ subject: v.subject?.trim() ?? '', type: v.type ?? '', status: v.status ?? '', idPrefix: v.idPrefix?.trim() ?? '', advanced: v.advanced?.trim() ?? '' });
  const [open, setOpen] = useState<string>();
  const [op, setOp] = useState<Operation>();
  const query = listQuery(filters);
  const subject = filters.subject?.trim() ?? '';
  const list = useInfiniteQuery({
    queryKey: ['admin-workflows', 'list', query, subject],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/admin/workflows', { params: { query: { query, pageSize: 50, ...(subject ? { subject } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const idButton = (id: string) => (
    <Button type="link" onClick={() => setOpen(id)} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', wordBreak: 'break-all', textAlign: 'left' }}>
      {id}
    </Button>
  );
  // On a phone, one stacked cell per process (as the other lists), not seven columns scrolling sideways.
  const layout = useListColumns<Execution>(
    {
      title: '流程',
      cell: (r) => (
        <Stacked>
          <SubjectCell subject={r.subject} />
          {idButton(r.workflowId)}
          <Space size={4} wrap>
            {statusTag(r.status)}
            <span className="timeline-meta">
              {typeLabel(r.workflowType)} · {formatDateTime(r.startTime)} 开始 · {r.historyLength} 个事件
            </span>
          </Space>
        </Stacked>
      ),
    },
    [
      // What the operator was told about comes first; the id (long, of no meaning to a person) opens the details.
      { title: '业务', dataIndex: 'subject', render: (subject: Execution['subject']) => <SubjectCell subject={subject} /> },
      {
        title: '流程 ID',
        dataIndex: 'workflowId',
        width: 250,
        render: idButton,
      },
      { title: '类型', dataIndex: 'workflowType', render: typeLabel },
      { title: '状态', dataIndex: 'status', render: statusTag },
      { title: '开始时间', dataIndex: 'startTime', render: (t: string | null) => formatDateTime(t) },
      { title: '结束时间', dataIndex: 'closeTime', render: (t: string | null) => formatDateTime(t) },
      { title: '事件数', dataIndex: 'historyLength', align: 'right' },
    ],
    'max-content',
  );
  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={3}>流程运维</Typography.Title>
        <Typography.Text type="secondary">查找流程实例,查看卡住的步骤,重试、重置、取消或终止。每项操作都需填写原因并记入审计日志。</Typography.Text>
      </div>
      <WorkersCard />
      <Card>
        <Form form={form} layout="inline" name="workflow-filters" initialValues={filters} onFinish={(v) => setFilters(v)} style={{ rowGap: 8, marginBottom: 16 }}>
          <Form.Item name="subject" label="业务">
            <Input aria-label="业务" allowClear maxLength={100} style={{ width: 220 }} placeholder="案件、项目、事件名称或编号" />
          </Form.Item>
          <Form.Item name="type" label="类型">
            <Select aria-label="类型" allowClear style={{ width: 170 }} placeholder="全部" options={Object.entries(TYPES).map(([value, t]) => ({ value, label: t.label }))} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select aria-label="状态" allowClear style={{ width: 120 }} placeholder="全部" options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))} />
          </Form.Item>
          <Form.Item name="idPrefix" label="流程 ID 前缀">
            <Input aria-label="流程 ID 前缀" allowClear style={{ width: 200 }} placeholder="如 project-" />
          </Form.Item>
          <Form.Item name="advanced" label="高级查询">
            <Input aria-label="高级查询" allowClear style={{ width: 'min(320px, calc(100vw - 170px))' }} placeholder={`如 StartTime > '2027-01-01T00:00:00Z'`} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </Form.Item>
        </Form>
        {list.error instanceof ApiError && list.error.code === 'VALIDATION_FAILED' ? (
          // A query the engine cannot read: say where, beside the form, and list nothing.
          <Alert role="alert" type="error" showIcon message="查询语句有误,请修改后再查询" description={list.error.problem.detail ?? list.error.message} />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Table rowKey={(r) => `${r.workflowId}/${r.runId}`} {...layout} dataSource={rows} loading={list.isLoading} pagination={false} locale={{ emptyText: subject ? `没有符合条件的流程(业务名称或编号含「${subject}」)` : '没有符合条件的流程' }} />
            {list.hasNextPage ? (
              <div style={{ textAlign: 'center', marginTop: 16 }}>
                <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  加载更多
                </Button>
              </div>
            ) : null}
          </>
        )}
      </Card>
      <Drawer open={!!open} width="min(720px, 100vw)" title={open ? `流程 ${open}` : ''} onClose={() => setOpen(undefined)} destroyOnClose>
        {open ? <WorkflowDetail workflowId={open} onOperate={setOp} /> : null}
      </Drawer>
      {op ? <OperationDialog op={op} onClose={() => setOp(undefined)} /> : null}
    </div>
  );
}
