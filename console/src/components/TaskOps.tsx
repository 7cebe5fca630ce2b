// 任务协办: the approval inbox's operations on the caller's tasks of one
// record — 转交, 委派 / 交还, 抄送, 催办, 撤回, 意见 and 附件 — one bar shared by
// every process's detail page and the 工作台's drawer. Each operation is a
// form whose refusal shows the API's message beside it; nothing changes then.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Modal, Space, Tag, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { sendBackTargetsOf } from '../../../domain/kit/send-back-targets';
import { actionSpec, type ProcessName } from '../actions';
import { api, ApiError, newIdempotencyKey, unwrap, type Schemas } from '../api/client';
import { blobToBase64, shrinkable, shrinkPhoto } from '../images';
import { useSubmitError } from '../form-errors';
import { formatDateTime } from '../format';
import { FieldInput } from './ActionForm';
import { PersonPicker, type PickerPurpose } from './PersonPicker';
import { useNarrow } from '../hooks/narrow';
import { useCovering } from '../hooks/proxies';
import { useSession } from '../session';

type Task = Schemas['Task'];
type Status = 'open' | 'done';

/**
 * Processes whose machine lets a step be taken back (the API's
 * RECALLING_PROCESSES in api/tasks/recall-step.ts): elsewhere 撤回 is not offered.
 */
const RECALLABLE = new Set(['mediation']);

/** Personal steps no inbox operation touches (a 民主评议 ballot is secret and one person's own). */
const PERSONAL = (t: Task) => t.process === 'reporting' && t.action === 'vote';

/** The caller's tasks of one record (a record has a handful: one page is all of them). */
async function recordTasks(process: string, subjectId: string, status: Status): Promise<Task[]> {
  const res = await unwrap(api.GET('/api/tasks', { params: { query: { process, subjectId, status, assignment: status === 'open' ? 'all' : 'mine', limit: 100 } } }));
  return res.items.filter((t) => !PERSONAL(t));
}

export function useRecordTasks(process: string, subjectId: string) {
  return useQuery({
    queryKey: ['tasks', 'record', process, subjectId],
    queryFn: async () => {
      const [open, done] = await Promise.all([recordTasks(process, subjectId, 'open'), RECALLABLE.has(process) ? recordTasks(process, subjectId, 'done') : Promise.resolve([])]);
      return { open, done };
    },
  });
}

const personRule = [{ required: true, message: '请选择人员' }];

/** A button opening a small form; the API's refusal shows in the form, which stays open. */
function OpForm({ label, title, children, submit, onDone, danger }: { label: string; title: string; children: ReactNode; submit: (values: Record<string, unknown>, key: string) => Promise<unknown>; onDone: () => Promise<void>; danger?: boolean }) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm();
  const mutation = useMutation({
    mutationFn: (values: Record<string, unknown>) => submit(values, key),
    onSuccess: async () => {
      setOpen(false);
      setKey(newIdempotencyKey());
      form.resetFields();
      await onDone();
    },
  });
  const submitError = useSubmitError(form, mutation.error);
  return (
    <>
      <Button size="small" danger={danger} onClick={() => setOpen(true)}>{label}</Button>
      <Modal
        open={open}
        title={title}
        okText="提交"
        cancelText="取消"
        confirmLoading={mutation.isPending}
        maskClosable={false}
        onOk={() => void form.validateFields().then((v: Record<string, unknown>) => mutation.mutate(v))}
        onCancel={() => { setOpen(false); mutation.reset(); }}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" name={`taskop-${label}`}>{children}</Form>
        {submitError ? <Alert role="alert" type="error" showIcon message="操作未成功" description={submitError} /> : null}
      </Modal>
    </>
  );
}

type Verb = 'transferTask' | 'delegateTask' | 'returnDelegation' | 'ccTask' | 'urgeTask' | 'commentTask' | 'recallStep' | 'sendBack' | 'addSigner' | 'removeSigner' | 'signTask';

function post(taskId: string, verb: Verb, body: Record<string, unknown>, key: string) {
  // The verbs share one URL shape; openapi-fetch types each path alone, so the call goes through one signature.
  const call = api.POST as unknown as (path: string, init: { params: { path: { id: string } }; body: unknown; headers: Record<string, string> }) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  return unwrap(call(`/api/tasks/{id}/actions/${verb}`, { params: { path: { id: taskId } }, body, headers: { 'Idempotency-Key': key } }));
}

async function download(taskId: string, attachmentId: string, fileName: string) {
  const blob = await unwrap(api.GET('/api/tasks/{id}/attachments/{attachmentId}', { params: { path: { id: taskId, attachmentId } }, parseAs: 'blob' }) as Promise<{ data?: Blob; error?: unknown; response: Response }>);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 意见 and 附件 of one task: the list, a new comment, an upload, downloads. */
function Notes({ task, onDone }: { task: Task; onDone: () => Promise<void> }) {
  const detail = useQuery({ queryKey: ['tasks', 'detail', task.id], queryFn: () => unwrap(api.GET('/api/tasks/{id}', { params: { path: { id: task.id } } })) });
  const [body, setBody] = useState('');
  const refresh = async () => { await detail.refetch(); await onDone(); };
  const comment = useMutation({ mutationFn: () => post(task.id, 'commentTask', { body }, newIdempotencyKey()), onSuccess: async () => { setBody(''); await refresh(); } });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      // A phone's photo of a signed sheet goes shrunk (a JPEG within the limit), any other file as it is.
      const shrink = shrinkable(file);
      const sent: Blob = shrink ? await shrinkPhoto(file) : file;
      const fileName = shrink ? `${file.name.replace(/\.[^.]*$/, '') || '照片'}.jpg` : file.name;
      const body = { fileName, contentType: sent.type || 'application/octet-stream', contentBase64: await blobToBase64(sent) };
      return unwrap(api.POST('/api/tasks/{id}/actions/attachFile', { params: { path: { id: task.id } }, body, headers: { 'Idempotency-Key': newIdempotencyKey() } }));
    },
    onSuccess: refresh,
  });
  const fetchFile = useMutation({ mutationFn: (a: { id: string; fileName: string }) => download(task.id, a.id, a.fileName) });
  const d = detail.data;
  return (
    <div className="task-notes">
      <List
        size="small"
        header={<Typography.Text strong>意见({d?.comments.length ?? 0})</Typography.Text>}
        loading={detail.isLoading}
        dataSource={d?.comments ?? []}
        locale={{ emptyText: '暂无意见' }}
        renderItem={(c) => <List.Item className="task-comment"><span>{c.body}</span><Typography.Text type="secondary"> — {c.authorName} · {formatDateTime(c.createdAt)}</Typography.Text></List.Item>}
      />
      {task.status === 'open' ? (
        <Space.Compact style={{ width: '100%' }} className="task-comment-form">
          <Input aria-label="填写意见" placeholder="填写意见(如核实情况、办理建议)" value={body} maxLength={5000} onChange={(e) => setBody(e.target.value)} />
          <Button onClick={() => comment.mutate()} disabled={!body.trim()} loading={comment.isPending}>提交意见</Button>
        </Space.Compact>
      ) : null}
      {comment.error ? <Typography.Text type="danger" role="alert">{comment.error.message}</Typography.Text> : null}
      <List
        size="small"
        header={<Typography.Text strong>附件({d?.attachments.length ?? 0})</Typography.Text>}
        dataSource={d?.attachments ?? []}
        locale={{ emptyText: '暂无附件' }}
        renderItem={(a) => (
          <List.Item className="task-attachment" actions={[<Button key="dl" type="link" size="small" onClick={() => fetchFile.mutate(a)} aria-label={`下载 ${a.fileName}`}>下载</Button>]}>
            <span>{a.fileName}</span>
            <Typography.Text type="secondary"> {a.sizeBytes < 1024 ? `${a.sizeBytes} B` : `${(a.sizeBytes / 1024).toFixed(1)} KB`} · {formatDateTime(a.createdAt)}</Typography.Text>
          </List.Item>
        )}
      />
      {fetchFile.error ? <Typography.Text type="danger" role="alert">{fetchFile.error.message}</Typography.Text> : null}
      {task.status === 'open' ? (
        <Space align="center" wrap>
          <Upload showUploadList={false} beforeUpload={(file) => { upload.mutate(file); return false; }}>
            <Button size="small" loading={upload.isPending}>上传附件</Button>
          </Upload>
          <Typography.Text type="secondary">PDF、图片等,大小以系统限制为准</Typography.Text>
          {upload.error ? <Typography.Text type="danger" role="alert" className="upload-error">{upload.error.message}</Typography.Text> : null}
        </Space>
      ) : null}
    </div>
  );
}

/** 催办 right on the bar: one click, the answer beside it. */
function UrgeButton({ task, onDone }: { task: Task; onDone: () => Promise<void> }) {
  const urge = useMutation({ mutationFn: () => post(task.id, 'urgeTask', { message: '' }, newIdempotencyKey()), onSuccess: onDone });
  return (
    <>
      <Button size="small" onClick={() => urge.mutate()} loading={urge.isPending}>催办</Button>
      {urge.error ? <Typography.Text type="danger" role="alert" className="urge-error">{urge.error.message}</Typography.Text> : null}
      {urge.data ? <Typography.Text type="success" role="status">已催办,通知 {(urge.data as { notified: number }).notified} 人</Typography.Text> : null}
    </>
  );
}

function TaskLine({ task, done, onDone }: { task: Task; done: boolean; onDone: () => Promise<void> }) {
  const { me } = useSession();
  const covering = useCovering();
  const myId = me?.person.id;
  const [notes, setNotes] = useState(false);
  const onBehalf = task.assigneeId && task.assigneeId !== myId ? covering.get(task.assigneeId) : undefined;
  const isDelegate = task.delegateId === myId;
  const signing = task.action === 'signTask';
  const backTo = sendBackTargetsOf(task.process, task.action);
  const holder = !isDelegate && !task.delegateId && !signing;
  const person = (name: string, label: string, purpose: PickerPurpose, extra: string) => (
    <Form.Item name={name} label={label} rules={personRule} extra={extra}>
      <PersonPicker aria-label={label} source={{ taskId: task.id, purpose }} />
    </Form.Item>
  );
  return (
    <div className="task-ops-line" data-task-id={task.id}>
      <Space wrap size={[8, 4]}>
        <Typography.Text strong>{task.title}</Typography.Text>
        {done ? <Tag>已办</Tag> : task.claimable ? <Tag color="warning">待领取</Tag> : <Tag color="processing">待办理</Tag>}
        {onBehalf ? <Tag color="purple" className="on-behalf">代 {onBehalf}</Tag> : null}
        {task.transferred ? <Tag color="cyan">已转交</Tag> : null}
        {task.delegateId ? <Tag color="gold">{isDelegate ? '委派给我' : '委派中'}</Tag> : null}
        {task.dueAt && !done ? <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>期限 {formatDateTime(task.dueAt)}</Typography.Text> : null}
      </Space>
      <div className="task-ops-buttons">
        {done ? (
          <OpForm label="撤回" title="撤回本步骤" danger submit={(v, key) => post(task.id, 'recallStep', { reason: v.reason }, key)} onDone={onDone}>
            <Form.Item name="reason" label="撤回原因" rules={[{ required: true, message: '请填写撤回原因' }]}><Input aria-label="撤回原因" maxLength={500} /></Form.Item>
          </OpForm>
        ) : (
          <>
            {holder ? (
              <>
                <OpForm label="转交" title="转交给同岗位人员" submit={(v, key) => post(task.id, 'transferTask', { toPersonId: String(v.toPersonId), reason: v.reason }, key)} onDone={onDone}>
                  {person('toPersonId', '接收人', 'transferTask', '可转交给本单位(或上级)同岗位人员')}
                  <Form.Item name="reason" label="转交原因" rules={[{ required: true, message: '请填写转交原因' }]}><Input aria-label="转交原因" maxLength={500} /></Form.Item>
                </OpForm>
                <OpForm label="委派" title="委派同事协助办理" submit={(v, key) => post(task.id, 'delegateTask', { toPersonId: String(v.toPersonId), note: v.note }, key)} onDone={onDone}>
                  {person('toPersonId', '被委派人', 'delegateTask', '协助办理后交回您决定')}
                  <Form.Item name="note" label="委派说明" rules={[{ required: true, message: '请填写委派说明' }]}><Input.TextArea aria-label="委派说明" rows={3} maxLength={2000} /></Form.Item>
                </OpForm>
              </>
            ) : null}
            {signing ? (
              <OpForm label="加签审批" title="加签审批" submit={(v, key) => post(task.id, 'signTask', { decision: v.decision, comment: v.comment ?? '' }, key)} onDone={onDone}>
                <Form.Item name="decision" label="审批意见" initialValue="approve" rules={[{ required: true }]}>
                  <FieldInput field={{ name: 'decision', label: '审批意见', kind: 'choice', options: [{ value: 'approve', label: '同意' }, { value: 'reject', label: '不同意' }] }} />
                </Form.Item>
                <Form.Item name="comment" label="说明"><Input.TextArea aria-label="说明" rows={3} maxLength={2000} /></Form.Item>
              </OpForm>
            ) : null}
            {holder && backTo.length > 0 ? (
              <OpForm label="退回" title="退回至之前的步骤" danger submit={(v, key) => post(task.id, 'sendBack', { toAction: v.toAction, reason: v.reason }, key)} onDone={onDone}>
                <Form.Item name="toAction" label="退回至" initialValue={backTo[0]} rules={[{ required: true, message: '请选择退回的步骤' }]}>
                  <FieldInput field={{ name: 'toAction', label: '退回至', kind: 'choice', options: backTo.map((a) => ({ value: a, label: actionSpec(task.process as ProcessName, a).label })) }} />
                </Form.Item>
                <Form.Item name="reason" label="退回理由" rules={[{ required: true, message: '请填写退回理由' }]}><Input aria-label="退回理由" maxLength={500} /></Form.Item>
              </OpForm>
            ) : null}
            {holder ? (
              <>
                <OpForm label="加签" title="加签" submit={(v, key) => post(task.id, 'addSigner', { personId: String(v.personId), position: v.position, note: v.note ?? '' }, key)} onDone={onDone}>
                  {person('personId', '加签人', 'addSigner', '可查看本事项的人员')}
                  <Form.Item name="position" label="加签方式" initialValue="before" rules={[{ required: true }]}>
                    <FieldInput field={{ name: 'position', label: '加签方式', kind: 'choice', options: [{ value: 'before', label: '前加签(先审批)' }, { value: 'after', label: '后加签(办理后审批)' }] }} />
                  </Form.Item>
                  <Form.Item name="note" label="加签说明"><Input aria-label="加签说明" maxLength={500} /></Form.Item>
                </OpForm>
                <OpForm label="减签" title="减签" submit={(v, key) => post(task.id, 'removeSigner', { personId: String(v.personId) }, key)} onDone={onDone}>
                  {person('personId', '减签人', 'addSigner', '尚未审批的加签人')}
                </OpForm>
              </>
            ) : null}
            {isDelegate ? (
              <OpForm label="交还" title="交还委派人" submit={(v, key) => post(task.id, 'returnDelegation', { note: v.note }, key)} onDone={onDone}>
                <Form.Item name="note" label="办理意见" rules={[{ required: true, message: '请填写办理意见' }]}><Input.TextArea aria-label="办理意见" rows={3} maxLength={2000} /></Form.Item>
              </OpForm>
            ) : null}
            {holder ? (
              <OpForm label="抄送" title="抄送" submit={(v, key) => post(task.id, 'ccTask', { personIds: v.personIds, note: v.note ?? '' }, key)} onDone={onDone}>
                <Form.Item name="personIds" label="抄送人" rules={[{ required: true, message: '请选择抄送人' }]} extra="可选多人;被抄送人只读知悉">
                  <PersonPicker aria-label="抄送人" source={{ taskId: task.id, purpose: 'ccTask' }} multiple />
                </Form.Item>
                <Form.Item name="note" label="抄送说明"><Input aria-label="抄送说明" maxLength={500} /></Form.Item>
              </OpForm>
            ) : null}
            {task.assigneeId !== myId && !isDelegate ? <UrgeButton task={task} onDone={onDone} /> : null}
          </>
        )}
        <Button size="small" type="link" onClick={() => setNotes((v) => !v)} aria-expanded={notes}>
          {notes ? '收起意见与附件' : '意见与附件'}
        </Button>
      </div>
      {notes ? <Notes task={task} onDone={onDone} /> : null}
    </div>
  );
}

export interface TaskOpsProps {
  process: string;
  subjectId: string;
  /** Query keys of the page's record, refreshed after an operation (the timeline shows it). */
  invalidate?: unknown[][];
  /** Only this task (the 工作台's drawer). */
  taskId?: string;
  /** Without the card frame (inside a drawer). */
  bare?: boolean;
}

export function TaskOps({ process, subjectId, invalidate = [], taskId, bare }: TaskOpsProps) {
  const queryClient = useQueryClient();
  const narrow = useNarrow();
  const tasks = useRecordTasks(process, subjectId);
  const onDone = async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['tasks'] }), ...invalidate.map((k) => queryClient.invalidateQueries({ queryKey: k }))]);
  };
  const pick = (list: Task[]) => (taskId ? list.filter((t) => t.id === taskId) : list);
  const open = pick(tasks.data?.open ?? []);
  // 撤回 goes with the caller's latest step only, and only while the record has moved no further.
  const lastDone = (tasks.data?.done ?? []).filter((t) => t.completedAt).sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''))[0];
  const done = !taskId && lastDone ? [lastDone] : [];
  // A failed background refresh keeps the lines (and any form open on them); only a first load that failed shows nothing.
  if (tasks.error && !tasks.data) return bare ? <Alert type="error" showIcon message={tasks.error instanceof ApiError ? tasks.error.message : '加载失败'} /> : null;
  if (open.length === 0 && done.length === 0) {
    if (!bare) return null;
    return tasks.isLoading ? <Typography.Text type="secondary">加载中…</Typography.Text> : <Typography.Text type="secondary">该任务已不在您的待办中。</Typography.Text>;
  }
  const body = (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {open.map((t) => <TaskLine key={t.id} task={t} done={false} onDone={onDone} />)}
      {done.map((t) => <TaskLine key={t.id} task={t} done onDone={onDone} />)}
    </Space>
  );
  // On a phone the list of what can be done left the card's title two characters and an ellipsis: the buttons say it.
  return bare ? body : <Card title="任务协办" className="section-card task-ops" extra={narrow ? undefined : <Typography.Text type="secondary">转交、委派、抄送、催办、意见与附件</Typography.Text>}>{body}</Card>;
}
