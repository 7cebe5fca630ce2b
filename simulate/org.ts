// The organisation of 秦都区 at a scale: seed 004 reports 10 streets, 106
// communities and 893 grids; `--scale 0.1` keeps a tenth of each (at least
// one street and one community per street). People follow the demo
// district's roles per level (seeds/demo-org.ts), with seven resident
// representatives per community. Written straight into the fresh database
// before the year starts — it is the district the year happens in, not an
// action of the year — with one password hash for everybody (hashing is
// slow on purpose) and ids derived from usernames, so two runs build the
// same rows.
import type { PrismaClient } from '../prisma/generated/client';
import type { RoleName } from '../domain/roles';
import { hashPassword } from '../db/passwords';
import { RESIDENT_REPS_PER_COMMUNITY, ROLES_BY_LEVEL, usernameFor, type DemoUnit } from '../seeds/demo-org';

export const FULL_ORG = { streets: 10, communities: 106, grids: 893 } as const;

const STREET_NAMES = ['人民路街道', '西兰路街道', '渭阳西路街道', '陈杨寨街道', '吴家堡街道', '渭滨街道', '古渡街道', '沣东街道', '钓台街道', '马泉街道'];
const COMMUNITY_WORDS = ['芙蓉', '永昌', '北斗', '华府', '兰苑', '星火', '滨河', '秦皇', '绿苑', '文华', '世纪', '沣河', '朝阳', '安居', '和平', '建设', '团结', '幸福', '康宁', '友谊', '新兴'];

export interface SimOrg {
  district: DemoUnit;
  streets: DemoUnit[];
  communities: DemoUnit[];
  grids: DemoUnit[];
  /** Grids of each community, in order. */
  gridsOf: Map<string, DemoUnit[]>;
  people: Array<{ username: string; displayName: string; role: RoleName; unitId: string }>;
}

/** Spreads `total` over `parts` as evenly as possible, the larger shares first. */
function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

export function buildOrg(scale: number): SimOrg {
  const streets = Math.max(1, Math.round(FULL_ORG.streets * scale));
  const communities = Math.max(streets, Math.round(FULL_ORG.communities * scale));
  const grids = Math.max(communities, Math.round(FULL_ORG.grids * scale));
  const district: DemoUnit = { id: 'qindu', name: '秦都区', level: 'district', parentId: null, path: 'qindu/' };
  const org: SimOrg = { district, streets: [], communities: [], grids: [], gridsOf: new Map(), people: [] };
  const perStreet = spread(communities, streets);
  const perCommunity = spread(grids, communities);
  let c = 0;
  for (let s = 0; s < streets; s++) {
    const sid = `qindu-s${String(s + 1).padStart(2, '0')}`;
    const street: DemoUnit = { id: sid, name: STREET_NAMES[s]!, level: 'street', parentId: district.id, path: `${district.path}${sid}/` };
    org.streets.push(street);
    for (let k = 0; k < perStreet[s]!; k++, c++) {
      const cid = `${sid}-c${String(k + 1).padStart(2, '0')}`;
      const word = COMMUNITY_WORDS[(s * 7 + k) % COMMUNITY_WORDS.length]!;
      const community: DemoUnit = { id: cid, name: `${word}${k >= COMMUNITY_WORDS.length ? k : ''}社区`, level: 'community', parentId: sid, path: `${street.path}${cid}/` };
      org.communities.push(community);
      const mine: DemoUnit[] = [];
      for (let g = 0; g < perCommunity[c]!; g++) {
        const gid = `${cid}-g${g + 1}`;
        mine.push({ id: gid, name: `${community.name}第${g + 1}网格`, level: 'grid', parentId: cid, path: `${community.path}${gid}/` });
      }
      org.gridsOf.set(cid, mine);
      org.grids.push(...mine);
    }
  }
  const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
  const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];
  for (const unit of [district, ...org.streets, ...org.communities, ...org.grids]) {
    for (const role of ROLES_BY_LEVEL[unit.level]) {
      const count = role === 'resident_rep' ? RESIDENT_REPS_PER_COMMUNITY : 1;
      for (let n = 1; n <= count; n++) {
        const i = org.people.length;
        org.people.push({ username: usernameFor(role, unit.id, n), displayName: SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!, role, unitId: unit.id });
      }
    }
  }
  return org;
}

export async function writeOrg(prisma: PrismaClient, org: SimOrg, password: string): Promise<void> {
  const units = [org.district, ...org.streets, ...org.communities, ...org.grids];
  await prisma.unit.createMany({ data: units.map((u) => ({ id: u.id, name: u.name, level: u.level, parentId: u.parentId, path: u.path })) });
  const passwordHash = await hashPassword(password);
  await prisma.person.createMany({ data: org.people.map((p) => ({ id: `sim-${p.username}`, username: p.username, displayName: p.displayName, passwordHash })) });
  await prisma.roleAssignment.createMany({ data: org.people.map((p) => ({ id: `sim-${p.role}-${p.username}`, personId: `sim-${p.username}`, role: p.role, unitId: p.unitId })) });
}
