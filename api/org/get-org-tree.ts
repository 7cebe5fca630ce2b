import type { Actor } from '../../domain/access';
import type { PrismaClient } from '../../prisma/generated/client';
import { scopePaths } from '../auth/guard';

export interface GetOrgTreeOptions {
  prisma: PrismaClient;
  actor: Actor;
  /** Only units at most this many levels below each visible root. */
  maxDepth?: number;
}

export interface OrgNode {
  id: string;
  name: string;
  level: 'district' | 'street' | 'community' | 'grid';
  path: string;
  parentId: string | null;
  children: OrgNode[];
}

/**
 * The units the caller may see: the subtree of every unit they hold a role
 * on (any role — an auditor or admin sees exactly their scope too). Roots
 * are the caller's topmost units; siblings outside the scope never appear.
 */
export async function getOrgTree({ prisma, actor, maxDepth }: GetOrgTreeOptions): Promise<{ roots: OrgNode[]; unitCount: number }> {
  const roots = scopePaths(actor);
  if (roots.length === 0) return { roots: [], unitCount: 0 };
  const units = await prisma.unit.findMany({
    where: { OR: roots.map((p) => ({ path: { startsWith: p } })) },
    select: { id: true, name: true, level: true, path: true, parentId: true },
    orderBy: [{ path: 'asc' }],
  });
  const depthOf = (path: string) => path.split('/').length - 2;
  const rootDepth = new Map(roots.map((p) => [p, depthOf(p)]));
  const nodes = new Map<string, OrgNode>();
  const top: OrgNode[] = [];
  for (const u of units) {
    const root = roots.find((p) => u.path.startsWith(p))!;
    if (maxDepth !== undefined && depthOf(u.path) - rootDepth.get(root)! > maxDepth) continue;
    const node: OrgNode = { ...u, children: [] };
    nodes.set(u.id, node);
    const parent = u.path === root || !u.parentId ? undefined : nodes.get(u.parentId);
    if (parent) parent.children.push(node);
    else top.push(node);
  }
  return { roots: top, unitCount: nodes.size };
}
