// What a person sees, derived from their grants in GET /api/me — never from
// their username. One place for the menu and for page access.
import type { Schemas } from './api/client';
import { REPORT_ROLES, STATISTICS_ROLES, VIEW_ROLES } from '../../domain/grid/access';

export type Me = Schemas['Me'];
export type Grant = Me['grants'][number];
export type Role = Grant['role'];

export interface MenuEntry {
  key: string;
  path: string;
  label: string;
  /** Roles any of which shows the entry; 'all' for every logged-in person. */
  roles: readonly Role[] | 'all';
  /** 'district': one of the roles held on the district itself (the API refuses the page's work to a street's admin). */
  scope?: 'district';
  group?: string;
}

export const MENU: readonly MenuEntry[] = [
  { key: 'workbench', path: '/', label: '工作台', roles: 'all' },
  { key: 'projects', path: '/projects', label: '项目列表', group: '党建项目', roles: ['community', 'street_office', 'district_org', 'finance', 'auditor', 'admin', 'resident_rep', 'grid_worker'] },
  { key: 'project-new', path: '/projects/new', label: '新建申报', group: '党建项目', roles: ['community'] },
  { key: 'disbursements', path: '/finance/disbursements', label: '财务拨付', group: '党建项目', roles: ['finance', 'auditor'] },
  { key: 'supervision', path: '/projects/supervision', label: '督查通报', group: '党建项目', roles: ['street_office', 'district_org', 'auditor'] },
  { key: 'reporting', path: '/reporting', label: '述职评议', group: '双向述职', roles: ['district_org', 'street_office', 'community', 'resident_rep', 'auditor', 'admin'] },
  { key: 'reporting-results', path: '/reporting/results', label: '评议结果', group: '双向述职', roles: ['district_org', 'street_office', 'auditor', 'admin'] },
  { key: 'mediation', path: '/mediation', label: '案件列表', group: '矛盾调解', roles: ['mediator', 'grid_worker', 'street_office', 'district_org', 'auditor', 'community', 'admin'] },
  { key: 'mediation-new', path: '/mediation/new', label: '案件登记', group: '矛盾调解', roles: ['mediator', 'grid_worker', 'community', 'street_office'] },
  { key: 'mediation-stats', path: '/mediation/statistics', label: '调解统计', group: '矛盾调解', roles: ['mediator', 'street_office', 'district_org', 'auditor', 'admin'] },
  // 网格事件: the roles are the API's own (domain/grid/access.ts), so the menu cannot promise what the API refuses.
  { key: 'grid', path: '/grid', label: '事件列表', group: '网格事件', roles: VIEW_ROLES },
  { key: 'grid-new', path: '/grid/new', label: '事件上报', group: '网格事件', roles: REPORT_ROLES },
  { key: 'grid-stats', path: '/grid/statistics', label: '事件统计', group: '网格事件', roles: STATISTICS_ROLES },
  { key: 'manage', path: '/manage', label: '组织机构与运行', group: '系统管理', roles: ['admin'] },
  { key: 'manage-people', path: '/manage/people', label: '人员与授权', group: '系统管理', roles: ['admin'] },
  { key: 'manage-calendar', path: '/manage/calendar', label: '工作日历', group: '系统管理', roles: ['admin'] },
  { key: 'manage-workflows', path: '/manage/workflows', label: '流程运维', group: '系统管理', roles: ['admin'], scope: 'district' },
];

export function rolesOf(me: Me | undefined, unitId?: string | null): Set<Role> {
  return new Set((me?.grants ?? []).filter((g) => !unitId || g.unitId === unitId).map((g) => g.role));
}

export function canSee(me: Me | undefined, entry: MenuEntry, unitId?: string | null): boolean {
  if (entry.roles === 'all') return true;
  const roles = new Set((me?.grants ?? []).filter((g) => (!unitId || g.unitId === unitId) && (!entry.scope || g.unitLevel === entry.scope)).map((g) => g.role));
  return entry.roles.some((r) => roles.has(r));
}

/**
 * An administrator of the district: the only one the API lets change what the whole district shares (the 工作日历)
 * or act on any process (流程运维).
 */
export function isDistrictAdmin(me: Me | undefined): boolean {
  return (me?.grants ?? []).some((g) => g.role === 'admin' && g.unitLevel === 'district');
}

export function menuFor(me: Me | undefined, unitId?: string | null): MenuEntry[] {
  return MENU.filter((e) => canSee(me, e, unitId));
}

export function entryByKey(key: string): MenuEntry {
  const entry = MENU.find((e) => e.key === key);
  if (!entry) throw new Error(`unknown menu entry ${key}`);
  return entry;
}

/** Units the person holds roles on, once each, in path order. */
export function unitsOf(me: Me | undefined): Array<{ unitId: string; unitName: string; unitLevel: Grant['unitLevel']; roles: string[] }> {
  const byUnit = new Map<string, { unitId: string; unitName: string; unitLevel: Grant['unitLevel']; roles: string[] }>();
  for (const g of me?.grants ?? []) {
    const u = byUnit.get(g.unitId) ?? { unitId: g.unitId, unitName: g.unitName, unitLevel: g.unitLevel, roles: [] };
    u.roles.push(g.roleLabel);
    byUnit.set(g.unitId, u);
  }
  return [...byUnit.values()];
}
