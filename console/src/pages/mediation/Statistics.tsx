// 调解统计: by channel, type, level and month; success rate, judicial
// confirmations, median hours per round — the figures seed 004 reports —
// and the same figures as a spreadsheet (CSV) for the monthly report upward.
// A figure, a bar or a slice opens the cases it counts in the case list.
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { Chart, type ChartOption, type ChartPick } from '../../components/Chart';
import { Figure } from '../../components/Figure';
import { EmptyState, QueryView } from '../../components/PageState';
import { PeriodPicker } from '../../components/PeriodPicker';
import type { Period } from '../../periods';
import { useUnits } from '../../hooks/org';
import { useStatisticsScope } from '../../hooks/statistics-scope';
import { listAddress, monthInPeriod, periodFilter } from '../../list-address';
import { downloadCsv } from '../../download';
import { formatHours } from '../../format';
import { CHANNEL_LABELS, DISPUTE_TYPE_LABELS, LEVEL_LABELS, OUTCOME_LABELS } from './labels';

type Stats = ResponseOf<'/api/mediation-cases/statistics', 'get'>;
const COLORS = ['#1f4e9c', '#c8161d', '#d48806', '#389e0d', '#08979c', '#722ed1', '#595959'];

function bar(labels: Record<string, string>, counts: Record<string, number>, horizontal = false): ChartOption {
  const keys = Object.keys(counts);
  const cat = { type: 'category' as const, data: keys.map((k) => labels[k] ?? k), axisLabel: { interval: 0, fontSize: 11 } };
  const val = { type: 'value' as const, minInterval: 1 };
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    grid: { left: horizontal ? 110 : 40, right: 20, top: 20, bottom: horizontal ? 20 : 50 },
    xAxis: horizontal ? val : { ...cat, axisLabel: { ...cat.axisLabel, rotate: 30 } },
    yAxis: horizontal ? cat : val,
    series: [{ type: 'bar', data: keys.map((k) => counts[k]), barMaxWidth: 28 }],
  };
}

/** Each key of `counts` with its label and count, in the API's order. */
const counted = (labels: Record<string, string>, counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => [labels[k] ?? k, n]);
/** Hours, one decimal, or empty. */
const hours = (h: number | null) => (h === null ? '' : h.toFixed(1));

/** The figures as a spreadsheet's rows. */
export function mediationStatisticsRows(s: Stats): unknown[][] {
  const j = s.judicialConfirmations;
  const m = s.medianRoundHours;
  return [
    [`${s.unit.name} 人民调解统计`],
    ['统计期间(登记日期)', `${s.from} 至 ${s.to}`],
    [],
    ['受理案件', s.total],
    ['成功调解', s.mediated],
    ['调解已终结', s.concluded],
    ['调解成功率(%)', s.successRatePercent ?? ''],
    ['申请司法确认', j.applied, '司法确认', j.confirmed, '不予确认', j.notConfirmed],
    ['每轮用时中位数(小时)', '社区', hours(m.community), '街道', hours(m.street), '区', hours(m.district)],
    [],
    ['按受理渠道', '件数'],
    ...counted(CHANNEL_LABELS, s.byChannel as Record<string, number>),
    [],
    ['按纠纷类型', '件数'],
    ...counted(DISPUTE_TYPE_LABELS, s.byType as Record<string, number>),
    [],
    ['按调解层级', '件数'],
    ...counted(LEVEL_LABELS, s.byLevel as Record<string, number>),
    [],
    ['按调解结果', '件数'],
    ...counted({ ...OUTCOME_LABELS, in_progress: '调解中' }, s.byOutcome as Record<string, number>),
    [],
    ['按登记月份', '受理', '调解成功', '调解已终结'],
    ...s.byMonth.map((x) => [x.month, x.total, x.mediated, x.concluded]),
  ];
}

function Dashboard({ s }: { s: Stats }) {
  const navigate = useNavigate();
  // The case list holding the cases a figure counts: the unit and period these figures are of, and `more`.
  const casesAt = (more: Record<string, string> = {}) => listAddress('/mediation', { unitId: s.unit.id, from: s.from, to: s.to, ...more });
  // A bar or a slice opens the cases it counts, by the key at its place in the chart's data.
  const opens = (filter: string, counts: Record<string, number>) => ({ dataIndex }: ChartPick) => {
    const key = Object.keys(counts)[dataIndex];
    if (key) navigate(casesAt({ [filter]: key }));
  };
  const openMonth = ({ dataIndex }: ChartPick) => {
    const month = s.byMonth[dataIndex]?.month;
    if (month) navigate(casesAt(monthInPeriod(month, s.from, s.to)));
  };
  const options = useMemo(() => {
    const byChannel = bar(CHANNEL_LABELS, s.byChannel as Record<string, number>);
    const byType = bar(DISPUTE_TYPE_LABELS, s.byType as Record<string, number>, true);
    const byLevel: ChartOption = {
      color: COLORS,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['40%', '68%'], data: Object.entries(s.byLevel).map(([k, v]) => ({ name: LEVEL_LABELS[k] ?? k, value: v })) }],
    };
    const byMonth: ChartOption = {
      color: COLORS,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: s.byMonth.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '受理', type: 'bar', data: s.byMonth.map((m) => m.total), barMaxWidth: 24 },
        { name: '调解成功', type: 'line', data: s.byMonth.map((m) => m.mediated) },
      ],
    };
    return { byChannel, byType, byLevel, byMonth };
  }, [s]);
  if (s.total === 0) return <EmptyState description="所选期间没有受理案件" />;
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}><Figure title="受理案件" value={s.total} suffix="件" to={casesAt()} /></Col>
        <Col xs={12} md={4}><Figure title="成功调解" value={s.mediated} suffix="件" to={casesAt({ outcome: 'agreement' })} /></Col>
        <Col xs={12} md={4}><Figure title="调解成功率" value={s.successRatePercent ?? '—'} suffix={s.successRatePercent ? '%' : ''} /></Col>
        <Col xs={12} md={4}><Figure title="司法确认" value={s.judicialConfirmations.confirmed} suffix="件" to={casesAt({ judicialStatus: 'confirmed' })} /></Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <div className="ant-statistic-title stat-title">每轮用时中位数</div>
            <div className="round-medians">社区 {formatHours(s.medianRoundHours.community)} · 街道 {formatHours(s.medianRoundHours.street)} · 区 {formatHours(s.medianRoundHours.district)}</div>
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}><Card title="按受理渠道" className="section-card"><Chart option={options.byChannel} label="按受理渠道统计的案件数" onPick={opens('channel', s.byChannel)} /></Card></Col>
        <Col xs={24} lg={12}><Card title="按纠纷类型" className="section-card"><Chart option={options.byType} label="按纠纷类型统计的案件数" onPick={opens('disputeType', s.byType)} /></Card></Col>
        <Col xs={24} lg={12}><Card title="按调解层级" className="section-card"><Chart option={options.byLevel} label="按调解层级统计的案件数" onPick={opens('level', s.byLevel)} /></Card></Col>
        <Col xs={24} lg={12}><Card title="按月份" className="section-card"><Chart option={options.byMonth} label="按登记月份统计的受理和调解成功件数" onPick={openMonth} /></Card></Col>
      </Row>
      <Typography.Text type="secondary" className="chart-hint">点击图中的柱或扇区,查看其统计的案件。</Typography.Text>
    </>
  );
}

export default function StatisticsPage() {
  const units = useUnits();
  const candidates = units.units.filter((u) => u.level !== 'grid');
  const { unitId, range, from, to, set } = useStatisticsScope(units.isLoading ? undefined : candidates.map((u) => u.id));
  const unit = unitId || candidates[0]?.id || '';
  const query = useQuery({
    queryKey: ['mediation-stats', unit, from, to],
    enabled: Boolean(unit),
    queryFn: () => unwrap(api.GET('/api/mediation-cases/statistics', { params: { query: { unitId: unit, from, to } } })),
  });
  return (
    <div className="page">
      <div className="page-header-row">
        <div>
          <Typography.Title level={3}>调解统计</Typography.Title>
          <Typography.Text type="secondary">受理渠道、纠纷类型、调解层级、成功率、司法确认与每轮用时。</Typography.Text>
        </div>
        <Space wrap>
          <Select aria-label="统计单位" style={{ width: 180 }} value={unit || undefined} onChange={(unitId: string) => set({ unitId })} options={candidates.map((u) => ({ value: u.id, label: u.name }))} loading={units.isLoading} showSearch optionFilterProp="label" />
          <PeriodPicker value={range} onChange={(p: Period) => set(periodFilter(p))} />
          <Button icon={<DownloadOutlined />} disabled={!query.data} onClick={() => query.data && downloadCsv(`调解统计-${query.data.unit.name}-${query.data.from}至${query.data.to}.csv`, mediationStatisticsRows(query.data))}>
            导出表格
          </Button>
        </Space>
      </div>
      <QueryView query={{ ...query, isLoading: query.isLoading || units.isLoading }}>{(s) => <Dashboard s={s} />}</QueryView>
    </div>
  );
}
