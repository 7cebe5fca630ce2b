// Mediators, parties and courts of the year's cases (三级三轮调解): cases
// are registered by the channel they come through, each round's mediator
// accepts, meets the parties and ends the round as planned for that level —
// or lets it run over, and the process escalates by itself — and agreements
// go on to 司法确认 and the 回访.
import type { MediationState } from '../domain/mediation/case-state';
import type { CasePlan } from './plan';
import { act, daysSince, inLanes, PassFocus, savedState, stepEach, workdaysSince, type Lanes, type World } from './world';

const PARTIES = [
  { role: 'applicant', name: '王建军', phone: '13709101234', idNumber: '610402197505061234', address: '3号楼2单元101室' },
  { role: 'respondent', name: '赵秀英', phone: '13891825678', idNumber: '610402198011224321', address: '3号楼2单元201室' },
];

const mediatorOf = (unitId: string) => `mediator.${unitId}`;

/** Who registers a case arriving by this channel. */
function registrar(plan: CasePlan, w: World): string {
  const street = plan.communityId.split('-').slice(0, 2).join('-');
  switch (plan.channel) {
    case 'grid_worker':
      return `grid_worker.${plan.gridId}`;
    case 'hotline_12345':
      return mediatorOf(w.org.district.id);
    case 'court_referral':
    case 'police_referral':
      return mediatorOf(street);
    default:
      return mediatorOf(plan.communityId);
  }
}

export class MediationPersonas {
  /** case id → plan */
  readonly plans = new Map<string, CasePlan>();
  private readonly focus = new PassFocus();

  constructor(
    private readonly w: World,
    private readonly cases: readonly CasePlan[],
    private readonly lanes: Lanes,
  ) {}

  /** A pass over the day (year.ts): the day's arrivals on the first, then one step on each open case that has one due. */
  async pass(first: boolean): Promise<number> {
    const { w } = this;
    // Registrations are independent of each other (a case's id and rules come from its own facts).
    if (this.focus.idle(first)) return 0;
    const registered: string[] = [];
    const arrivals = first ? this.cases.filter((c) => c.arrival === w.today) : [];
    await inLanes(arrivals, this.lanes, async (plan) => void registered.push(await this.register(plan)));
    const open = await w.prisma.mediationCase.findMany({ where: { stage: { in: ['in_round', 'agreement'] }, id: this.focus.filter(first) }, select: { id: true, snapshot: true }, orderBy: { id: 'asc' } });
    const acted = await stepEach(open, this.lanes, async ({ id, snapshot }) => {
      const plan = this.plans.get(id);
      const s = savedState<MediationState>(snapshot);
      return !!plan && !!s && this.step(id, s, plan);
    });
    return this.focus.next([...registered, ...acted]);
  }

  private async register(plan: CasePlan): Promise<string> {
    const res = await act(this.w, 'mediation', `case${plan.n}`, registrar(plan, this.w), '/api/mediation-cases', 'registerCase', {
      title: `${plan.disputeType}纠纷 ${plan.n + 1}`,
      description: '当事人反映的矛盾纠纷,经登记受理。',
      placeUnitId: plan.channel === 'grid_worker' ? plan.gridId : plan.communityId,
      channel: plan.channel,
      disputeType: plan.disputeType,
      risk: plan.risk,
      complexity: plan.complexity,
      amountFen: plan.amountFen,
      alreadyInLitigation: false,
      notSuitableReason: null,
      parties: PARTIES,
    });
    if (res.status !== 201) throw new Error(`registerCase ${plan.n}: ${res.status} ${JSON.stringify(res.body)}`);
    this.plans.set(res.body.caseId, plan);
    return res.body.caseId;
  }

  private async step(id: string, s: MediationState, plan: CasePlan): Promise<boolean> {
    const { w } = this;
    const today = w.today;
    const path = (action: string) => `/api/mediation-cases/${id}/actions/${action}`;
    const run = async (username: string, action: string, body: object, step = '') => {
      const res = await act(w, 'mediation', id, username, path(action), action, body, step);
      return res.status === 200;
    };
    if (s.stage === 'in_round') {
      const round = s.rounds.at(-1)!;
      if (round.endedAt) return false;
      const lp = plan.levels[round.level];
      const mediator = mediatorOf(round.unit.id);
      const tag = `${round.level}${s.rounds.length}`;
      if (!round.acceptedAt) {
        return workdaysSince(round.startedAt, today) >= lp.acceptDelay && run(mediator, 'acceptCase', {}, tag);
      }
      if (lp.end === 'late') return false; // the round runs over; the process reminds, then escalates
      if (round.sessions.length === 0) {
        return run(mediator, 'recordSession', { heldOn: today, place: '人民调解室', participants: PARTIES.map((p) => p.name), summary: '听取双方陈述,释法明理' }, tag);
      }
      if (workdaysSince(round.acceptedAt, today) < lp.concludeDelay) return false;
      if (lp.end === 'agreement') {
        return run(mediator, 'recordAgreement', { terms: '一、被申请人于十五日内履行;\n二、双方不再就此事发生争议。', performance: '按期履行', amountFen: plan.amountFen, performBy: null }, tag);
      }
      if (lp.end === 'withdrawn') return run(mediator, 'recordWithdrawal', { kind: 'withdrawn', party: '申请人', reason: '双方自行和解' }, tag);
      return run(mediator, 'recordFailure', { reason: '双方分歧较大,未能达成一致' }, tag);
    }
    if (s.stage === 'agreement' && s.agreement) {
      const mediator = mediatorOf(s.agreement.unit.id);
      const j = s.judicial;
      const jp = plan.judicial;
      if (j?.status === 'open' && jp.apply && daysSince(s.agreement.effectiveAt, today) >= jp.applyDelay) {
        return run(mediator, 'applyJudicialConfirmation', { applicants: PARTIES.map((p) => p.name), court: '咸阳市秦都区人民法院' });
      }
      if (j?.status === 'applied' && daysSince(j.appliedAt!, today) >= jp.acceptDelay) {
        return run(mediator, 'recordCourtAcceptance', jp.accepted ? { accepted: true, courtCaseNumber: `(${w.year})陕0402民特${plan.n + 1}号` } : { accepted: false, reason: '不符合受理条件' });
      }
      if (j?.status === 'accepted' && daysSince(j.acceptedAt!, today) >= jp.decideDelay) {
        return run(mediator, 'recordCourtDecision', jp.confirmed ? { confirmed: true, rulingNo: `(${w.year})陕0402民特${plan.n + 1}号` } : { confirmed: false, reason: '协议内容违反法律规定' });
      }
      const f = s.followUp;
      if (f?.openedAt && !f.visitedAt && workdaysSince(f.openedAt, today) >= plan.followUp.delay) {
        return run(mediator, 'recordFollowUp', { result: plan.followUp.result, note: '电话回访双方当事人,了解协议履行情况' });
      }
    }
    return false;
  }
}
