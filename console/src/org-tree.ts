// The org tree as pages pick units from it (事件上报's place, the lists' 所在单位 filter).
import type { OrgNode } from './hooks/org';

export interface TreeNode { value: string; title: string; selectable: boolean; children: TreeNode[] }

/** The org tree for a TreeSelect; `levels` are the selectable ones. */
export function orgTree(nodes: OrgNode[], levels: readonly string[]): TreeNode[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, selectable: levels.includes(n.level), children: orgTree(n.children ?? [], levels) }));
}
