// A list's 所在单位 filter (网格事件, 矛盾调解): a street, a community or a
// grid of the tree the person may see, or none (全部); the list reads records
// whose place lies in it.
import { TreeSelect } from 'antd';
import { useOrg } from '../hooks/org';
import { orgTree } from '../org-tree';

export function UnitFilter({ label, value, onChange }: { label: string; value: string; onChange: (unitId: string) => void }) {
  const org = useOrg();
  return (
    <TreeSelect
      aria-label={label}
      style={{ width: 220 }}
      value={value || undefined}
      onChange={(v?: string) => onChange(v ?? '')}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      placeholder="全部街道、社区、网格"
      loading={org.isLoading}
      treeData={orgTree(org.data?.roots ?? [], ['district', 'street', 'community', 'grid'])}
      popupMatchSelectWidth={false}
    />
  );
}
