// A list's record as one cell, its lines one under another: what a list
// shows on a phone (hooks/narrow.ts) instead of a row of columns.
import { Space } from 'antd';
import type { ReactNode } from 'react';

export function Stacked({ children }: { children: ReactNode }) {
  return <Space direction="vertical" size={2} className="stacked">{children}</Space>;
}
