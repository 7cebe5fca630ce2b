// The org tree the person may see (GET /api/org), flattened for pickers.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type OrgNode = Schemas['OrgNode'];

export function flatten(nodes: OrgNode[]): OrgNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
}

export function useOrg() {
  return useQuery({ queryKey: ['org'], queryFn: () => unwrap(api.GET('/api/org', { params: { query: { maxDepth: 4 } } })), staleTime: 10 * 60_000 });
}

export function useUnits(level?: OrgNode['level']) {
  const org = useOrg();
  const all = flatten(org.data?.roots ?? []);
  return { ...org, units: level ? all.filter((u) => u.level === level) : all };
}
