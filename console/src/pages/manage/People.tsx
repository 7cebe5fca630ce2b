// 人员与授权 (admin): the people holding a role on a unit the administrator
// manages — search, filter by unit and state, grant a role on a unit, remove a
// grant, deactivate or reactivate an account. The API checks the scope and
// writes the audit log; a refused change shows its message here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, ROLE_NAMES } from '../../../../domain/roles';
import { api, newIdempotencyKey, unwrap, type Schemas } from '../../api/client';
import { ErrorState } from '../../components/PageState';
import { Stacked, useListColumns } from '../../components/Stacked';
import { useUnits } from '../../hooks/org';
import { useCursorPaging, useListState } from '../../hooks/list-state';
import { ListSearch } from '../../components/ListSearch';
import { YES_NO } from '../../list-address';

type Person = Schemas['AdminPerson'];
type Role = Schemas['GrantRole']['role'];

const PAGE_SIZE = 20;
// A validator, not `required`: antd would put aria-required on the Select's
// wrapper div, which axe rightly refuses (the input inside carries the label).
const mustPick = (message: string) => ({ validator: (_: unknown, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(message))) });
const LEVEL: Record<string, string> = { district: '区', street: '街道', community: '社区', grid: '网格' };

function GrantForm({ person, onClose }: { person: Person; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { units, isLoading } = useUnits();
  const [form] = Form.useForm<{ role: Role; unitId: string }>();
  const [key] = useState(newIdempotencyKey);
  const grant = useMutation({
    mutationFn: (body: { role: Role; unitId: string }) =>
      unwrap(api.POST('/api/admin/people/{personId}/grants', { params: { path: { personId: person.id } }, body, headers: { 'Idempotency-Key': key } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin-people'] });
      onClose();
    },
  });
  return (
    <Modal open maskClosable={false} title={`为 ${person.displayName} 授权`} okText="授权" cancelText="取消" confirmLoading={grant.isPending} onCancel={onClose} onOk={() => void form.validateFields().then((v) => grant.mutate(v))}>
      <Form form={form} layout="vertical" name="grant-role">
        <Form.Item name="role" label="角色" rules={[mustPick('请选择角色')]}>
          <Select options={ROLE_NAMES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="unitId" label="单位" rules={[mustPick('请选择单位')]}>
          <Select
            showSearch
            loading={isLoading}
            optionFilterProp="label"
            options={units.map((u) => ({ value: u.id, label: `${u.name}(${LEVEL[u.level] ?? u.level})` }))}
          />
        </Form.Item>
      </Form>
      {grant.error ? <Alert role="alert" type="error" showIcon message="授权未成功" description={grant.error.message} /> : null}
    </Modal>
  );
}

export default function PeoplePage() {
  const queryClient = useQueryClient();
  const { units } = useUnits();
  // The search and filters live in the address, as a list's: a reload keeps them, and the address can be sent.
  const list = useListState({ q: '', unitId: '', active: '' }, { active: YES_NO });
  const { q, unitId } = list.filters;
  const active = (list.filters.active || undefined) as 'true' | 'false' | undefined;
  const paging = useCursorPaging(JSON.stringify(list.filters));
  const { cursor } = paging;
  const [granting, setGranting] = useState<Person | null>(null);
  const [refused, setRefused] = useState<{ personId: string; message: string } | null>(null);

  const people = useQuery({
    queryKey: ['admin-people', q, unitId, active, cursor],
    queryFn: () => unwrap(api.GET('/api/admin/people', { params: { query: { q: q || undefined, unitId: unitId || undefined, active, cursor, limit: PAGE_SIZE } } })),
  });

  const change = useMutation({
    mutationFn: async (op: { kind: 'revoke'; person: Person; grantId: string } | { kind: 'deactivate' | 'reactivate'; person: Person }) => {
      const path = { personId: op.person.id };
      if (op.kind === 'revoke') return unwrap(api.DELETE('/api/admin/people/{personId}/grants/{grantId}', { params: { path: { ...path, grantId: op.grantId } } }));
      if (op.kind === 'deactivate') return unwrap(api.POST('/api/admin/people/{personId}/deactivate', { params: { path }, headers: { 'Idempotency-Key': newIdempotencyKey() } }));
      return unwrap(api.POST('/api/admin/people/{personId}/reactivate', { params: { path }, headers: { 'Idempotency-Key': newIdempotencyKey() } }));
    },
    onMutate: () => setRefused(null),
    onError: (err, op) => setRefused({ personId: op.person.id, message: err.message }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin-people'] }),
  });

  const status = (person: Person) => (person.active ? <Tag color="success">启用</Tag> : <Tag>已停用</Tag>);
  const grants = (person: Person) => (
    <Space size={[4, 4]} wrap>
      {person.grants.map((g) => (
        <Tag key={g.id} className="grant-tag">
          {g.unitName} · {g.roleLabel}
          <Popconfirm
            title={`撤销 ${person.displayName} 在${g.unitName}的「${g.roleLabel}」角色?`}
            okText="撤销"
            cancelText="取消"
            onConfirm={() => change.mutate({ kind: 'revoke', person, grantId: g.id })}
          >
            <button type="button" className="grant-revoke" aria-label={`撤销${g.unitName}${g.roleLabel}`}>
              ×
            </button>
          </Popconfirm>
        </Tag>
      ))}
    </Space>
  );
  const operations = (person: Person) => (
    <Space direction="vertical" size={4}>
      <Space>
        <Button size="small" onClick={() => setGranting(person)}>
          授权
        </Button>
        {person.active ? (
          <Popconfirm title={`停用 ${person.displayName} 的账号?其登录会话将立即失效。`} okText="停用" cancelText="取消" onConfirm={() => change.mutate({ kind: 'deactivate', person })}>
            <Button size="small" danger>
              停用
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" onClick={() => change.mutate({ kind: 'reactivate', person })}>
            启用
          </Button>
        )}
      </Space>
      {refused?.personId === person.id ? <Alert role="alert" type="error" showIcon message={refused.message} className="row-error" /> : null}
    </Space>
  );
  // On a phone, a person as one stacked cell with the buttons under the grants (five columns scrolled sideways,
  // the buttons last and out of sight).
  const layout = useListColumns<Person>(
    {
      title: '人员',
      cell: (person) => (
        <Stacked>
          <Space size={4} wrap>
            <span>{person.displayName}</span>
            {status(person)}
          </Space>
          <Typography.Text code>{person.username}</Typography.Text>
          {grants(person)}
          {operations(person)}
        </Stacked>
      ),
    },
    [
      { title: '姓名', dataIndex: 'displayName', width: 110 },
      { title: '用户名', dataIndex: 'username', width: 330, className: 'cell-nowrap', render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
      { title: '状态', dataIndex: 'active', width: 80, render: (_, person) => status(person) },
      { title: '角色授权(本人管理范围内)', dataIndex: 'grants', render: (_, person) => grants(person) },
      { title: '操作', width: 180, render: (_, person) => operations(person) },
    ],
    1030,
  );

  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={3}>人员与授权</Typography.Title>
        <Typography.Text type="secondary">管理本人所辖单位的人员角色;授权、撤销、停用与启用均记入审计日志。</Typography.Text>
      </div>
      <Card>
        <Space wrap className="filters">
          <ListSearch label="搜索姓名或用户名" placeholder="姓名或用户名" value={q} onSearch={(v) => list.set({ q: v })} />
          <Select
            aria-label="按单位筛选"
            placeholder="全部单位"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 260 }}
            value={unitId || undefined}
            onChange={(v?: string) => list.set({ unitId: v ?? '' })}
            options={units.map((u) => ({ value: u.id, label: `${u.name}(${LEVEL[u.level] ?? u.level})` }))}
          />
          <Select
            aria-label="按状态筛选"
            placeholder="全部状态"
            allowClear
            style={{ width: 140 }}
            value={active}
            onChange={(v?: string) => list.set({ active: v ?? '' })}
            options={[
              { value: 'true', label: '启用' },
              { value: 'false', label: '已停用' },
            ]}
          />
        </Space>
        {people.error ? (
          <ErrorState error={people.error} onRetry={() => void people.refetch()} />
        ) : (
          <>
            <Table<Person>
              rowKey="id"
              size="middle"
              {...layout}
              dataSource={people.data?.items ?? []}
              loading={people.isLoading || change.isPending}
              locale={{ emptyText: '没有符合条件的人员' }}
              pagination={false}
            />
            <div className="pager">
              <Space>
                <Typography.Text type="secondary">第 {paging.page} 页</Typography.Text>
                <Button disabled={paging.page <= 1} onClick={paging.previous}>
                  上一页
                </Button>
                <Button disabled={!people.data?.nextCursor} onClick={() => people.data?.nextCursor && paging.next(people.data.nextCursor)}>
                  下一页
                </Button>
              </Space>
            </div>
          </>
        )}
      </Card>
      {granting ? <GrantForm person={granting} onClose={() => setGranting(null)} /> : null}
    </div>
  );
}
