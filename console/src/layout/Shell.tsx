// The console's frame: menu from the person's grants, unit switcher,
// notifications bell (new tasks since last read), 退出.
import { BellOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Avatar, Badge, Button, Dropdown, Layout, List, Menu, Popover, Select, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { menuFor, unitsOf } from '../access';
import { taskLink, PROCESS_LABELS } from '../actions';
import { formatDateTime } from '../format';
import { useSession } from '../session';

const { Header, Sider, Content } = Layout;
const SEEN_KEY = 'cg.console.notificationsSeenAt';

function Bell() {
  const navigate = useNavigate();
  const [seenAt, setSeenAt] = useState(() => localStorage.getItem(SEEN_KEY) ?? '1970-01-01T00:00:00.000Z');
  const tasks = useQuery({
    queryKey: ['tasks', 'bell'],
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { status: 'open', assignment: 'all', limit: 20 } } })),
    refetchInterval: 60_000,
  });
  const unread = (tasks.data?.items ?? []).filter((t) => t.createdAt > seenAt);
  const markRead = () => {
    const now = new Date().toISOString();
    localStorage.setItem(SEEN_KEY, now);
    setSeenAt(now);
  };
  const content = (
    <div className="bell-panel">
      <List
        size="small"
        dataSource={unread.slice(0, 8)}
        locale={{ emptyText: '没有新的待办提醒' }}
        renderItem={(t) => (
          <List.Item onClick={() => navigate(taskLink(t))} className="bell-item">
            <List.Item.Meta title={t.title} description={`${PROCESS_LABELS[t.process] ?? t.process} · ${formatDateTime(t.createdAt)}`} />
          </List.Item>
        )}
      />
      <div className="bell-footer">
        <Button type="link" size="small" onClick={markRead} disabled={unread.length === 0}>
          全部标为已读
        </Button>
        <Link to="/">查看全部待办</Link>
      </div>
    </div>
  );
  return (
    <Popover content={content} title="消息提醒" trigger="click" placement="bottomRight">
      <Badge count={unread.length} size="small" overflowCount={99}>
        <Button type="text" shape="circle" icon={<BellOutlined />} aria-label={`消息提醒,${unread.length} 条未读`} />
      </Badge>
    </Popover>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { me, unitId, setUnitId, logOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const entries = menuFor(me, unitId);
  const units = unitsOf(me);

  const items = useMemo(() => {
    const groups = new Map<string, { key: string; label: string; children: Array<{ key: string; label: ReactNode }> }>();
    const result: Array<{ key: string; label: ReactNode; children?: Array<{ key: string; label: ReactNode }> }> = [];
    for (const e of entries) {
      const item = { key: e.path, label: <Link to={e.path}>{e.label}</Link> };
      if (!e.group) {
        result.push(item);
        continue;
      }
      let g = groups.get(e.group);
      if (!g) {
        g = { key: `group:${e.group}`, label: e.group, children: [] };
        groups.set(e.group, g);
        result.push(g);
      }
      g.children.push(item);
    }
    result.push({ key: '/board', label: <Link to="/board">公示栏</Link> });
    return result;
  }, [entries]);

  const selected = [...entries.map((e) => e.path), '/board']
    .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname === p || location.pathname.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Layout className="shell">
      <Sider width={216} breakpoint="lg" collapsedWidth={0} theme="dark" className="shell-sider">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">治</span>
          <span className="brand-name">社区治理工作台</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={items.filter((i) => i.children).map((i) => i.key)}
          items={items}
        />
      </Sider>
      <Layout>
        <Header className="shell-header">
          <Space size="middle">
            {units.length > 1 ? (
              <Select
                aria-label="切换单位"
                className="unit-switcher"
                value={unitId ?? ''}
                onChange={(v) => setUnitId(v || null)}
                options={[{ value: '', label: '全部单位' }, ...units.map((u) => ({ value: u.unitId, label: `${u.unitName}(${u.roles.join('、')})` }))]}
                popupMatchSelectWidth={false}
              />
            ) : units.length === 1 ? (
              <Typography.Text type="secondary" className="header-unit">
                {units[0].unitName} · {units[0].roles.join('、')}
              </Typography.Text>
            ) : null}
          </Space>
          <Space size="middle">
            <Bell />
            <Dropdown
              menu={{
                items: [{ key: 'logout', icon: <LogoutOutlined />, label: '退出登录' }],
                onClick: ({ key }) => {
                  if (key === 'logout') {
                    logOut();
                    navigate('/login');
                  }
                },
              }}
            >
              <Button type="text" className="user-button">
                <Avatar size="small" icon={<UserOutlined />} />
                <span className="header-name">{me?.person.displayName ?? ''}</span>
              </Button>
            </Dropdown>
            <Button type="text" icon={<LogoutOutlined />} aria-label="退出" onClick={() => { logOut(); navigate('/login'); }}>
              <span className="header-logout-text">退出</span>
            </Button>
          </Space>
        </Header>
        <Content className="shell-content">
          {me?.clock?.mode === 'virtual' ? (
            <Alert className="demo-banner" type="warning" showIcon banner message={`演示模式:平台使用虚拟时钟,当前平台时间 ${formatDateTime(me.clock.now)}(管理员可在「系统管理」中快进)`} />
          ) : null}
          {children}
        </Content>
      </Layout>
    </Layout>
  );
}
