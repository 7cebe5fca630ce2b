// A page that throws while rendering shows a Chinese message and the way back
// to 工作台 instead of a white page. Keyed by the route, so leaving the page
// clears it.
import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // The browser console keeps the details for whoever reports the fault.
    console.error('页面渲染出错', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title="页面出错了"
        subTitle="抱歉,此页面遇到了意外错误,已记录。您可以返回工作台后重试;如问题持续,请联系系统管理员。"
        extra={
          // A full load, not client-side navigation: the fault may live in the state the app holds.
          <Button type="primary" onClick={() => window.location.assign('/')}>
            返回工作台
          </Button>
        }
      />
    );
  }
}
