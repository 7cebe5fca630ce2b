// The console's frame: menu from the person's grants, unit switcher,
// notifications bell (the person's notifications, mark read), 退出.
import { BellOutlined, LogoutOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Avatar, Badge, Button, Dropdown, Layout, List, Menu, Popover, Select, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { menuFor, unitsOf } from '../access';
import { consoleLink } from '../actions';
import { formatDateTime } from '../format';
import { useSession } from '../session';

const { Header, Sider, Content } = Layout;
/** 消息提醒: the person's own notifications (GET /api/notifications), unread count on the badge. */
function Bell() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const count = useQuery({
    queryKey: ['notifications', 'count'],
    queryFn: () => unwrap(api.GET('/api/notifications/unread-count')),
    refetchInterval: 30_000,
  });
  const list = useQuery({
    queryKey: ['notifications', 'list'],
    enabled: open,
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { limit: 10 } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({ mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: () => unwrap(api.POST('/api/notifications/read-all')), onSuccess: refresh });
  const unread = count.data?.unreadCount ?? 0;
  const content = (
    <div className="bell-panel">
      <List
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无消息' }}
        renderItem={(n) => {
          const target = consoleLink(n.link);
          return (
            <List.Item className={n.readAt ? 'bell-item' : 'bell-item bell-unread'}>
              <button
                type="button"
                className="bell-open"
                onClick={() => {
                  if (!n.readAt) markRead.mutate(n.id);
                  if (target) {
                    setOpen(false);
                    navigate(target);
                  }
                }}
              >
                <span className="bell-title">{n.readAt ? null : <><span className="bell-dot" aria-hidden="true" /><span className="sr-only">未读:</span></>}{n.title}</span>
                <span className="bell-meta">{n.body} · {formatDateTime(n.createdAt)}</span>
              </button>
            </List.Item>
          );
        }}
      />
      {markAll.error || markRead.error ? <Alert type="error" showIcon message={(markAll.error ?? markRead.error)!.message} /> : null}
      <div className="bell-footer">
        <Button type="link" size="small" onClick={() => markAll.mutate()} disabled={unread === 0} loading={markAll.isPending}>
          全部标为已读
        </Button>
        <Link to="/" onClick={() => setOpen(false)}>查看全部待办</Link>
      </div>
    </div>
  );
  return (
    <Popover
      content={content}
      title="消息提醒"
      trigger="click"
      placement="bottomRight"
      // Shifted sideways to stay on screen: at phone width the bell is not at the right edge, and the panel aligned to it ran off the left.
      align={{ overflow: { shiftX: 1, adjustY: 1 } }}
      open={open}
      onOpenChange={setOpen}
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" shape="circle" icon={<BellOutlined />} aria-label={`消息提醒,${unread} 条未读`} />
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
                items: [
                  { key: 'proxies', icon: <SwapOutlined />, label: '我的代理' },
                  { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
                ],
                onClick: ({ key }) => {
                  if (key === 'proxies') navigate('/me/proxies');
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
