// 网格事件统计: per street, community or grid — counts, the on-time rate, the
// median handling days and the residents' satisfaction — for a unit and a
// period, as GET /api/grid-incidents/statistics computes them; exported as a
// spreadsheet (CSV) with a table per level. A figure, a unit's bar or its
// name opens the incidents it counts in the incident list.
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { Chart, type ChartOption, type ChartPick } from '../../components/Chart';
import { downloadCsv } from '../../download';
import { EmptyState, QueryView } from '../../components/PageState';
import { PeriodPicker } from '../../components/PeriodPicker';
import type { Period } from '../../periods';
import { Figure } from '../../components/Figure';
import { useListState } from '../../hooks/list-state';
import { useStatisticsScope } from '../../hooks/statistics-scope';
import { listAddress, periodFilter } from '../../list-address';
import { OPEN } from './labels';
import { Stacked, useListColumns } from '../../components/Stacked';
import { useUnits } from '../../hooks/org';

type Stats = ResponseOf<'/api/grid-incidents/statistics', 'get'>;
type Figures = Stats['total'];
type UnitFigures = Stats['grids'][number];
type Level = 'streets' | 'communities' | 'grids';
const LEVELS: Record<Level, string> = { streets: '按街道', communities: '按社区', grids: '按网格' };
const COLORS = ['#1f4e9c', '#389e0d', '#d48806', '#c8161d', '#08979c', '#722ed1'];

const pct = (v: string | null) => (v === null ? null : Number(v));

function bars(rows: UnitFigures[], series: Array<{ name: string; value: (f: UnitFigures) => number | null }>, unit = ''): ChartOption {
  return {
    color: COLORS,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : `${String(v)}${unit}`) },
    legend: series.length > 1 ? { bottom: 0 } : undefined,
    grid: { left: 48, right: 16, top: 24, bottom: series.length > 1 ? 72 : 56 },
    xAxis: { type: 'category', data: rows.map((r) => r.unit.name), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: unit === '%' ? undefined : 1, max: unit === '%' ? 100 : undefined, name: unit || undefined },
    series: series.map((s) => ({ name: s.name, type: 'bar', barMaxWidth: 28, data: rows.map((r) => s.value(r) ?? '-') })),
  };
}

const FIGURE_COLUMNS = ['上报', '办理中', '已办结', '就地解决', '转人民调解', '已处置', '按时处置', '按时处置率(%)', '处置用时中位数(天)', '已回访', '满意', '基本满意', '不满意', '满意率(%)'];
const figureCells = (f: Figures) => [
  f.reported, f.open, f.closed, f.resolvedOnSpot, f.convertedToMediation, f.handled, f.onTime, f.onTimeRatePercent ?? '', f.medianHandlingDays ?? '', f.rated,
  f.satisfaction.satisfied, f.satisfaction.basically_satisfied, f.satisfaction.dissatisfied, f.satisfactionRatePercent ?? '',
];

/** The figures as a spreadsheet's rows: the unit's total, then a table per level that has units. */
export function gridStatisticsRows(s: Stats): unknown[][] {
  return [
    [`${s.unit.name} 网格事件统计`],
    ['统计期间(上报日期)', `${s.from} 至 ${s.to}`],
    [],
    ['单位', ...FIGURE_COLUMNS],
    [s.unit.name, ...figureCells(s.total)],
    ...(Object.keys(LEVELS) as Level[]).flatMap((level) =>
      s[level].length === 0 ? [] : [[], [LEVELS[level]], [LEVELS[level].slice(1), ...FIGURE_COLUMNS], ...s[level].map((r) => [r.unit.name, ...figureCells(r)])],
    ),
  ];
}

/** The incident list of `unitId` over the figures' period, and `more`: where a figure of that unit leads. */
const incidentsAt = (s: Stats, unitId: string, more: Record<string, string> = {}) => listAddress('/grid', { unitId, from: s.from, to: s.to, ...more });

function Summary({ s }: { s: Stats }) {
  const f = s.total;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={4}><Figure title="上报事件" value={f.reported} suffix="件" to={incidentsAt(s, s.unit.id)} /></Col>
      <Col xs={12} md={4}><Figure title="已办结" value={f.closed} suffix="件" to={incidentsAt(s, s.unit.id, { stage: 'closed' })} /></Col>
      <Col xs={12} md={4}><Figure title="办理中" value={f.open} suffix="件" to={incidentsAt(s, s.unit.id, { stage: OPEN })} /></Col>
      <Col xs={12} md={4}><Figure title="按时处置率" value={f.onTimeRatePercent ?? '—'} suffix={f.onTimeRatePercent ? '%' : ''} /></Col>
      <Col xs={12} md={4}><Figure title="处置用时中位数" value={f.medianHandlingDays ?? '—'} suffix={f.medianHandlingDays === null ? '' : '天'} /></Col>
      <Col xs={12} md={4}><Figure title="满意率" value={f.satisfactionRatePercent ?? '—'} suffix={f.satisfactionRatePercent ? '%' : ''} /></Col>
    </Row>
  );
}

function Dashboard({ s }: { s: Stats }) {
  const navigate = useNavigate();
  const available = (Object.keys(LEVELS) as Level[]).filter((l) => s[l].length > 0);
  // 按街道 / 按社区 / 按网格, in the address with the unit and the period.
  const view = useListState({ by: '' }, { by: Object.keys(LEVELS) });
  const picked = view.filters.by as Level | '';
  const setLevel = (by: Level) => view.set({ by });
  const level = picked && available.includes(picked) ? picked : available.includes('communities') ? 'communities' : available[0];
  const rows = useMemo(() => (level ? s[level] : []), [s, level]);
  // A unit's bar, in any chart, opens that unit's incidents of the period.
  const openUnit = ({ dataIndex }: ChartPick) => {
    const unit = rows[dataIndex]?.unit;
    if (unit) navigate(incidentsAt(s, unit.id));
  };
  const charts = useMemo(() => ({
    counts: bars(rows, [
      { name: '上报', value: (r) => r.reported },
      { name: '已办结', value: (r) => r.closed },
      { name: '就地解决', value: (r) => r.resolvedOnSpot },
      { name: '转人民调解', value: (r) => r.convertedToMediation },
    ]),
    onTime: bars(rows, [{ name: '按时处置率', value: (r) => pct(r.onTimeRatePercent) }], '%'),
    median: bars(rows, [{ name: '处置用时中位数', value: (r) => r.medianHandlingDays }], '天'),
    satisfaction: bars(rows, [{ name: '满意率', value: (r) => pct(r.satisfactionRatePercent) }], '%'),
  }), [rows]);
  const what = level ? LEVELS[level].slice(1) : '';
  const onTime = (r: UnitFigures) => (r.onTimeRatePercent === null ? '—' : `${r.onTimeRatePercent}%(${r.onTime}/${r.handled})`);
  const median = (r: UnitFigures) => (r.medianHandlingDays === null ? '—' : `${r.medianHandlingDays} 天`);
  const satisfaction = (r: UnitFigures) => (r.satisfactionRatePercent === null ? '—' : `${r.satisfactionRatePercent}%(${r.rated} 件回访)`);
  // On a phone one cell per unit, its figures under its name (nine columns scrolled sideways, the unit out of sight).
  const layout = useListColumns<UnitFigures>(
    {
      title: what,
      cell: (r) => (
        <Stacked>
          <Link to={incidentsAt(s, r.unit.id)}><Typography.Text strong>{r.unit.name}</Typography.Text></Link>
          <span>上报 {r.reported} · 办理中 {r.open} · 已办结 {r.closed}</span>
          <span>就地解决 {r.resolvedOnSpot} · 转调解 {r.convertedToMediation}</span>
          <span>按时处置率 {onTime(r)}</span>
          <span>用时中位数 {median(r)} · 满意率 {satisfaction(r)}</span>
        </Stacked>
      ),
    },
    [
      { title: what, dataIndex: ['unit', 'name'], render: (_: unknown, r) => <Link to={incidentsAt(s, r.unit.id)}>{r.unit.name}</Link> },
      { title: '上报', dataIndex: 'reported', align: 'right', sorter: (a, b) => a.reported - b.reported },
      { title: '办理中', dataIndex: 'open', align: 'right' },
      { title: '已办结', dataIndex: 'closed', align: 'right' },
      { title: '就地解决', dataIndex: 'resolvedOnSpot', align: 'right' },
      { title: '转调解', dataIndex: 'convertedToMediation', align: 'right' },
      { title: '按时处置率', dataIndex: 'onTimeRatePercent', align: 'right', render: (_: unknown, r) => onTime(r) },
      { title: '用时中位数', dataIndex: 'medianHandlingDays', align: 'right', render: (_: unknown, r) => median(r) },
      { title: '满意率', dataIndex: 'satisfactionRatePercent', align: 'right', render: (_: unknown, r) => satisfaction(r) },
    ],
    900,
  );
  if (s.total.reported === 0 || !level) return <EmptyState description="所选单位和期间没有上报的网格事件" />;
  return (
    <>
      <Summary s={s} />
      <div className="section-card">
        <Segmented<Level> aria-label="统计口径" value={level} onChange={setLevel} options={available.map((l) => ({ value: l, label: LEVELS[l] }))} />
      </div>
      <Row gutter={16}>
        <Col xs={24} lg={12}><Card title={`事件数(${what})`} className="section-card"><Chart onPick={openUnit} option={charts.counts} label={`各${what}上报、办结、就地解决、转调解的事件数`} /></Card></Col>
        <Col xs={24} lg={12}><Card title={`按时处置率(${what})`} className="section-card"><Chart onPick={openUnit} option={charts.onTime} label={`各${what}的按时处置率`} empty={s.total.onTimeRatePercent === null && '尚无处置完毕的事件'} /></Card></Col>
        <Col xs={24} lg={12}><Card title={`处置用时中位数(${what})`} className="section-card"><Chart onPick={openUnit} option={charts.median} label={`各${what}的处置用时中位数(天)`} empty={s.total.medianHandlingDays === null && '尚无处置完毕的事件'} /></Card></Col>
        <Col xs={24} lg={12}><Card title={`满意率(${what})`} className="section-card"><Chart onPick={openUnit} option={charts.satisfaction} label={`各${what}的回访满意率`} empty={s.total.satisfactionRatePercent === null && '尚无回访记录'} /></Card></Col>
      </Row>
      <Typography.Text type="secondary" className="chart-hint">点击图中某{what}的柱或明细中的{what}名称,查看其上报的事件。</Typography.Text>
      <Card title={`明细(${what})`} className="section-card">
        <Table<UnitFigures>
          size="small"
          rowKey={(r) => r.unit.id}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          {...layout}
        />
      </Card>
    </>
  );
}

export default function GridStatisticsPage() {
  const units = useUnits();
  const candidates = units.units.filter((u) => u.level !== 'grid');
  const { unitId, range, from, to, set } = useStatisticsScope(units.isLoading ? undefined : candidates.map((u) => u.id));
  // No unit picked: the API's default (the caller's highest unit with a statistics role).
  const query = useQuery({
    queryKey: ['grid-stats', unitId, from, to],
    queryFn: () => unwrap(api.GET('/api/grid-incidents/statistics', { params: { query: { unitId: unitId || undefined, from, to } } })),
  });
  return (
    <div className="page">
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>网格事件统计</Typography.Title>
          <Typography.Text type="secondary">
            {query.data ? `${query.data.unit.name} · ` : ''}上报数、按时处置率、处置用时中位数与回访满意率,分街道、社区、网格。
          </Typography.Text>
        </div>
        <Space wrap>
          <Select aria-label="统计单位" style={{ width: 200 }} value={unitId || query.data?.unit.id || undefined} onChange={(v: string) => set({ unitId: v })} options={candidates.map((u) => ({ value: u.id, label: u.name }))} loading={units.isLoading} showSearch optionFilterProp="label" />
          <PeriodPicker value={range} onChange={(p: Period) => set(periodFilter(p))} />
          <Button icon={<DownloadOutlined />} disabled={!query.data} onClick={() => query.data && downloadCsv(`网格事件统计-${query.data.unit.name}-${query.data.from}至${query.data.to}.csv`, gridStatisticsRows(query.data))}>
            导出表格
          </Button>
        </Space>
      </div>
      <QueryView query={query}>{(s) => <Dashboard s={s} />}</QueryView>
    </div>
  );
}
