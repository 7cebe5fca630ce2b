// 公示栏 (public, no login): per community, what is under public notice now —
// approved projects with budget and period, 双向述职 results — with the notice
// dates and how a resident raises an objection (党务公开、居务公开).
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Row, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { Money } from '../components/Money';
import { EmptyState, QueryView } from '../components/PageState';
import { formatDate } from '../format';
import { CATEGORY_LABELS } from './projects/labels';

export default function BoardPage() {
  const [communityId, setCommunityId] = useState<string | undefined>(() => new URLSearchParams(window.location.search).get('community') ?? undefined);
  const query = useQuery({
    queryKey: ['notice-board', communityId],
    queryFn: () => unwrap(api.GET('/api/public/notice-board', { params: { query: { communityId } } })),
  });
  return (
    <div className="board">
      <header className="board-header">
        <h1>社区公示栏</h1>
        <div className="board-sub">党务公开 · 居务公开</div>
      </header>
      <main className="board-page">
        <QueryView query={query}>
          {(b) => (
            <>
              <div className="board-picker">
                <Select
                  aria-label="选择社区"
                  showSearch
                  optionFilterProp="label"
                  placeholder="请选择社区"
                  style={{ width: 280 }}
                  value={b.community?.id}
                  onChange={(v) => {
                    setCommunityId(v);
                    window.history.replaceState(null, '', `/board?community=${encodeURIComponent(v)}`);
                  }}
                  options={b.communities.map((c) => ({ value: c.id, label: `${c.streetName ?? ''} ${c.name}` }))}
                />
                <Link to="/login">工作人员登录</Link>
              </div>
              {!b.community ? (
                <EmptyState description="请选择社区,查看正在公示的事项" />
              ) : (
                <>
                  <Typography.Title level={3} className="board-title">{b.community.name} 公示事项</Typography.Title>
                  <Card title="党建项目立项公示" className="section-card">
                    {b.projects.length === 0 ? <EmptyState description="当前没有正在公示的项目" /> : (
                      <Row gutter={[16, 16]}>
                        {b.projects.map((p) => (
                          <Col xs={24} md={12} key={p.id}>
                            <Card size="small" title={p.title} extra={<Tag color="blue">{CATEGORY_LABELS[p.category] ?? p.category}</Tag>}>
                              <Descriptions size="small" column={1}>
                                <Descriptions.Item label="资金年度">{p.year}</Descriptions.Item>
                                <Descriptions.Item label="项目预算"><Money fen={p.budgetFen} strong /></Descriptions.Item>
                                <Descriptions.Item label="实施期限">{formatDate(p.periodFrom)} 至 {formatDate(p.periodTo)}</Descriptions.Item>
                                <Descriptions.Item label="公示期">{formatDate(p.noticeFrom)} 至 {formatDate(p.noticeTo)}</Descriptions.Item>
                              </Descriptions>
                            </Card>
                          </Col>
                        ))}
                      </Row>
                    )}
                  </Card>
                  <Card title="双向述职评议结果公示" className="section-card">
                    {b.results.length === 0 ? <EmptyState description="当前没有正在公示的述职评议结果" /> : (
                      <Descriptions size="small" column={1} bordered>
                        {b.results.map((r) => (
                          <Descriptions.Item key={r.reportId} label={`${r.year} 年度`}>
                            评定等次:<strong>{r.gradeLabel}</strong>{r.combinedScore ? `,综合得分 ${r.combinedScore}` : ''};公示至 {formatDate(r.publishedUntil)}
                          </Descriptions.Item>
                        ))}
                      </Descriptions>
                    )}
                  </Card>
                </>
              )}
              <Alert className="section-card" type="info" showIcon message="如何提出异议" description={b.objectionGuide} />
            </>
          )}
        </QueryView>
      </main>
    </div>
  );
}
