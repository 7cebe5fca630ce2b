// The roles of ../shared/DOMAIN.md; kept in step with enum RoleName in prisma/schema/base.prisma.
export const ROLE_NAMES = [
  'district_org',
  'street_office',
  'community',
  'mediator',
  'grid_worker',
  'finance',
  'resident_rep',
  'auditor',
  'admin',
] as const;

export type RoleName = (typeof ROLE_NAMES)[number];

export const ROLE_LABELS: Record<RoleName, string> = {
  district_org: '区委组织部',
  street_office: '街道办事处',
  community: '社区',
  mediator: '调解员',
  grid_worker: '网格员',
  finance: '财政',
  resident_rep: '党员/居民代表',
  auditor: '审计/监督',
  admin: '系统管理员',
};
