// 网格事件统计: reported, closed, on-time rate, median handling days and
// satisfaction for the person's unit this year, then per street, community, grid.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { api, unwrap, type ResponseOf } from '../../api/client';
import { QueryView } from '../../components/PageState';

type Stats = ResponseOf<'/api/grid-incidents/statistics', 'get'>;
type Row_ = Stats['streets'][number];

const pct = (v: string | null) => (v === null ? '—' : `${v}%`);

function UnitTable({ title, rows }: { title: string; rows: Row_[] }) {
  if (rows.length === 0) return null;
  return (
    <Card title={title} className="section-card">
      <Table<Row_>
        rowKey={(r) => r.unit.id}
        size="small"
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        dataSource={rows}
        scroll={{ x: 800 }}
        columns={[
          { title: '单位', dataIndex: 'unit', render: (u: Row_['unit']) => u.name },
          { title: '上报', dataIndex: 'reported', align: 'right' },
          { title: '办理中', dataIndex: 'open', align: 'right' },
          { title: '已办结', dataIndex: 'closed', align: 'right' },
          { title: '就地解决', dataIndex: 'resolvedOnSpot', align: 'right' },
          { title: '转调解', dataIndex: 'convertedToMediation', align: 'right' },
          { title: '按时处置率', dataIndex: 'onTimeRatePercent', align: 'right', render: pct },
          { title: '满意率', dataIndex: 'satisfactionRatePercent', align: 'right', render: pct },
        ]}
      />
    </Card>
  );
}

export default function GridStatisticsPage() {
  const query = useQuery({ queryKey: ['grid-statistics'], queryFn: () => unwrap(api.GET('/api/grid-incidents/statistics', {})) });
  return (
    <div className="page">
      <QueryView query={query}>
        {(s) => (
          <>
            <div className="page-header">
              <Typography.Title level={3}>网格事件统计</Typography.Title>
              <Typography.Text type="secondary">{s.unit.name} · {s.from} 至 {s.to}</Typography.Text>
            </div>
            <Row gutter={[16, 16]} className="counts">
              <Col xs={12} md={6}><Card size="small"><Statistic title="上报事件" value={s.total.reported} /></Card></Col>
              <Col xs={12} md={6}><Card size="small"><Statistic title="已办结" value={s.total.closed} /></Card></Col>
              <Col xs={12} md={6}><Card size="small"><Statistic title="按时处置率" value={pct(s.total.onTimeRatePercent)} /></Card></Col>
              <Col xs={12} md={6}><Card size="small"><Statistic title="满意率" value={pct(s.total.satisfactionRatePercent)} /></Card></Col>
              <Col xs={12} md={6}><Card size="small"><Statistic title="办理中" value={s.total.open} /></Card></Col>
              <Col xs={12} md={6}><Card size="small"><Statistic title="就地解决" value={s.total.resolvedOnSpot} /></Card></Col>
              <Col xs={12} md={6}><Card size="small"><Statistic title="转人民调解" value={s.total.convertedToMediation} /></Card></Col>
              <Col xs={12} md={6}><Card size="small"><Statistic title="处置用时中位数" value={s.total.medianHandlingDays === null ? '—' : `${s.total.medianHandlingDays} 天`} /></Card></Col>
            </Row>
            <UnitTable title="各街道" rows={s.streets} />
            <UnitTable title="各社区" rows={s.communities} />
            <UnitTable title="各网格" rows={s.grids} />
          </>
        )}
      </QueryView>
    </div>
  );
}
