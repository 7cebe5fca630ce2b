// A list's record as one cell, its lines one under another: what a list
// shows on a phone (hooks/narrow.ts) instead of a row of columns, whose
// titles squeezed to a character a line and whose table scrolled sideways.
import { Space } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useNarrow } from '../hooks/narrow';

export function Stacked({ children }: { children: ReactNode }) {
  return <Space direction="vertical" size={2} className="stacked">{children}</Space>;
}

/**
 * A list's columns for the screen it is shown on, spread into its Table:
 * on a phone one column whose cell is `phone.cell` (a Stacked record), and
 * beside it a narrow column of the record's buttons when `phone.actions` is given;
 * wider, `columns`, scrolling sideways when the page is narrower than `width`
 * (the columns' widths summed, or 'max-content'; none: the columns share the page).
 */
export function useListColumns<T>(
  phone: { title: string; cell: (record: T) => ReactNode; actions?: { width: number; render: (record: T) => ReactNode } },
  columns: ColumnsType<T>,
  width?: number | 'max-content',
): Pick<TableProps<T>, 'columns' | 'scroll'> {
  const narrow = useNarrow();
  return narrow
    ? {
        columns: [
          { title: phone.title, key: 'stacked', render: (_: unknown, record: T) => phone.cell(record) },
          ...(phone.actions ? [{ title: '操作', key: 'actions', width: phone.actions.width, render: (_: unknown, record: T) => phone.actions!.render(record) }] : []),
        ],
      }
    : { columns, scroll: width === undefined ? undefined : { x: width } };
}
