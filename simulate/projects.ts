// Secretaries, street offices, the district organisation department and
// finance carrying the year's 党建项目: applications in the first quarter,
// review (and district approval above the threshold), milestones reported
// and verified around their due dates, each verified milestone paid by
// finance, acceptance scored, 整改 where it fails, 以奖代补 for the good ones.
import type { ProjectState } from '../domain/project/state';
import { DEFAULT_COST_SHARING } from '../domain/project/cost-sharing';
import type { ProjectPlan } from './plan';
import { act, addDaysLocal, PassFocus, savedState, stepEach, workdaysSince, type Lanes, type World } from './world';

/** A project's saved state, or null before the workflow's first save (or in a shape without the ledger). */
const projectState = (snapshot: unknown) => {
  const s = savedState<ProjectState>(snapshot);
  return s && Array.isArray(s.disbursements) ? s : null;
};

const REWARD_FEN: Record<string, number> = { excellent: 500_000, good: 200_000, pass: 0, fail: 0 };

export class ProjectPersonas {
  readonly plans = new Map<string, ProjectPlan>();
  /** When each waiting step was first seen open: its holder acts `delay` working days later. */
  private seen = new Map<string, string>();
  private readonly focus = new PassFocus();

  constructor(
    private readonly w: World,
    private readonly projects: readonly ProjectPlan[],
    private readonly lanes: Lanes,
  ) {}

  /** A pass over the day (year.ts): the day's applications on the first, then one step on each open project that has one due. */
  async pass(first: boolean): Promise<number> {
    const { w } = this;
    if (this.focus.idle(first)) return 0;
    const applied: string[] = [];
    for (const plan of first ? this.projects.filter((p) => p.arrival === w.today) : []) {
      const id = await this.apply(plan);
      if (id) applied.push(id);
    }
    const open = await w.prisma.project.findMany({ where: { stage: { in: ['approval', 'implementation', 'acceptance', 'reward'] }, id: this.focus.filter(first) }, select: { id: true, snapshot: true }, orderBy: { id: 'asc' } });
    const acted = await stepEach(open, this.lanes, async ({ id, snapshot }) => {
      const plan = this.plans.get(id);
      const s = projectState(snapshot);
      return !!plan && !!s && this.step(id, s, plan);
    });
    return this.focus.next([...applied, ...acted]);
  }

  private async apply(plan: ProjectPlan): Promise<string | undefined> {
    const body = {
      communityId: plan.communityId,
      title: plan.title,
      category: plan.category,
      goals: '以党建引领社区治理,解决群众急难愁盼问题',
      budgetFen: plan.milestoneFen.reduce((a, b) => a + b, 0) + plan.finalFen,
      finalPaymentFen: plan.finalFen,
      milestones: plan.milestoneFen.map((amountFen, i) => ({ title: `第${i + 1}阶段`, amountFen, dueDate: plan.dueDates[i] })),
      costSharing: [...DEFAULT_COST_SHARING],
      year: this.w.year,
    };
    const res = await act(this.w, 'project', `project${plan.n}`, `community.${plan.communityId}`, '/api/projects', 'createProject', body);
    // Refused (over the community's cap under a tighter rule set, FUND_CAP_EXCEEDED, which `act` tallies in
    // w.refusals for the summary): the application never became a project.
    if (res.status >= 400 && res.status < 500) return undefined;
    if (res.status !== 201) throw new Error(`createProject ${plan.n}: ${res.status} ${JSON.stringify(res.body)}`);
    this.plans.set(res.body.projectId, plan);
    return res.body.projectId;
  }

  /** Whether the step's holder acts today: `delay` working days after the step was first seen. */
  private due(id: string, key: string, plan: ProjectPlan): boolean {
    const k = `${id}:${key}`;
    const first = this.seen.get(k) ?? this.w.today;
    this.seen.set(k, first);
    return workdaysSince(first, this.w.today) >= plan.delay(key);
  }

  private async step(id: string, s: ProjectState, plan: ProjectPlan): Promise<boolean> {
    const { w } = this;
    const street = `street_office.${plan.streetId}`;
    const community = `community.${plan.communityId}`;
    const finance = `finance.${w.org.district.id}`;
    const district = `district_org.${w.org.district.id}`;
    const run = async (username: string, action: string, body: object, step = '') =>
      (await act(w, 'project', id, username, `/api/projects/${id}/actions/${action}`, action, body, step)).status === 200;

    for (const d of s.disbursements) {
      if (d.status === 'requested' && this.due(id, `release-${d.id}`, plan)) return run(finance, 'releaseFunds', { disbursementId: d.id, voucherNo: `SIM-${plan.n + 1}-${d.id}` }, d.id);
    }
    switch (s.stage) {
      case 'approval':
        if (s.approvalStep === 'street_review' && this.due(id, 'review', plan)) {
          return run(street, 'reviewApplication', plan.approve ? { decision: 'approve', comment: '同意立项' } : { decision: 'reject', comment: '与党建引领关联不足' });
        }
        if (s.approvalStep === 'district_review' && this.due(id, 'district', plan)) return run(district, 'decideDistrictApproval', { decision: 'approve', comment: '同意' });
        return false;
      case 'implementation':
        for (const m of s.milestones) {
          // Reported in the fortnight before its due date (sometimes after it).
          if (m.status === 'pending' && w.today >= addDaysLocal(m.dueDate, 2 * (2 - plan.delay(`m${m.seq}`)))) {
            return run(community, 'reportMilestone', { milestoneSeq: m.seq, summary: `第${m.seq}阶段任务完成`, evidence: ['活动照片.jpg'] }, `m${m.seq}`);
          }
          if (m.status === 'reported' && this.due(id, `verify-${m.seq}-${m.reports.length}`, plan)) {
            return run(street, 'verifyMilestone', { milestoneSeq: m.seq, decision: 'verify', comment: '属实' }, `m${m.seq}`);
          }
        }
        return false;
      case 'acceptance': {
        const a = s.acceptance!;
        if (a.step === 'report' && this.due(id, 'completion', plan)) return run(community, 'submitCompletionReport', { summary: '项目完成,居民满意', evidence: ['结项报告.pdf'] });
        if (a.step === 'rectification' && this.due(id, 'rectify', plan)) return run(community, 'submitRectification', { summary: '已按验收意见整改', evidence: ['整改报告.pdf'] });
        if (a.step === 'inspection' && this.due(id, `inspect-${a.inspections.length}`, plan)) {
          const score = plan.scores[Math.min(a.inspections.length, 1)];
          return run(street, 'scoreAcceptance', { scores: { goals: score, funds: Math.min(100, score + 2), satisfaction: score, records: Math.max(0, score - 3) }, comment: '验收评分' }, `i${a.inspections.length}`);
        }
        return false;
      }
      case 'reward': {
        const r = s.reward!;
        if (r.step === 'proposing' && this.due(id, 'propose', plan)) {
          const rating = s.acceptance?.rating ?? 'pass';
          return run(street, 'proposeReward', { amountFen: REWARD_FEN[rating] ?? 0, recognition: rating === 'excellent' ? '优秀党建项目' : '', comment: '以奖代补' });
        }
        if (r.step === 'confirming' && this.due(id, 'confirm', plan)) return run(district, 'confirmReward', { decision: 'confirm', comment: '同意' });
        return false;
      }
      default:
        return false;
    }
  }
}
