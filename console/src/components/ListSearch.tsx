// A list's search box (案号、案由或当事人; 事件编号、标题或位置): searches on
// Enter or the button, and always shows the search the list is filtered by —
// the address's, after 返回 too (hooks/list-state.ts) — not what a box
// mounted earlier remembered.
import { Input } from 'antd';
import { useEffect, useState } from 'react';

export function ListSearch({ label, placeholder, value, onSearch, width = 240 }: { label: string; placeholder: string; value: string; onSearch: (q: string) => void; width?: number }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return <Input.Search aria-label={label} placeholder={placeholder} allowClear value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => onSearch(v.trim())} style={{ width }} />;
}
