// Loading, empty, error and 403 states: every page shows its data through these.
import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';

export function Loading({ rows = 4 }: { rows?: number }) {
  return (
    <div role="status" aria-live="polite" aria-label="加载中" className="page-loading">
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}

export function Forbidden({ message }: { message?: string }) {
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={message ?? '您当前的角色无权查看此页面。如需访问,请联系系统管理员授权。'}
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && (error.status === 403 || error.code.startsWith('FORBIDDEN'))) return <Forbidden message={error.message} />;
  if (error instanceof ApiError && error.status === 404) return <Result status="404" title="未找到" subTitle={error.message} extra={<Link to="/"><Button>返回工作台</Button></Link>} />;
  const message = error instanceof Error ? error.message : '未知错误';
  return (
    <Result
      status="error"
      title="加载失败"
      subTitle={message}
      extra={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
    />
  );
}

export function EmptyState({ description = '暂无数据', children }: { description?: ReactNode; children?: ReactNode }) {
  return (
    <Empty description={description} image={Empty.PRESENTED_IMAGE_SIMPLE}>
      {children}
    </Empty>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  refetch: () => unknown;
}

/** Renders a query's loading / error / 403 / empty state, or its data. */
export function QueryView<T>({
  query,
  isEmpty,
  emptyText,
  emptyExtra,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  emptyText?: ReactNode;
  emptyExtra?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isLoading) return <Loading />;
  if (query.error && (query.data === undefined || !isTransient(query.error))) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <Loading />;
  if (isEmpty?.(query.data)) return <EmptyState description={emptyText}>{emptyExtra}</EmptyState>;
  return (
    <>
      {query.error ? <StaleNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {children(query.data)}
    </>
  );
}

/** A failure that may pass (no answer, a 5xx), as opposed to an answer that the record is gone or closed to the caller. */
export function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/**
 * A background refresh failed while the page shows what it loaded before: the
 * page stays (with any form the person has open and what they typed in it),
 * saying that it may be out of date.
 */
export function StaleNotice({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const message = error instanceof Error ? error.message : '未知错误';
  return (
    <Alert
      className="stale-notice"
      type="warning"
      showIcon
      message={`刷新失败(${message}),以下是上次加载的内容。`}
      action={<Button size="small" onClick={onRetry}>重试</Button>}
      style={{ marginBottom: 12 }}
    />
  );
}
