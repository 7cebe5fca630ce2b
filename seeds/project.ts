// Demo projects (党建项目) in several stages, driven through the real use
// cases and workflows, so every demo project can be acted on. Idempotent: a
// demo project is identified by its community and title and created once.
// Needs a Temporal client (the platform start passes one); without it the
// seed logs and does nothing, as the read model must never hold a project
// without its workflow.
import { toLocalDate, yearOf } from '../domain/calendar';
import type { ProjectAction, ActionInputs } from '../domain/project/actions';
import { DEFAULT_COST_SHARING } from '../domain/project/cost-sharing';
import { createProject } from '../api/project/create-project';
import { performAction } from '../api/project/perform-action';
import { getProject } from '../api/project/get-project';
import type { Actor } from '../domain/access';
import { usernameFor } from './demo-org';
import { seedNow, type SeedContext } from './types';
import type { z } from 'zod';
import type { ZCreateProjectBody } from '../api/project/schemas';
import { demoActor, useCaseDeps } from './use-cases';

type Step = { as: (street: string, community: string) => string; action: ProjectAction; input: ActionInputs[ProjectAction] };

interface DemoProject {
  street: string;
  community: string;
  body: z.input<typeof ZCreateProjectBody>;
  steps: Step[];
}

const street = (s: string) => usernameFor('street_office', `qindu-${s}`);


/**
 * Milestone i falls on the 28th, 3·(i+1) months after the month of `today`
 * (the seed's day): the dates of a real plan, after the application. Fixed
 * months of the funding year put them behind the application when the demo
 * was seeded late in the year (a project applied for in December with its
 * first milestone due that March, marked 逾期 at once).
 */
function plan(title: string, category: DemoProject['body']['category'], goals: string, amounts: number[], finalFen: number, today: string): DemoProject['body'] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const dueDate = (i: number) => {
    const month = y * 12 + (m - 1) + 3 * (i + 1);
    return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-28`;
  };
  return {
    title,
    category,
    goals,
    budgetFen: amounts.reduce((a, b) => a + b, 0) + finalFen,
    finalPaymentFen: finalFen,
    milestones: amounts.map((amountFen, i) => ({ title: `第${i + 1}阶段`, amountFen, dueDate: dueDate(i) })),
    costSharing: [...DEFAULT_COST_SHARING],
    year: yearOf(today),
  };
}

export function demoProjects(today: string): DemoProject[] {
  return [
    {
      street: 'renmin',
      community: 'furong',
      body: plan('红色物业·楼院微治理', 'community_service', '推动物业企业党建联建,解决楼院环境和停车难问题', [1_500_000, 1_500_000], 1_000_000, today),
      steps: [],
    },
    {
      street: 'renmin',
      community: 'yongchang',
      body: plan('党员先锋岗·老旧小区加装电梯协调', 'grid_governance', '组织党员逐户协商,完成3个单元加装电梯意见征集与协调', [3_000_000, 3_000_000], 2_000_000, today),
      steps: [{ as: street, action: 'reviewApplication', input: { decision: 'approve', comment: '同意,报区委组织部审批' } }],
    },
    {
      street: 'renmin',
      community: 'beidou',
      body: plan('社区书院·党员教育', 'party_education', '开设党员夜校和社区书院,全年开展学习活动24场', [800_000, 800_000], 400_000, today),
      steps: [{ as: street, action: 'reviewApplication', input: { decision: 'approve', comment: '同意立项' } }],
    },
    {
      street: 'xilan',
      community: 'huafu',
      body: plan('网格党支部·邻里互助', 'volunteer', '以网格党支部为依托建立邻里互助队,服务独居老人', [1_000_000], 500_000, today),
      steps: [{ as: street, action: 'reviewApplication', input: { decision: 'return', comment: '请细化服务对象名单和经费测算' } }],
    },
    {
      street: 'xilan',
      community: 'lanyuan',
      body: plan('广场文化节', 'culture', '举办社区广场文化节', [600_000], 0, today),
      steps: [{ as: street, action: 'reviewApplication', input: { decision: 'reject', comment: '与党建引领关联不足,建议调整为常规文化活动' } }],
    },
  ];
}


export async function seedProjectDemos(ctx: SeedContext): Promise<void> {
  if (!ctx.temporal) {
    ctx.log('project demos skipped: no Temporal client');
    return;
  }
  const deps = useCaseDeps(ctx, ctx.temporal);
  const today = toLocalDate(seedNow(ctx));
  for (const demo of demoProjects(today)) {
    const communityId = `qindu-${demo.street}-${demo.community}`;
    const exists = await ctx.prisma.project.findFirst({ where: { communityId, title: demo.body.title, year: yearOf(today) }, select: { id: true } });
    if (exists) continue;
    const applicant = await demoActor(ctx, usernameFor('community', communityId));
    const created = await createProject({ deps, actor: applicant, body: { ...demo.body, finalPaymentFen: demo.body.finalPaymentFen ?? 0, communityId } as never });
    for (const step of demo.steps) {
      const actor = await demoActor(ctx, step.as(demo.street, demo.community));
      await performAction({ deps, actor, projectId: created.projectId, action: step.action, input: step.input });
    }
    ctx.log(`project demo: ${demo.body.title}`);
  }
  await bringAwaitingFinanceToFinance(ctx, deps);
}

const DAY_MS = 86_400_000;

/** The demo project that stops where finance has a release to make: 财务拨付's queue is not empty on a fresh demo. */
export const AWAITING_FINANCE_TITLE = '社区长者食堂·助餐服务';
const AWAITING_FINANCE_COMMUNITY = 'qindu-renmin-beidou';

/**
 * The awaiting-finance project (CLOCK=virtual: applied for and approved
 * before the every-stage seeds moved the clock past its 公示) has its first
 * milestone reported and verified now, after every advance, so the release
 * it asks of finance is due ahead rather than weeks overdue.
 */
async function bringAwaitingFinanceToFinance(ctx: SeedContext, deps: ReturnType<typeof useCaseDeps>): Promise<void> {
  const row = await ctx.prisma.project.findFirst({ where: { communityId: AWAITING_FINANCE_COMMUNITY, title: AWAITING_FINANCE_TITLE }, select: { id: true } });
  if (!row) return;
  const community = await demoActor(ctx, usernameFor('community', AWAITING_FINANCE_COMMUNITY));
  const street = await demoActor(ctx, usernameFor('street_office', 'qindu-renmin'));
  const project = await getProject({ deps, actor: community, projectId: row.id });
  if (!project.availableActions.some((a) => a.action === 'reportMilestone')) return;
  await performAction({ deps, actor: community, projectId: row.id, action: 'reportMilestone', input: { milestoneSeq: 1, summary: '食堂开业,首月供餐1800份', evidence: ['供餐台账.xlsx'] } });
  await performAction({ deps, actor: street, projectId: row.id, action: 'verifyMilestone', input: { milestoneSeq: 1, decision: 'verify', comment: '属实,请财务拨付' } });
  ctx.log(`project demo awaiting finance: ${AWAITING_FINANCE_TITLE}`);
}

/**
 * CLOCK=virtual: one project carried from application through 公示,
 * implementation, payment, acceptance and 激励 to completion, by the same
 * use cases a person's request runs, with the clock advanced past the 公示;
 * and a second, through the same 公示, to a verified milestone whose release
 * waits for finance. Registered first: the advance would leave the other
 * demos' steps weeks overdue, and they date theirs by the clock's time after
 * it (seedNow).
 */
export async function seedProjectThroughEveryStage(ctx: SeedContext): Promise<void> {
  const { advance } = ctx;
  if (!advance || !ctx.temporal) return;
  const deps = useCaseDeps(ctx, ctx.temporal!);
  const communityId = 'qindu-renmin-furong';
  const today = toLocalDate(seedNow(ctx));
  const body = plan('党员志愿服务·全流程演示', 'volunteer', '组织党员志愿者开展楼院清洁和助老服务,演示项目从立项到激励的全过程', [600_000], 200_000, today);
  if (await ctx.prisma.project.findFirst({ where: { communityId, title: body.title, year: yearOf(today) }, select: { id: true } })) return;
  const as = (role: 'community' | 'street_office' | 'finance' | 'district_org', unit: string) => demoActor(ctx, usernameFor(role, unit));
  const [community, streetOffice, finance, district] = await Promise.all([
    as('community', communityId),
    as('street_office', 'qindu-renmin'),
    as('finance', 'qindu'),
    as('district_org', 'qindu'),
  ]);
  const { projectId } = await createProject({ deps, actor: community, body: { ...body, finalPaymentFen: body.finalPaymentFen ?? 0, communityId } as never });
  const waitingCommunity = await as('community', AWAITING_FINANCE_COMMUNITY);
  const waitingBody = plan(AWAITING_FINANCE_TITLE, 'community_service', '为社区独居和高龄老人提供助餐服务,每日午餐60份', [500_000], 200_000, today);
  const waiting = await createProject({ deps, actor: waitingCommunity, body: { ...waitingBody, finalPaymentFen: waitingBody.finalPaymentFen ?? 0, communityId: AWAITING_FINANCE_COMMUNITY } as never });
  const act = <A extends ProjectAction>(actor: Actor, action: A, input: ActionInputs[A]) => performAction({ deps, actor, projectId, action, input });
  const requested = async (kind: string) => {
    const project = await getProject({ deps, actor: finance, projectId });
    const found = (project.state.disbursements as Array<{ id: string; kind: string; status: string }>).find((d) => d.kind === kind && d.status === 'requested');
    if (!found) throw new Error(`demo project: no requested ${kind} disbursement`);
    return found.id;
  };
  const actOnWaiting = <A extends ProjectAction>(actor: Actor, action: A, input: ActionInputs[A]) => performAction({ deps, actor, projectId: waiting.projectId, action, input });
  await act(streetOffice, 'reviewApplication', { decision: 'approve', comment: '同意立项' });
  await actOnWaiting(streetOffice, 'reviewApplication', { decision: 'approve', comment: '同意立项' });
  await advance(10 * DAY_MS); // 公示 of 5 working days runs out
  await act(community, 'reportMilestone', { milestoneSeq: 1, summary: '志愿服务队成立,开展活动12次', evidence: ['活动照片.jpg'] });
  await act(streetOffice, 'verifyMilestone', { milestoneSeq: 1, decision: 'verify', comment: '属实' });
  await act(finance, 'releaseFunds', { disbursementId: await requested('milestone'), voucherNo: 'DEMO-0001' });
  await act(community, 'submitCompletionReport', { summary: '项目完成,居民满意', evidence: ['结项报告.pdf'] });
  await act(streetOffice, 'scoreAcceptance', { scores: { goals: 95, funds: 95, satisfaction: 95, records: 95 }, comment: '成效显著' });
  await act(finance, 'releaseFunds', { disbursementId: await requested('final'), voucherNo: 'DEMO-0002' });
  await act(streetOffice, 'proposeReward', { amountFen: 300_000, recognition: '优秀党建项目', comment: '以奖代补' });
  await act(district, 'confirmReward', { decision: 'confirm', comment: '同意' });
  await act(finance, 'releaseFunds', { disbursementId: await requested('reward'), voucherNo: 'DEMO-0003' });
  ctx.log(`project demo through every stage: ${body.title}`);
}
