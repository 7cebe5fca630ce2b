// 财务拨付: the finance queue — release with a voucher number, return with a
// reason — and, beside it, what was released (with its voucher), returned
// (with the reason) or withdrawn, the latest first: once released, a request
// left the queue and the page had no word of it. Each view exports to a
// spreadsheet (CSV, opens in Excel/WPS), amounts in yuan, one column per
// cost-sharing party.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { everyPage } from '../../api/every-page';
import { rolesOf } from '../../access';
import { ActionForm } from '../../components/ActionForm';
import { Money } from '../../components/Money';
import { ErrorState } from '../../components/PageState';
import { Stacked, useListColumns } from '../../components/Stacked';
import { useCsvExport } from '../../hooks/csv-export';
import { useListState, usePagedList } from '../../hooks/list-state';
import { beijingToday, fenToYuan, formatDateTime, formatFen } from '../../format';
import { useSession } from '../../session';
import { BatchRelease, taskOfRow, useReleaseTasks } from './BatchRelease';
import { DISBURSEMENT_KIND_LABELS, DISBURSEMENT_STATUS_LABELS } from './labels';

type Item = ResponseOf<'/api/projects/disbursements', 'get'>['items'][number];
type View = 'requested' | 'released' | 'returned' | 'cancelled';
const VIEWS: View[] = ['requested', 'released', 'returned', 'cancelled'];
/** What the time column says for each view: when it was asked for, or decided. */
const WHEN: Record<View, string> = { requested: '申请时间', released: '拨付时间', returned: '退回时间', cancelled: '取消时间' };
const EMPTY: Record<View, string> = { requested: '暂无待拨付的申请', released: '暂无已拨付的记录', returned: '暂无退回的申请', cancelled: '暂无取消的申请' };

const kindLabel = (d: Item) => `${DISBURSEMENT_KIND_LABELS[d.kind] ?? d.kind}${d.milestoneSeq ? ` ${d.milestoneSeq}` : ''}`;
const yuan = (fen: number | undefined) => (fen === undefined ? '' : fenToYuan(fen));
/** Pages the API gives at most. */
const EXPORT_PAGE = 500;

/** Every request of the view. */
const everyRequest = (view: View) => everyPage(EXPORT_PAGE, (page) => unwrap(api.GET('/api/projects/disbursements', { params: { query: { status: view, ...page } } })));

/** The view's requests as a spreadsheet's rows: amounts in yuan (numbers to Excel), one column per cost-sharing party. */
export function disbursementRows(items: readonly Item[], view: View): unknown[][] {
  const parties = [...new Set(items.flatMap((d) => d.split.map((l) => l.label)))];
  const decided = view === 'requested' ? [] : [WHEN[view]];
  const outcome = view === 'released' ? ['拨付凭证'] : view === 'returned' ? ['退回原因'] : [];
  return [
    ['项目', '社区', '类型', '金额(元)', ...parties.map((p) => `${p}(元)`), '申请时间', '状态', ...decided, ...outcome],
    ...items.map((d) => [
      d.projectTitle,
      d.communityName,
      kindLabel(d),
      yuan(d.amountFen),
      ...parties.map((p) => yuan(d.split.find((l) => l.label === p)?.amountFen)),
      formatDateTime(d.requestedAt),
      DISBURSEMENT_STATUS_LABELS[d.status] ?? d.status,
      ...(decided.length ? [formatDateTime(d.decidedAt)] : []),
      ...(view === 'released' ? [d.voucherNo ?? ''] : view === 'returned' ? [d.returnReason ?? ''] : []),
    ]),
  ];
}

export default function DisbursementsPage() {
  const csv = useCsvExport();
  const { me, now } = useSession();
  const isFinance = rolesOf(me).has('finance');
  // The view in the address, as the lists' filters: 返回 from a project opened from 已拨付 finds 已拨付.
  const list = useListState({ view: 'requested' }, { view: VIEWS });
  const view = list.filters.view as View;
  const { query, table } = usePagedList(['disbursements', view], list, (paging) => unwrap(api.GET('/api/projects/disbursements', { params: { query: { status: view, ...paging } } })), '项');
  const queue = view === 'requested';
  const when = (d: Item) => formatDateTime(queue ? d.requestedAt : (d.decidedAt ?? d.requestedAt));
  // A released request's voucher, a returned one's reason.
  const outcome = (d: Item) => (d.voucherNo ? `凭证 ${d.voucherNo}` : d.returnReason ? `退回原因:${d.returnReason}` : null);
  const tasks = useReleaseTasks(isFinance);
  const [selected, setSelected] = useState<string[]>([]);
  const rowKey = (d: Item) => `${d.projectId}-${d.disbursementId}`;
  const selectedRows = (query.data?.items ?? []).filter((d) => selected.includes(rowKey(d)) && taskOfRow(tasks.data, d));
  const project = (d: Item) => <Link to={`/projects/${d.projectId}`}>{d.projectTitle}</Link>;
  const kind = kindLabel;
  const status = (d: Item) => <Tag color={d.status === 'requested' ? 'processing' : 'default'}>{DISBURSEMENT_STATUS_LABELS[d.status] ?? d.status}</Tag>;
  const split = (d: Item) => d.split.map((l) => `${l.label} ${formatFen(l.amountFen)}`);
  const actions = (d: Item) =>
    isFinance && d.status === 'requested' ? (
      <Space wrap>
        <ActionForm process="project" subjectId={d.projectId} action="releaseFunds" fixed={{ disbursementId: d.disbursementId }} invalidate={[['disbursements'], ['project', d.projectId]]} />
        <ActionForm process="project" subjectId={d.projectId} action="returnDisbursement" fixed={{ disbursementId: d.disbursementId }} invalidate={[['disbursements'], ['project', d.projectId]]} />
      </Space>
    ) : null;
  // On a phone, one stacked cell per request with its buttons (seven columns scrolled sideways, the buttons last).
  const layout = useListColumns<Item>(
    {
      title: '拨付申请',
      cell: (d) => (
        <Stacked>
          {project(d)}
          <span className="timeline-meta">{d.communityName} · {kind(d)} · {when(d)}</span>
          <Space size={4} wrap><Money fen={d.amountFen} strong />{status(d)}</Space>
          <span className="timeline-meta">{split(d).join(' · ')}</span>
          {outcome(d) ? <span>{outcome(d)}</span> : null}
          {actions(d)}
        </Stacked>
      ),
    },
    [
      // The community under the project and the split one party a line: as two more flexible columns the
      // project's title had four characters a line at 1440 px.
      { title: '项目', dataIndex: 'projectTitle', render: (_, d) => <div>{project(d)}<div className="timeline-meta">{d.communityName}</div></div> },
      { title: '类型', dataIndex: 'kind', width: 110, render: (_, d) => kind(d) },
      { title: '金额', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number) => <Money fen={v} strong /> },
      { title: '分担拆分', dataIndex: 'split', width: 170, render: (_, d) => split(d).map((line) => <div key={line} className="cell-nowrap">{line}</div>) },
      { title: WHEN[view], dataIndex: queue ? 'requestedAt' : 'decidedAt', width: 150, render: (_, d) => when(d) },
      { title: '状态', dataIndex: 'status', width: 90, render: (_, d) => status(d) },
      queue ? { title: '操作', width: 210, render: (_, d) => actions(d) } : { title: view === 'returned' ? '退回原因' : '拨付凭证', width: 210, render: (_, d) => d.voucherNo ?? d.returnReason ?? '—' },
    ],
    1100,
  );
  const exportView = () => csv.run(`财务拨付-${DISBURSEMENT_STATUS_LABELS[view]}-${beijingToday(now())}.csv`, async () => disbursementRows(await everyRequest(view), view));
  return (
    <div className="page">
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>财务拨付</Typography.Title>
          <Typography.Text type="secondary">已核验节点的拨付申请,以及已拨付、退回、取消的记录;拨付时按资金分担比例记入台账。</Typography.Text>
        </div>
        <Button icon={<DownloadOutlined />} loading={csv.exporting} disabled={!query.data?.total} onClick={() => void exportView()}>
          导出表格
        </Button>
      </div>
      <Card>
        <div className="section-card">
          <Segmented<View>
            aria-label="拨付申请状态"
            value={view}
            onChange={(v) => {
              list.set({ view: v });
              setSelected([]);
            }}
            options={VIEWS.map((v) => ({ value: v, label: v === 'requested' && query.data && queue && !query.isPlaceholderData ? `${DISBURSEMENT_STATUS_LABELS[v]}(${query.data.total})` : DISBURSEMENT_STATUS_LABELS[v] }))}
          />
        </div>
        {isFinance && queue ? (
          <div className="batch-bar">
            <BatchRelease rows={selectedRows} tasks={tasks.data} onClose={() => setSelected([])} />
            <Typography.Text type="secondary">勾选待拨付的申请后批量拨付;同一项目有多笔待拨付时请逐件办理。</Typography.Text>
          </div>
        ) : null}
        {query.error ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Item>
            rowKey={rowKey}
            rowSelection={
              isFinance && queue
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (d) => ({ disabled: d.status !== 'requested' || !taskOfRow(tasks.data, d), 'aria-label': `选择 ${d.projectTitle}` }),
                  }
                : undefined
            }
            {...layout}
            {...table}
            // Also while a release or a return is read back.
            loading={query.isFetching}
            locale={{ emptyText: EMPTY[view] }}
          />
        )}
      </Card>
    </div>
  );
}
