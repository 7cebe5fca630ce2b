// Demo mediation cases (三级三轮调解) in every state, driven through the real
// use cases and workflows, so each can be acted on: waiting for acceptance,
// being mediated, escalated to the street, high risk at the street, agreement
// with 司法确认 under way or confirmed, not mediated after three rounds,
// referred out, withdrawn. Idempotent: a demo case is identified by its title
// and created once. Needs a Temporal client and a running worker; without a
// client the seed logs and does nothing (the read model never holds a case
// without its workflow).
import type { Actor } from '../domain/access';
import { toLocalDate } from '../domain/calendar';
import { assertAccess } from '../api/auth/guard';
import { performAction } from '../api/mediation/perform-action';
import { registerCase } from '../api/mediation/register-case';
import type { TRegisterCaseBody } from '../api/mediation/schemas';
import type { ActionName } from '../domain/mediation/case-state';
import { usernameFor } from './demo-org';
import { seedNow, type SeedContext } from './types';
import { demoActor, useCaseDeps } from './use-cases';

type Level = 'community' | 'street' | 'district';
type Step =
  | { wait: Level }
  | { as: string; action: ActionName; body: Record<string, unknown> }
  | { settle: 'agreement' | 'closed' | 'applied' | 'accepted' };

interface DemoCase {
  registrar: string;
  body: TRegisterCaseBody;
  steps: Step[];
}

const m = (unitId: string) => usernameFor('mediator', unitId);
const party = (role: 'applicant' | 'respondent', name: string, phone: string, idNumber: string, address: string) => ({ role, name, phone, idNumber, address });

function body(over: Partial<TRegisterCaseBody> & Pick<TRegisterCaseBody, 'title' | 'placeUnitId' | 'channel' | 'disputeType'>): TRegisterCaseBody {
  return {
    description: over.title,
    risk: 'low',
    complexity: 'ordinary',
    amountFen: null,
    alreadyInLitigation: false,
    notSuitableReason: null,
    parties: [
      party('applicant', '王建军', '13709101234', '610402197505061234', '3号楼2单元101室'),
      party('respondent', '赵秀英', '13891825678', '610402198011224321', '3号楼2单元201室'),
    ],
    ...over,
  };
}

function mediate(mediator: string, today: string, end: 'agreement' | 'failure' | 'session'): Step[] {
  const steps: Step[] = [
    { as: mediator, action: 'acceptCase', body: {} },
    { as: mediator, action: 'recordSession', body: { heldOn: today, place: '人民调解室', participants: ['王建军', '赵秀英'], summary: '分别听取双方陈述,宣讲相关法律规定,双方同意继续协商' } },
  ];
  if (end === 'agreement') {
    steps.push({
      as: mediator,
      action: 'recordAgreement',
      body: { terms: '一、被申请人于十五日内修复漏水部位;\n二、被申请人赔偿申请人损失人民币3000元。', performance: '现金一次性支付', amountFen: 300_000, performBy: null },
    });
  } else if (end === 'failure') {
    steps.push({ as: mediator, action: 'recordFailure', body: { reason: '双方对责任划分分歧较大,未能达成一致' } });
  }
  return steps;
}

export function demoMediationCases(today: string): DemoCase[] {
  const renmin = 'qindu-renmin';
  const xilan = 'qindu-xilan';
  const chenyang = 'qindu-chenyang';
  const weiyang = 'qindu-weiyang';
  return [
    {
      registrar: m('qindu'),
      body: body({ title: '广场舞音响噪声扰民', placeUnitId: `${renmin}-furong`, channel: 'hotline_12345', disputeType: 'noise', description: '居民通过12345热线反映,小区广场每晚广场舞音响音量过大,影响休息。' }),
      steps: [{ wait: 'community' }],
    },
    {
      registrar: usernameFor('grid_worker', `${renmin}-yongchang-g1`),
      body: body({ title: '楼道堆放杂物引发邻里争执', placeUnitId: `${renmin}-yongchang-g1`, channel: 'grid_worker', disputeType: 'neighbour', description: '网格员巡查发现,两户居民因楼道堆放杂物多次争吵。' }),
      steps: [{ wait: 'community' }, ...mediate(m(`${renmin}-yongchang`), today, 'session')],
    },
    {
      registrar: m(`${xilan}-huafu`),
      body: body({ title: '物业费争议及电梯维修', placeUnitId: `${xilan}-huafu`, channel: 'walk_in', disputeType: 'property_management', amountFen: 1_260_000, description: '业主以电梯长期故障为由拒缴物业费,物业公司要求补缴。' }),
      steps: [{ wait: 'community' }, ...mediate(m(`${xilan}-huafu`), today, 'failure'), { wait: 'street' }],
    },
    {
      registrar: m(chenyang),
      body: body({
        title: '务工人员讨要工资',
        placeUnitId: `${chenyang}-fenghe`,
        channel: 'police_referral',
        disputeType: 'labour',
        risk: 'high',
        amountFen: 8_600_000,
        description: '派出所移送:多名务工人员聚集讨要拖欠工资,情绪激动。',
      }),
      steps: [{ wait: 'street' }],
    },
    {
      registrar: m(`${renmin}-beidou`),
      body: body({ title: '卫生间漏水致楼下受损', placeUnitId: `${renmin}-beidou`, channel: 'walk_in', disputeType: 'water_leak', amountFen: 300_000, description: '楼上卫生间漏水,楼下天花板受损,要求赔偿。' }),
      steps: [
        { wait: 'community' },
        ...mediate(m(`${renmin}-beidou`), today, 'agreement'),
        { settle: 'agreement' },
        { as: m(`${renmin}-beidou`), action: 'applyJudicialConfirmation', body: { applicants: ['王建军', '赵秀英'], court: '咸阳市秦都区人民法院' } },
        { settle: 'applied' },
      ],
    },
    {
      registrar: m(`${chenyang}-wenhua`),
      body: body({ title: '冬季供暖温度不达标', placeUnitId: `${chenyang}-wenhua`, channel: 'online', disputeType: 'heating', amountFen: 180_000, description: '居民网上反映室温长期低于16℃,要求退还部分供暖费。' }),
      steps: [
        { wait: 'community' },
        ...mediate(m(`${chenyang}-wenhua`), today, 'failure'),
        { wait: 'street' },
        ...mediate(m(chenyang), today, 'agreement'),
        { settle: 'agreement' },
        { as: m(chenyang), action: 'applyJudicialConfirmation', body: { applicants: ['王建军', '赵秀英'], court: '咸阳市秦都区人民法院' } },
        { settle: 'applied' },
        { as: m(chenyang), action: 'recordCourtAcceptance', body: { accepted: true, courtCaseNumber: `(${today.slice(0, 4)})陕0402民特12号` } },
        { settle: 'accepted' },
        { as: m(chenyang), action: 'recordCourtDecision', body: { confirmed: true, rulingNo: `(${today.slice(0, 4)})陕0402民特12号` } },
      ],
    },
    {
      registrar: m('qindu'),
      body: body({
        title: '装修工程款结算纠纷',
        placeUnitId: `${xilan}-lanyuan`,
        channel: 'court_referral',
        disputeType: 'civil_commercial_contract',
        amountFen: 4_500_000,
        description: '人民法院诉前委派:业主与装修公司就工程款结算发生争议。',
      }),
      steps: [
        { wait: 'community' },
        ...mediate(m(`${xilan}-lanyuan`), today, 'failure'),
        { wait: 'street' },
        ...mediate(m(xilan), today, 'failure'),
        { wait: 'district' },
        ...mediate(m('qindu'), today, 'failure'),
        { settle: 'closed' },
      ],
    },
    {
      registrar: m(weiyang),
      body: body({ title: '邻里纠纷中一方被打伤', placeUnitId: `${weiyang}-binhe`, channel: 'police_referral', disputeType: 'criminal', description: '双方因停车发生冲突,一方受伤,伤情待鉴定。' }),
      steps: [{ settle: 'closed' }],
    },
    {
      registrar: m(`${weiyang}-qinhuang`),
      body: body({ title: '离婚后子女探视安排', placeUnitId: `${weiyang}-qinhuang`, channel: 'walk_in', disputeType: 'marriage_family', description: '离婚双方就子女探视时间和方式产生矛盾。' }),
      steps: [
        { wait: 'community' },
        { as: m(`${weiyang}-qinhuang`), action: 'acceptCase', body: {} },
        { as: m(`${weiyang}-qinhuang`), action: 'recordWithdrawal', body: { kind: 'withdrawn', party: '申请人王建军', reason: '双方已自行协商一致' } },
      ],
    },
  ];
}

async function waitForCase(ctx: SeedContext, caseId: string, check: (row: { stage: string; currentLevel: string | null; snapshot: any }) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const row = await ctx.prisma.mediationCase.findUnique({ where: { id: caseId }, select: { stage: true, currentLevel: true, snapshot: true } });
    if (row && check(row)) return;
    if (Date.now() > deadline) throw new Error(`mediation demo: case ${caseId} did not reach the expected state`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function seedMediationDemos(ctx: SeedContext): Promise<void> {
  if (!ctx.temporal) {
    ctx.log('mediation demos skipped: no Temporal client');
    return;
  }
  const deps = useCaseDeps(ctx, ctx.temporal);
  const actors = new Map<string, Actor>();
  const actorOf = async (username: string) => {
    const cached = actors.get(username);
    if (cached) return cached;
    const actor = await demoActor(ctx, username);
    actors.set(username, actor);
    return actor;
  };

  for (const demo of demoMediationCases(toLocalDate(seedNow(ctx)))) {
    if (await ctx.prisma.mediationCase.findFirst({ where: { title: demo.body.title }, select: { id: true } })) continue;
    const registrar = await actorOf(demo.registrar);
    const { caseId } = await registerCase({ deps, actor: registrar, body: demo.body, authorize: (path, roles) => assertAccess(registrar, roles, path) });
    for (const step of demo.steps) {
      if ('wait' in step) {
        await waitForCase(ctx, caseId, (r) => r.stage === 'in_round' && r.currentLevel === step.wait && r.snapshot?.rounds?.at(-1)?.endedAt === null);
      } else if ('settle' in step) {
        const s = step.settle;
        await waitForCase(ctx, caseId, (r) => (s === 'agreement' || s === 'closed' ? r.stage === s : r.snapshot?.judicial?.status === s));
      } else {
        // The update returns once the workflow has applied and saved it.
        await performAction({ deps, actor: await actorOf(step.as), caseId, action: step.action, body: step.body });
      }
    }
    ctx.log(`mediation demo: ${demo.body.title}`);
  }
}

const DAY_MS = 86_400_000;

/** The case `seedMediationThroughEveryStage` carries; its title identifies it. */
export const EVERY_STAGE_CASE_TITLE = '卫生间漏水赔偿·全流程演示';

/**
 * CLOCK=virtual: one case carried from intake through the community round's
 * agreement, 司法确认 (applied, accepted, confirmed) and, once the clock has
 * moved past the follow-up delay, the 回访 — by the use cases a person's
 * request runs. Registered before the ordinary demos: it advances the clock.
 */
export async function seedMediationThroughEveryStage(ctx: SeedContext, options: { placeUnitId?: string; title?: string } = {}): Promise<void> {
  const { advance } = ctx;
  if (!advance || !ctx.temporal) return;
  const title = options.title ?? EVERY_STAGE_CASE_TITLE;
  if (await ctx.prisma.mediationCase.findFirst({ where: { title }, select: { id: true } })) return;
  const now = () => seedNow(ctx);
  const deps = useCaseDeps(ctx, ctx.temporal);
  const placeUnitId = options.placeUnitId ?? 'qindu-renmin-beidou';
  const mediator = await demoActor(ctx, m(placeUnitId));
  const act = (action: ActionName, payload: Record<string, unknown>) => performAction({ deps, actor: mediator, caseId, action, body: payload });
  const { caseId } = await registerCase({
    deps,
    actor: mediator,
    body: body({ title, placeUnitId, channel: 'walk_in', disputeType: 'water_leak', amountFen: 300_000, description: '楼上卫生间漏水,楼下天花板受损,要求赔偿;演示案件从受理到回访的全过程。' }),
    authorize: (path, roles) => assertAccess(mediator, roles, path),
  });
  await waitForCase(ctx, caseId, (r) => r.stage === 'in_round' && r.currentLevel === 'community' && r.snapshot?.rounds?.at(-1)?.endedAt === null);
  for (const step of mediate(m(placeUnitId), toLocalDate(now()), 'agreement')) if ('action' in step) await act(step.action, step.body);
  await waitForCase(ctx, caseId, (r) => r.stage === 'agreement');
  const court = '咸阳市秦都区人民法院';
  const rulingNo = `(${toLocalDate(now()).slice(0, 4)})陕0402民特1号`;
  await act('applyJudicialConfirmation', { applicants: ['王建军', '赵秀英'], court });
  await waitForCase(ctx, caseId, (r) => r.snapshot?.judicial?.status === 'applied');
  await act('recordCourtAcceptance', { accepted: true, courtCaseNumber: rulingNo });
  await waitForCase(ctx, caseId, (r) => r.snapshot?.judicial?.status === 'accepted');
  await act('recordCourtDecision', { confirmed: true, rulingNo });
  await waitForCase(ctx, caseId, (r) => r.snapshot?.judicial?.status === 'confirmed');
  // The 回访 opens a number of working days after the agreement: move a day
  // at a time past it, whatever holidays lie in between.
  for (let days = 0; ; days++) {
    const row = await ctx.prisma.mediationCase.findUnique({ where: { id: caseId }, select: { snapshot: true } });
    if ((row?.snapshot as { followUp?: { openedAt: string | null } } | null)?.followUp?.openedAt) break;
    if (days > 60) throw new Error(`mediation demo: the 回访 of ${caseId} never opened`);
    await advance(DAY_MS);
  }
  await act('recordFollowUp', { result: 'fulfilled', note: '电话回访双方当事人:漏水已修复,赔偿款已当场付清。' });
  await waitForCase(ctx, caseId, (r) => r.snapshot?.followUp?.visitedAt != null);
  ctx.log(`mediation demo through every stage: ${title}`);
}
