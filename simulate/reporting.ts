// The year's 双向述职: the district organisation department starts one
// cycle for the whole district in the autumn; every community's secretary
// reports, the street office scores (and sometimes puts a 质询 that the
// secretary answers) and closes the upward step, the downward meeting is
// recorded, and every representative on the roll votes — or does not, as
// planned — before the window closes. A poor rating's 整改 is handed in and
// accepted.
import type { ReportState } from '../domain/reporting';
import type { ReportingPlan } from './plan';
import { act, PassFocus, savedState, stepEach, type Lanes, type World } from './world';

export class ReportingPersonas {
  private startedOn: string | undefined;
  private readonly focus = new PassFocus();
  private voted = new Set<string>();

  constructor(
    private readonly w: World,
    private readonly plan: ReportingPlan,
    private readonly lanes: Lanes,
  ) {}

  /** A pass over the day (year.ts): the cycle's start on its day, then one step on each open report that has one due. */
  async pass(first: boolean): Promise<number> {
    const { w } = this;
    if (this.startedOn === undefined && w.today >= this.plan.start) {
      if (!first) return 0;
      this.startedOn = w.today;
      const res = await act(w, 'reporting', `cycle-${w.year}`, `district_org.${w.org.district.id}`, '/api/reporting/cycles', 'startCycle', { unitId: w.org.district.id, year: w.year });
      if (res.status !== 202) throw new Error(`startCycle: ${res.status} ${JSON.stringify(res.body)}`);
      return 1;
    }
    // The reports appear as the cycle's workflow starts them; the secretaries begin the next day.
    if (this.startedOn === undefined || this.startedOn === w.today || this.focus.idle(first)) return 0;
    const reports = await w.prisma.reportingReport.findMany({ where: { year: w.year, stage: { notIn: ['completed', 'public_notice'] }, id: this.focus.filter(first) }, select: { id: true, state: true }, orderBy: { id: 'asc' } });
    const acted = await stepEach(reports, this.lanes, async ({ id, state }) => {
      const s = savedState<ReportState>(state);
      return !!s && this.step(id, s);
    });
    return this.focus.next(acted);
  }

  private async step(id: string, s: ReportState): Promise<boolean> {
    const { w, plan } = this;
    const c = s.community.id;
    const secretary = `community.${c}`;
    const street = `street_office.${s.street?.id ?? w.org.district.id}`;
    const run = async (username: string, action: string, body: object, step = '') =>
      (await act(w, 'reporting', id, username, `/api/reporting/${id}/actions/${action}`, action, body, step)).status === 200;

    switch (s.stage) {
      // The answer comes once the step is saved; the process moves the stage on just after.
      case 'report':
        return !s.report && run(secretary, 'submitReport', { content: '一、履行党建工作第一责任人职责情况\n二、推进党建项目化管理情况\n三、存在的不足和下一步打算' });
      case 'upward': {
        const q = s.upward.questions;
        if (s.upward.closedAt) return false;
        if (s.upward.scores.length === 0) return run(street, 'scoreUpward', { score: plan.scores.get(c) ?? 85, comment: '工作扎实' });
        if (plan.askQuestion.get(c) && q.length === 0) return run(street, 'askQuestion', { question: '党建项目的居民满意度如何测评?' });
        const open = q.find((x) => !x.answer);
        if (open) return run(secretary, 'answerQuestion', { questionId: open.id, answer: '通过入户走访和问卷测评,满意率95%。' }, open.id);
        return run(street, 'closeUpward', {});
      }
      case 'downward':
        return !s.downward && run(secretary, 'recordDownward', { heldOn: w.today, attendees: 45, summary: '向党员和居民代表会议述职' });
      case 'vote': {
        const round = s.voteRounds.at(-1);
        if (!round || round.status !== 'open') return false;
        const choices = plan.votes.get(c) ?? [];
        // Each representative votes once per round, on the round's first working day; a re-run asks the same people.
        for (const [i, choice] of choices.entries()) {
          const voter = `resident_rep.${c}${i === 0 ? '' : `.${i + 1}`}`;
          const ballot = `${id}:${round.round}:${voter}`;
          if (!choice || this.voted.has(ballot)) continue;
          this.voted.add(ballot);
          await act(w, 'reporting', id, voter, `/api/reporting/${id}/actions/castVote`, 'castVote', { choice }, `r${round.round}`);
        }
        return false;
      }
      case 'rectification': {
        const r = s.rectification;
        if (r?.status === 'open') return run(secretary, 'submitRectification', { plan: '一、建立居民议事会;二、每季度公开居务。' }, String(r.submissions.length));
        if (r?.status === 'submitted') return run(street, 'reviewRectification', { accepted: true, comment: '整改到位' }, String(r.reviews.length));
        return false;
      }
      default:
        return false;
    }
  }
}
