import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { useSession } from '../session';

export default function LoginPage() {
  const { logIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const login = useMutation({
    mutationFn: (values: { username: string; password: string }) => unwrap(api.POST('/api/auth/login', { body: { ...values, refreshTokenIn: 'cookie' } })),
    onSuccess: (data) => {
      logIn(data.accessToken);
      navigate(from, { replace: true });
    },
  });
  return (
    <main className="login-page">
      <div className="login-brand">
        <span className="brand-mark large" aria-hidden="true">治</span>
        <div>
          <Typography.Title level={2} className="login-title">社区治理工作台</Typography.Title>
          <Typography.Text className="login-subtitle">党建项目 · 双向述职 · 矛盾调解 · 网格事件</Typography.Text>
        </div>
      </div>
      <Card className="login-card" title="账号登录">
        <Form layout="vertical" name="login" onFinish={(v) => login.mutate(v)} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {login.error ? <Alert role="alert" type="error" showIcon message={login.error.message} className="form-alert" /> : null}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
        <div className="login-foot">
          <Link to="/board">公示栏(无需登录)</Link>
        </div>
      </Card>
    </main>
  );
}
