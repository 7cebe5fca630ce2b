// 批量办理 on the finance queue: the rows selected are released in one request
// (POST /api/tasks/actions/batchApprove), each with its voucher number; the
// answer lists each item — released, or refused with the API's message.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, newIdempotencyKey, unwrap, type ResponseOf, type Schemas } from '../../api/client';
import { formatFen } from '../../format';

type Item = ResponseOf<'/api/projects/disbursements', 'get'>['items'][number];
type Task = Schemas['Task'];

/** The open releaseFunds tasks the caller can take (at most five pages), by project. */
export function useReleaseTasks(enabled: boolean) {
  return useQuery({
    queryKey: ['tasks', 'batch', 'project', 'releaseFunds'],
    enabled,
    queryFn: async () => {
      const byProject = new Map<string, Task[]>();
      let cursor: string | undefined;
      for (let page = 0; page < 5; page++) {
        const res = await unwrap(api.GET('/api/tasks', { params: { query: { process: 'project', action: 'releaseFunds', status: 'open', limit: 100, cursor } } }));
        for (const t of res.items) byProject.set(t.subjectId, [...(byProject.get(t.subjectId) ?? []), t]);
        if (!res.nextCursor) break;
        cursor = res.nextCursor;
      }
      return byProject;
    },
  });
}

/**
 * The task that releases this row: a Task does not say which disbursement it
 * is for, so a row is batchable only when its project has one open release.
 */
export function taskOfRow(tasks: Map<string, Task[]> | undefined, row: Item): Task | undefined {
  const list = tasks?.get(row.projectId) ?? [];
  return list.length === 1 ? list[0] : undefined;
}

export function BatchRelease({ rows, tasks, onClose }: { rows: Item[]; tasks: Map<string, Task[]> | undefined; onClose: () => void }) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  // The rows as sent: the queue reloads after the batch and no longer lists the released ones.
  const [sent, setSent] = useState<Array<{ taskId: string; row: Item }>>([]);
  const batch = useMutation({
    mutationFn: (vouchers: Record<string, string>) => {
      const items = rows.map((r) => ({ taskId: taskOfRow(tasks, r)!.id, row: r }));
      setSent(items);
      return unwrap(
        api.POST('/api/tasks/actions/batchApprove', {
          body: { items: items.map(({ taskId, row: r }) => ({ taskId, input: { voucherNo: vouchers[`v-${r.disbursementId}-${r.projectId}`] } })) },
          headers: { 'Idempotency-Key': key },
        }),
      );
    },
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['disbursements'] }), queryClient.invalidateQueries({ queryKey: ['tasks'] })]),
  });
  const close = () => {
    setOpen(false);
    if (batch.data) onClose();
    batch.reset();
    setKey(newIdempotencyKey());
    form.resetFields();
  };
  const titleOf = (taskId: string) => sent.find((s) => s.taskId === taskId)?.row;
  return (
    <>
      <Button type="primary" disabled={rows.length === 0} onClick={() => setOpen(true)}>
        批量拨付{rows.length > 0 ? `(${rows.length} 项)` : ''}
      </Button>
      <Modal
        open={open}
        title="批量拨付"
        width={720}
        okText={batch.data ? '完成' : '确认拨付'}
        cancelText="取消"
        confirmLoading={batch.isPending}
        maskClosable={false}
        onOk={() => (batch.data ? close() : void form.validateFields().then((v: Record<string, string>) => batch.mutate(v)))}
        onCancel={close}
        destroyOnHidden
        forceRender
      >
        {batch.data ? (
          <div className="batch-results">
            <Alert
              type={batch.data.refused > 0 ? 'warning' : 'success'}
              showIcon
              message={`已拨付 ${batch.data.done} 项,未办理 ${batch.data.refused} 项`}
              style={{ marginBottom: 12 }}
            />
            <Table
              size="small"
              rowKey="taskId"
              pagination={false}
              dataSource={batch.data.results}
              columns={[
                { title: '项目', render: (_, r) => { const row = titleOf(r.taskId); return row ? `${row.projectTitle}(${formatFen(row.amountFen)})` : r.taskId; } },
                { title: '结果', width: 90, render: (_, r) => (r.ok ? <Tag color="success">已拨付</Tag> : <Tag color="error">未办理</Tag>) },
                { title: '说明', dataIndex: 'message' },
              ]}
            />
          </div>
        ) : (
          <Form form={form} layout="vertical" name="batch-release">
            <Typography.Paragraph type="secondary">逐项填写拨付凭证号;某一项未通过不影响其他项。</Typography.Paragraph>
            {rows.map((r) => (
              <Form.Item key={r.disbursementId + r.projectId} name={`v-${r.disbursementId}-${r.projectId}`} label={`${r.projectTitle} · ${formatFen(r.amountFen)}`} rules={[{ required: true, message: '请填写拨付凭证号' }]}>
                <Input aria-label={`拨付凭证号:${r.projectTitle}`} maxLength={100} />
              </Form.Item>
            ))}
          </Form>
        )}
        {batch.error ? <Alert role="alert" type="error" showIcon message="操作未成功" description={batch.error.message} /> : null}
      </Modal>
    </>
  );
}
