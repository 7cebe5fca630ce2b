// 系统管理 (admin): the org tree, the other admin pages (people, calendar, workflows), links to the queue
// dashboard and the API docs, the demo clock.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Space, Tag, Tree, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { canSee, entryByKey, isDistrictAdmin } from '../../access';
import { api, unwrap } from '../../api/client';
import { ClockCard } from '../../components/ClockCard';
import { QueryView } from '../../components/PageState';
import type { OrgNode } from '../../hooks/org';
import { useSession } from '../../session';

const LEVEL: Record<string, string> = { district: '区', street: '街道', community: '社区', grid: '网格' };

function toTree(nodes: OrgNode[]): Array<{ key: string; title: React.ReactNode; children: ReturnType<typeof toTree> }> {
  return nodes.map((n) => ({ key: n.id, title: <span>{n.name} <Tag>{LEVEL[n.level] ?? n.level}</Tag><Typography.Text type="secondary">{n.id}</Typography.Text></span>, children: toTree(n.children ?? []) }));
}

export default function ManagePage() {
  const { me } = useSession();
  const org = useQuery({ queryKey: ['org', 'manage'], queryFn: () => unwrap(api.GET('/api/org', { params: { query: { maxDepth: 3 } } })) });
  // The same query as the 工作日历 page's: a year due and not loaded is said here too, where an administrator looks first.
  const calendar = useQuery({ queryKey: ['calendar-years'], queryFn: () => unwrap(api.GET('/api/admin/calendar-years')) });
  const toLoad = calendar.data?.toLoad ?? [];
  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={3}>系统管理</Typography.Title>
        <Typography.Text type="secondary">组织机构、运行监控与接口文档。</Typography.Text>
      </div>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="组织机构">
            <QueryView query={org} isEmpty={(d) => d.roots.length === 0} emptyText="没有可管理的单位">
              {(d) => (
                <>
                  <Typography.Paragraph type="secondary">共 {d.unitCount} 个单位</Typography.Paragraph>
                  <Tree treeData={toTree(d.roots)} defaultExpandedKeys={d.roots.map((r) => r.id)} showLine />
                </>
              )}
            </QueryView>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="运行与接口">
            {toLoad.length ? (
              <Alert
                className="form-alert"
                type={toLoad.some((y) => y.current) ? 'error' : 'warning'}
                showIcon
                message={`${toLoad.map((y) => y.year).join('、')} 年度的节假日安排尚未载入`}
                description={isDistrictAdmin(me) ? <Link to="/manage/calendar">前往工作日历载入</Link> : '请区级系统管理员载入'}
              />
            ) : null}
            <Space direction="vertical">
              <Link to="/manage/people">人员与授权</Link>
              <Link to="/manage/calendar">工作日历</Link>
              {canSee(me, entryByKey('manage-workflows')) ? <Link to="/manage/workflows">流程运维</Link> : null}
              <a href="/admin/queues" target="_blank" rel="noreferrer">消息队列监控(/admin/queues)</a>
              <a href="/api/docs" target="_blank" rel="noreferrer">接口文档(/api/docs)</a>
            </Space>
          </Card>
          <ClockCard />
        </Col>
      </Row>
    </div>
  );
}
