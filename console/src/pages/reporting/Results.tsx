// 评议结果: the year's results per community (for the annual assessment),
// exported as a spreadsheet for the assessment's files (scores and grades; no
// ballot and no tally of one).
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { ErrorState } from '../../components/PageState';
import { Stacked, useListColumns } from '../../components/Stacked';
import { YearInput } from '../../components/YearInput';
import { downloadCsv } from '../../download';
import { beijingYear } from '../../format';
import { useSession } from '../../session';
import { useListState } from '../../hooks/list-state';
import { yearOf } from '../../list-address';
import { GRADE_COLORS } from './labels';

type Row = ResponseOf<'/api/reporting/results', 'get'>['items'][number];

const link = (r: Row) => <Link to={`/reporting/${encodeURIComponent(r.reportId)}`}>{r.communityName}</Link>;
const gradeTag = (r: Row) => <Tag color={GRADE_COLORS[r.grade]}>{r.gradeLabel}</Tag>;
const rectification = (r: Row) => (r.rectificationRequired ? `需整改${r.rectificationStatus ? `(${r.rectificationStatus})` : ''}` : null);
const score = (v: string | null) => v ?? '—';

/** The results as a spreadsheet's rows. */
export function resultRows(rows: readonly Row[]): unknown[][] {
  return [
    ['年度', '社区', '向上述职得分', '民主评议得分', '综合得分', '等次', '评定说明', '整改', '状态'],
    ...rows.map((r) => [r.year, r.communityName, r.upwardScore ?? '', r.downwardScore ?? '', r.combinedScore ?? '', r.gradeLabel, r.reason ?? '', rectification(r) ?? '', r.final ? '已确定' : '公示中']),
  ];
}

/** A result as one cell, for a phone: community, grade and state, the three scores, rectification. */
function stacked(r: Row) {
  return (
    <Stacked>
      {link(r)}
      <Space size={4} wrap>{gradeTag(r)}<span className="timeline-meta">{r.final ? '已确定' : '公示中'}</span></Space>
      <span className="timeline-meta">综合 {score(r.combinedScore)} · 向上述职 {score(r.upwardScore)} · 民主评议 {score(r.downwardScore)}</span>
      {rectification(r) ? <span className="timeline-meta">{rectification(r)}</span> : null}
    </Stacked>
  );
}

export default function ResultsPage() {
  const { now } = useSession();
  // The year in the address, as the lists' filters: 返回 from a community's report finds the year picked.
  const filters = useListState({ year: String(beijingYear(now())) });
  const year = yearOf(filters.filters.year);
  const setYear = (v: number | null) => filters.set({ year: v === null ? '' : String(v) });
  const query = useQuery({ queryKey: ['report-results', year], queryFn: () => unwrap(api.GET('/api/reporting/results', { params: { query: { year: year ?? undefined } } })) });
  // On a phone, one stacked cell per community (seven columns broke every heading into a character a line).
  const layout = useListColumns<Row>({ title: '评议结果', cell: stacked }, [
    { title: '社区', dataIndex: 'communityName', render: (_: unknown, r) => link(r) },
    { title: '向上述职', dataIndex: 'upwardScore', render: score },
    { title: '民主评议', dataIndex: 'downwardScore', render: score },
    { title: '综合得分', dataIndex: 'combinedScore', render: score },
    { title: '等次', dataIndex: 'grade', render: (_: unknown, r) => gradeTag(r) },
    { title: '整改', dataIndex: 'rectificationRequired', render: (_: unknown, r) => rectification(r) ?? '—' },
    { title: '状态', dataIndex: 'final', render: (v: boolean) => (v ? '已确定' : '公示中') },
  ]);
  return (
    <div className="page">
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>评议结果</Typography.Title>
          <Typography.Text type="secondary">向上述职得分与民主评议按权重综合评定,结果公示后计入年度考核。</Typography.Text>
        </div>
        <Button icon={<DownloadOutlined />} disabled={!query.data?.items.length} onClick={() => query.data && downloadCsv(`评议结果-${year ?? '全部年度'}.csv`, resultRows(query.data.items))}>
          导出表格
        </Button>
      </div>
      <Card>
        <Space className="filters"><YearInput placeholder="全部" value={year} onChange={setYear} /></Space>
        {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : (
          <Table<Row>
            rowKey="reportId"
            loading={query.isLoading}
            dataSource={query.data?.items ?? []}
            // Early in a year the year's results are not out yet: the ones people look for then are last year's.
            locale={{
              emptyText: year ? (
                <span>
                  {year} 年度暂无评议结果
                  <Button type="link" onClick={() => setYear(year - 1)}>查看 {year - 1} 年度</Button>
                </span>
              ) : '暂无评议结果',
            }}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            {...layout}
          />
        )}
      </Card>
    </div>
  );
}
