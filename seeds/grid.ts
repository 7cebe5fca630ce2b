// Demo grid incidents (网格事件处置) in every state, driven through the real
// use cases and workflows so each can be acted on: waiting for the community,
// being handled after a 12345 ticket, escalated to the street, resolved on the
// spot and rated, converted into a mediation case, handled and waiting for the
// grid worker's check, closed and waiting for the 回访. Idempotent: a demo
// incident is identified by its title and created once. Needs a Temporal
// client and a running worker; without one the seed logs and does nothing.
import type { Actor } from '../domain/access';
import type { GridAction } from '../domain/grid/machine';
import { assertAccess } from '../api/auth/guard';
import { performIncidentAction } from '../api/grid/perform-action';
import { photoRef } from '../api/grid/photos';
import { reportIncident } from '../api/grid/report-incident';
import { storeFile } from '../api/tasks/accept-file';
import type { TReportIncidentBody } from '../api/grid/schemas';
import { usernameFor } from './demo-org';
import { demoPicturePng, type DemoPicture } from './demo-photos';
import { seedNow, type SeedContext } from './types';
import { demoActor, useCaseDeps } from './use-cases';

interface DemoIncident {
  reporter: string;
  body: TReportIncidentBody;
  /** The reporter's photos, drawn by demo-photos.ts and uploaded as theirs. */
  photos?: DemoPicture[];
  /** `photos`: the acting person's photos for the step's body (completeHandling). */
  steps: { as: string; action: GridAction; body: Record<string, unknown>; photos?: DemoPicture[] }[];
}

const gw = (gridId: string) => usernameFor('grid_worker', gridId);
const staff = (communityId: string) => usernameFor('community', communityId);

function body(over: Partial<TReportIncidentBody> & Pick<TReportIncidentBody, 'title' | 'placeUnitId' | 'type' | 'address'>): TReportIncidentBody {
  return { channel: 'grid_worker', urgency: 'ordinary', description: over.title, photos: [], contactName: null, contactPhone: null, ...over };
}

export function demoGridIncidents(): DemoIncident[] {
  const furong = 'qindu-renmin-furong';
  const yongchang = 'qindu-renmin-yongchang';
  const beidou = 'qindu-renmin-beidou';
  const huafu = 'qindu-xilan-huafu';
  const lanyuan = 'qindu-xilan-lanyuan';
  const wenhua = 'qindu-chenyang-wenhua';
  const shiji = 'qindu-chenyang-shiji';
  return [
    {
      reporter: gw(`${furong}-g1`),
      body: body({ title: '小区东门路灯损坏', type: 'public_facility', placeUnitId: `${furong}-g1`, address: '芙蓉小区东门', description: '夜间巡查发现东门两盏路灯不亮,居民出行不便。' }),
      photos: ['streetlight'],
      steps: [],
    },
    {
      reporter: staff(yongchang),
      body: body({
        title: '居民反映小区下水道堵塞外溢',
        type: 'property_management',
        channel: 'hotline_12345',
        placeUnitId: `${yongchang}-g1`,
        address: '永昌路12号院3号楼北侧',
        description: '12345热线转办:3号楼北侧下水道堵塞,污水外溢。',
        contactName: '刘女士',
        contactPhone: '13709105566',
      }),
      steps: [{ as: staff(yongchang), action: 'dispatchIncident', body: { unitId: yongchang, department: '小区物业服务中心', note: '请物业三日内疏通并清理现场' } }],
    },
    {
      reporter: gw(`${beidou}-g1`),
      body: body({ title: '楼顶违章搭建彩钢房', type: 'illegal_construction', placeUnitId: `${beidou}-g1`, address: '北斗小区7号楼楼顶', description: '7号楼顶层住户在楼顶搭建彩钢房,存在安全隐患。' }),
      steps: [{ as: staff(beidou), action: 'escalateToStreet', body: { reason: '违建查处需街道综合执法队处理' } }],
    },
    {
      reporter: gw(`${huafu}-g1`),
      body: body({ title: '楼道堆放杂物', type: 'safety_hazard', placeUnitId: `${huafu}-g1`, address: '华府御园5号楼2单元', description: '2单元楼道堆放纸箱、旧家具,堵塞通道。' }),
      steps: [
        { as: staff(huafu), action: 'resolveOnSpot', body: { note: '社区工作人员会同楼长现场劝导,住户当场清理完毕' } },
        { as: staff(huafu), action: 'rateSatisfaction', body: { level: 'satisfied', note: '邻居表示满意' } },
      ],
    },
    {
      reporter: gw(`${lanyuan}-g2`),
      body: body({ title: '装修噪声引发邻里矛盾', type: 'noise', placeUnitId: `${lanyuan}-g2`, address: '兰苑小区9号楼', description: '9号楼住户夜间装修,楼下住户多次交涉未果,双方发生争吵。' }),
      steps: [
        {
          as: staff(lanyuan),
          action: 'convertToMediation',
          body: { disputeType: 'noise', risk: 'low', complexity: 'simple', note: '双方同意由社区人民调解委员会调解', parties: [{ role: 'applicant', name: '陈立新' }, { role: 'respondent', name: '周晓燕' }] },
        },
      ],
    },
    {
      reporter: gw(`${wenhua}-g1`),
      body: body({ title: '人行道井盖缺失', type: 'safety_hazard', urgency: 'urgent', placeUnitId: `${wenhua}-g1`, address: '文华路与世纪大道交叉口东南角', description: '人行道雨水井盖缺失,已设置临时警示。' }),
      steps: [
        { as: staff(wenhua), action: 'dispatchIncident', body: { unitId: 'qindu-chenyang', department: '街道市政维护队', note: '紧急:当日补装井盖' } },
        { as: usernameFor('street_office', 'qindu-chenyang'), action: 'completeHandling', body: { result: '已补装井盖并撤除警示' }, photos: ['manhole-fixed'] },
      ],
    },
    {
      reporter: gw(`${shiji}-g1`),
      body: body({ title: '绿化带积存生活垃圾', type: 'environment', urgency: 'minor', placeUnitId: `${shiji}-g1`, address: '世纪花园西侧绿化带', description: '绿化带内积存生活垃圾,有异味。' }),
      steps: [
        { as: staff(shiji), action: 'dispatchIncident', body: { unitId: shiji, department: '社区环卫保洁队', note: '请清理并加强巡查' } },
        { as: staff(shiji), action: 'completeHandling', body: { result: '已清理完毕', photos: [] } },
        { as: gw(`${shiji}-g1`), action: 'confirmResult', body: { note: '复查已清理干净' } },
      ],
    },
  ];
}

/**
 * Stores the pictures as photos `actor` uploaded, as POST /api/grid-photos would (without its checks: the pictures
 * are ours), and answers their refs; none without an attachment store.
 */
async function uploadPictures(ctx: SeedContext, actor: Actor, pictures: DemoPicture[] = []): Promise<string[]> {
  if (!ctx.attachmentStore) return [];
  const refs: string[] = [];
  for (const name of pictures) {
    const stored = await storeFile(ctx.attachmentStore, { fileName: `${name}.png`, contentType: 'image/png', bytes: demoPicturePng(name) });
    const row = await ctx.prisma.gridPhoto.create({ data: { uploadedById: actor.personId, ...stored, createdAt: seedNow(ctx) } });
    refs.push(photoRef(row.id));
  }
  return refs;
}

async function waitForIncident(ctx: SeedContext, id: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const row = await ctx.prisma.gridIncident.findUnique({ where: { id }, select: { version: true } });
    if (row && row.version > 0) return;
    if (Date.now() > deadline) throw new Error(`grid demo: incident ${id} was not saved by its workflow`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function seedGridDemos(ctx: SeedContext): Promise<void> {
  if (!ctx.temporal) {
    ctx.log('grid incident demos skipped: no Temporal client');
    return;
  }
  const deps = useCaseDeps(ctx, ctx.temporal);
  const actors = new Map<string, Actor>();
  const actorOf = async (username: string) => actors.get(username) ?? actors.set(username, await demoActor(ctx, username)).get(username)!;

  for (const demo of demoGridIncidents()) {
    if (await ctx.prisma.gridIncident.findFirst({ where: { title: demo.body.title }, select: { id: true } })) continue;
    const reporter = await actorOf(demo.reporter);
    const body = { ...demo.body, photos: await uploadPictures(ctx, reporter, demo.photos) };
    const { incidentId } = await reportIncident({ deps, actor: reporter, body, authorize: (path, roles) => assertAccess(reporter, roles, path) });
    await waitForIncident(ctx, incidentId);
    for (const step of demo.steps) {
      const actor = await actorOf(step.as);
      const stepBody = step.action === 'completeHandling' ? { photos: await uploadPictures(ctx, actor, step.photos), ...step.body } : step.body;
      // The update returns once the workflow has applied and saved it.
      await performIncidentAction({ deps, actor, incidentId, action: step.action, body: stepBody });
    }
    ctx.log(`grid incident demo: ${demo.body.title}`);
  }
}
