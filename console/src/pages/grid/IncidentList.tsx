// 网格事件: the incidents on the person's units, filterable and paged, newest first.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap, type ResponseOf } from '../../api/client';
import type { paths } from '../../api/schema';
import { canSee, entryByKey } from '../../access';
import { ErrorState } from '../../components/PageState';
import { Countdown } from '../../components/Countdown';
import { formatDateTime } from '../../format';
import { useSession } from '../../session';
import { options, STAGE_COLORS, STAGE_LABELS, TYPE_LABELS, URGENCY_LABELS } from './labels';

type Item = ResponseOf<'/api/grid-incidents', 'get'>['items'][number];
type Query = NonNullable<paths['/api/grid-incidents']['get']['parameters']['query']>;
const PAGE = 20;

export default function IncidentListPage() {
  const { me, unitId } = useSession();
  const [filter, setFilter] = useState<{ stage?: string; type?: string; q?: string }>({});
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['grid-incidents', filter, unitId, page],
    queryFn: () => unwrap(api.GET('/api/grid-incidents', { params: { query: { ...filter, unitId: unitId ?? undefined, limit: PAGE, offset: (page - 1) * PAGE } as Query } })),
  });
  const set = (patch: Partial<typeof filter>) => {
    setFilter({ ...filter, ...patch });
    setPage(1);
  };
  return (
    <div className="page">
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>网格事件</Typography.Title>
          <Typography.Text type="secondary">网格员巡查、12345 热线等渠道上报的事件,社区分拨、限时处置、核查办结。</Typography.Text>
        </div>
        {canSee(me, entryByKey('grid-new')) ? (
          <Link to="/grid/new">
            <Button type="primary">上报事件</Button>
          </Link>
        ) : null}
      </div>
      <Card>
        <Space wrap className="filters">
          <Input.Search aria-label="搜索事件编号、标题或位置" placeholder="事件编号、标题或位置" allowClear style={{ width: 260 }} onSearch={(v) => set({ q: v.trim() || undefined })} />
          <Select aria-label="按阶段筛选" placeholder="全部阶段" allowClear style={{ width: 150 }} value={filter.stage} onChange={(v) => set({ stage: v })} options={options(STAGE_LABELS)} />
          <Select aria-label="按类型筛选" placeholder="全部类型" allowClear style={{ width: 160 }} value={filter.type} onChange={(v) => set({ type: v })} options={options(TYPE_LABELS)} />
        </Space>
        {query.error ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Item>
            rowKey="id"
            loading={query.isLoading}
            dataSource={query.data?.items ?? []}
            locale={{ emptyText: '暂无网格事件' }}
            scroll={{ x: 1000 }}
            pagination={{ current: page, pageSize: PAGE, total: query.data?.total, onChange: setPage, showTotal: (t) => `共 ${t} 件`, showSizeChanger: false }}
            columns={[
              { title: '编号', dataIndex: 'incidentNo', width: 150 },
              { title: '事件', dataIndex: 'title', render: (t: string, i) => <Link to={`/grid/${i.id}`}>{t}</Link> },
              { title: '类型', dataIndex: 'type', width: 110, render: (t: string) => TYPE_LABELS[t] ?? t },
              { title: '紧急程度', dataIndex: 'urgency', width: 90, render: (u: string) => (u === 'urgent' ? <Tag color="red">{URGENCY_LABELS[u]}</Tag> : URGENCY_LABELS[u] ?? u) },
              { title: '位置', dataIndex: 'place', width: 130, render: (p: Item['place']) => p.name },
              { title: '阶段', dataIndex: 'stage', width: 120, render: (s: string) => <Tag color={STAGE_COLORS[s]}>{STAGE_LABELS[s] ?? s}</Tag> },
              { title: '处置时限', dataIndex: 'nextDueAt', width: 230, render: (d: string | null) => (d ? <span>{formatDateTime(d)} <Countdown due={d} /></span> : '—') },
              { title: '上报时间', dataIndex: 'reportedAt', width: 150, render: (d: string) => formatDateTime(d) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
