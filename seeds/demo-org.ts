// The demo district, as data: 秦都区 (咸阳), modelled on seed 004 of the
// source documents (the real district has 10 streets, 106 communities and
// 893 grids; the demo keeps 4 streets, 12 communities and 24 grids). Street
// and community names are taken from the district and from the article
// (芙蓉社区, 华府御园社区, 永昌路社区); the people are fictitious.
//
// Usernames: `${role}.${unitId}` for the first holder of a role on a unit and
// `${role}.${unitId}.${n}` (n = 2, 3, …) for further holders, e.g.
// "street_office.qindu-renmin", "resident_rep.qindu-renmin-furong.3".
// Every demo person logs in with DEMO_PASSWORD (default "demo1234").
import type { RoleName } from '../domain/roles';

export type DemoUnitLevel = 'district' | 'street' | 'community' | 'grid';

export interface DemoUnit {
  id: string;
  name: string;
  level: DemoUnitLevel;
  parentId: string | null;
  /** Ids from the root joined by "/", with a trailing "/". */
  path: string;
}

export interface DemoPerson {
  username: string;
  displayName: string;
  role: RoleName;
  unitId: string;
}

export const DEMO_DISTRICT_ID = 'qindu';
export const DEFAULT_DEMO_PASSWORD = 'demo1234';

/** Resident representatives per community: the 民主评议 vote needs a roll of at least 6. */
export const RESIDENT_REPS_PER_COMMUNITY = 7;

/** Roles held on each level, one person each unless counted otherwise. */
export const ROLES_BY_LEVEL: Record<DemoUnitLevel, readonly RoleName[]> = {
  district: ['district_org', 'finance', 'auditor', 'admin', 'mediator'],
  street: ['street_office', 'mediator', 'auditor'],
  community: ['community', 'mediator', 'resident_rep'],
  grid: ['grid_worker'],
};

export function demoPassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}

/** The username of the `n`th holder (1-based) of `role` on `unitId`. */
export function usernameFor(role: RoleName, unitId: string, n = 1): string {
  return n === 1 ? `${role}.${unitId}` : `${role}.${unitId}.${n}`;
}

const STREETS: { slug: string; name: string; communities: [string, string][] }[] = [
  {
    slug: 'renmin',
    name: '人民路街道',
    communities: [
      ['furong', '芙蓉社区'],
      ['yongchang', '永昌路社区'],
      ['beidou', '北斗社区'],
    ],
  },
  {
    slug: 'xilan',
    name: '西兰路街道',
    communities: [
      ['huafu', '华府御园社区'],
      ['lanyuan', '兰苑社区'],
      ['xinghuo', '星火社区'],
    ],
  },
  {
    slug: 'weiyang',
    name: '渭阳西路街道',
    communities: [
      ['binhe', '滨河社区'],
      ['qinhuang', '秦皇社区'],
      ['lvyuan', '绿苑社区'],
    ],
  },
  {
    slug: 'chenyang',
    name: '陈杨寨街道',
    communities: [
      ['wenhua', '文华社区'],
      ['shiji', '世纪社区'],
      ['fenghe', '沣河社区'],
    ],
  },
];

const GRIDS_PER_COMMUNITY = 2;
const GRID_NAMES = ['第一网格', '第二网格', '第三网格', '第四网格'];

function buildUnits(): DemoUnit[] {
  const district: DemoUnit = { id: DEMO_DISTRICT_ID, name: '秦都区', level: 'district', parentId: null, path: `${DEMO_DISTRICT_ID}/` };
  const units: DemoUnit[] = [district];
  for (const s of STREETS) {
    const street: DemoUnit = {
      id: `${district.id}-${s.slug}`,
      name: s.name,
      level: 'street',
      parentId: district.id,
      path: `${district.path}${district.id}-${s.slug}/`,
    };
    units.push(street);
    for (const [slug, name] of s.communities) {
      const id = `${street.id}-${slug}`;
      const community: DemoUnit = { id, name, level: 'community', parentId: street.id, path: `${street.path}${id}/` };
      units.push(community);
      for (let g = 1; g <= GRIDS_PER_COMMUNITY; g++) {
        const gid = `${id}-g${g}`;
        units.push({ id: gid, name: `${name}${GRID_NAMES[g - 1]}`, level: 'grid', parentId: id, path: `${community.path}${gid}/` });
      }
    }
  }
  return units;
}

// Deterministic fictitious names, so reruns produce identical rows.
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '文博', '晓燕', '海峰', '志刚', '红梅', '立新'];

function nameAt(i: number): string {
  return SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7 + Math.floor(i / SURNAMES.length)) % GIVEN.length];
}

function buildPeople(units: readonly DemoUnit[]): DemoPerson[] {
  const people: DemoPerson[] = [];
  for (const unit of units) {
    for (const role of ROLES_BY_LEVEL[unit.level]) {
      const count = role === 'resident_rep' ? RESIDENT_REPS_PER_COMMUNITY : 1;
      for (let n = 1; n <= count; n++) {
        people.push({ username: usernameFor(role, unit.id, n), displayName: nameAt(people.length), role, unitId: unit.id });
      }
    }
  }
  return people;
}

export const DEMO_UNITS: readonly DemoUnit[] = buildUnits();
/** One role on one unit per person. */
export const DEMO_PEOPLE: readonly DemoPerson[] = buildPeople(DEMO_UNITS);

export const demoUnitsAt = (level: DemoUnitLevel): DemoUnit[] => DEMO_UNITS.filter((u) => u.level === level);

/** Handy fixed picks for tests and the start banner. */
export const DEMO = {
  district: DEMO_DISTRICT_ID,
  street: 'qindu-renmin',
  siblingStreet: 'qindu-xilan',
  community: 'qindu-renmin-furong',
  siblingCommunity: 'qindu-renmin-yongchang',
  grid: 'qindu-renmin-furong-g1',
} as const;
