// 双向述职: community reports per year, with stage filter.
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { ErrorState } from '../../components/PageState';
import { Stacked, useListColumns } from '../../components/Stacked';
import { YearInput } from '../../components/YearInput';
import { useListState, usePagedList } from '../../hooks/list-state';
import { yearOf } from '../../list-address';
import { useUnits } from '../../hooks/org';
import { beijingYear, formatDateTime } from '../../format';
import { useSession } from '../../session';
import { GRADE_COLORS, REPORT_STAGE_LABELS } from './labels';

type Report = ResponseOf<'/api/reporting/reports', 'get'>['items'][number];

const link = (r: Report) => <Link to={`/reporting/${encodeURIComponent(r.id)}`}>{r.communityName}</Link>;
const stageTag = (r: Report) => <Tag color="processing">{REPORT_STAGE_LABELS[r.stage] ?? r.stageLabel}</Tag>;
const gradeTag = (r: Report) => (r.grade ? <Tag color={GRADE_COLORS[r.grade]}>{r.gradeLabel}</Tag> : null);

/** A report as one cell, for a phone: community (and street, as the desktop's column) and year, stage and grade, deadline and score. */
function stacked(r: Report, withStreet: boolean) {
  return (
    <Stacked>
      <span>{link(r)}{withStreet && r.streetName ? ` · ${r.streetName}` : ''} · {r.year} 年度</span>
      <Space size={4} wrap>{stageTag(r)}{gradeTag(r)}</Space>
      <span className="timeline-meta">当前期限 {formatDateTime(r.dueAt)}{r.combinedScore ? ` · 综合得分 ${r.combinedScore}` : ''}</span>
    </Stacked>
  );
}

export default function ReportListPage() {
  const { now } = useSession();
  // This year's reports at first; 全部 (an empty year box) every year's.
  const list = useListState({ year: String(beijingYear(now())), stage: '', streetId: '' }, { stage: Object.keys(REPORT_STAGE_LABELS) });
  const { stage, streetId } = list.filters;
  const year = yearOf(list.filters.year);
  // A district's officer reads the communities of several streets: a 街道 column and filter for them; a street's own
  // clerk has one street, and neither would tell them anything.
  const streets = useUnits('street').units;
  const manyStreets = streets.length > 1;
  const query = { year: year ?? undefined, stage: (stage || undefined) as Report['stage'] | undefined, streetId: streetId || undefined };
  const { query: reports, table } = usePagedList(['reports', query], list, (paging) => unwrap(api.GET('/api/reporting/reports', { params: { query: { ...query, ...paging } } })), '项');
  // On a phone, one stacked cell per report (six columns broke 芙蓉社区 into a character a line).
  const layout = useListColumns<Report>({ title: '述职', cell: (r) => stacked(r, manyStreets) }, [
    { title: '社区', dataIndex: 'communityName', render: (_: unknown, r) => link(r) },
    ...(manyStreets ? [{ title: '街道', dataIndex: 'streetName', width: 160 }] : []),
    { title: '年度', dataIndex: 'year', width: 90 },
    { title: '阶段', dataIndex: 'stage', width: 160, render: (_: unknown, r) => stageTag(r) },
    { title: '当前期限', dataIndex: 'dueAt', width: 170, render: (v: string | null) => formatDateTime(v) },
    { title: '综合得分', dataIndex: 'combinedScore', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '评定等次', dataIndex: 'grade', width: 120, render: (_: unknown, r) => gradeTag(r) ?? '—' },
  ]);
  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={3}>双向述职</Typography.Title>
        <Typography.Text type="secondary">社区党组织书记向街道党工委述职、向党员和居民代表述职,民主评议后公示结果。</Typography.Text>
      </div>
      <Card>
        <Space wrap className="filters">
          <YearInput placeholder="全部" value={year} onChange={(v) => list.set({ year: v === null ? '' : String(v) })} />
          {manyStreets ? <Select aria-label="街道" style={{ width: 160 }} value={streetId} onChange={(v) => list.set({ streetId: v })} options={[{ value: '', label: '全部街道' }, ...streets.map((s) => ({ value: s.id, label: s.name }))]} /> : null}
          <Select aria-label="阶段" style={{ width: 160 }} value={stage} onChange={(v) => list.set({ stage: v })} options={[{ value: '', label: '全部阶段' }, ...Object.entries(REPORT_STAGE_LABELS).map(([value, label]) => ({ value, label }))]} />
        </Space>
        {reports.error ? (
          <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
        ) : (
          <Table<Report>
            rowKey="id"
            {...table}
            locale={{ emptyText: year ? `${year} 年度暂无述职` : '暂无述职' }}
            {...layout}
          />
        )}
      </Card>
    </div>
  );
}
