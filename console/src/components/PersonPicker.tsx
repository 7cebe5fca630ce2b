// The people picker of 转交, 委派, 加签/减签, 抄送 and 代理: search by name, pick
// from the people the operation accepts (the API's candidates routes apply the
// operation's own rule), each shown with unit and role — so nobody has to
// look up a person id, and the form never offers someone the API refuses.
import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';

type Candidate = Schemas['PersonCandidate'];
export type PickerPurpose = 'transferTask' | 'delegateTask' | 'addSigner' | 'ccTask';

export type PickerSource = { taskId: string; purpose: PickerPurpose } | { deputy: true };

export interface PersonPickerProps {
  source: PickerSource;
  multiple?: boolean;
  /** Set by Form.Item. */
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  id?: string;
  'aria-label'?: string;
}

const grantsText = (c: Candidate) => c.grants.map((g) => `${g.unitName} ${g.roleLabel}`).join('、');

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function PersonPicker({ source, multiple, value, onChange, id, 'aria-label': ariaLabel }: PersonPickerProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: ['candidates', 'taskId' in source ? source.taskId : 'deputy', 'taskId' in source ? source.purpose : '', q],
    queryFn: () =>
      'taskId' in source
        ? unwrap(api.GET('/api/tasks/{id}/candidates', { params: { path: { id: source.taskId }, query: { purpose: source.purpose, q, limit: 20 } } }))
        : unwrap(api.GET('/api/me/proxies/candidates', { params: { query: { q, limit: 20 } } })),
    staleTime: 30_000,
  });
  // The people already picked keep their names while the search shows others.
  const picked = useRef(new Map<string, Candidate>());
  const items = found.data?.items ?? [];
  for (const c of items) if (([] as string[]).concat(value ?? []).includes(c.personId)) picked.current.set(c.personId, c);
  const shown = [...items, ...[...picked.current.values()].filter((c) => !items.some((i) => i.personId === c.personId))];
  return (
    <Select<string | string[]>
      id={id}
      aria-label={ariaLabel}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      filterOption={false}
      value={value}
      onChange={(v) => {
        for (const c of items) if (([] as string[]).concat(v ?? []).includes(c.personId)) picked.current.set(c.personId, c);
        setSearch('');
        onChange?.(v);
      }}
      onSearch={setSearch}
      searchValue={search}
      loading={found.isFetching}
      placeholder="输入姓名搜索"
      notFoundContent={found.isLoading ? '搜索中…' : found.error ? <Typography.Text type="danger">{found.error.message}</Typography.Text> : '没有符合条件的人员'}
      optionLabelProp="title"
      options={shown.map((c) => ({
        value: c.personId,
        title: c.displayName,
        label: (
          <span className="person-option">
            <span>{c.displayName}</span>
            <span className="person-option-scope"> {grantsText(c)}</span>
          </span>
        ),
      }))}
      style={{ width: '100%' }}
    />
  );
}
