// Grid workers, community and street staff handling the year's 网格事件:
// reported on patrol (or through 12345 by the community), settled on the
// spot, dispatched to the community or escalated to the street, handled,
// checked by the grid worker (sometimes sent back once), and rated.
import type { GridIncidentState } from '../domain/grid/machine';
import type { IncidentPlan } from './plan';
import { act, inLanes, PassFocus, savedState, stepEach, workdaysSince, type Lanes, type World } from './world';

export class GridPersonas {
  readonly plans = new Map<string, IncidentPlan>();
  private readonly focus = new PassFocus();

  constructor(
    private readonly w: World,
    private readonly incidents: readonly IncidentPlan[],
    private readonly lanes: Lanes,
  ) {}

  /** A pass over the day (year.ts): the day's reports on the first, then one step on each open incident that has one due. */
  async pass(first: boolean): Promise<number> {
    const { w } = this;
    // Reports are independent of each other (an incident's id and handling come from its own facts).
    if (this.focus.idle(first)) return 0;
    const reported: string[] = [];
    const arrivals = first ? this.incidents.filter((c) => c.arrival === w.today) : [];
    await inLanes(arrivals, this.lanes, async (plan) => {
      const reporter = plan.channel === 'grid_worker' ? `grid_worker.${plan.gridId}` : `community.${plan.communityId}`;
      const res = await act(w, 'grid', `incident${plan.n}`, reporter, '/api/grid-incidents', 'reportIncident', {
        channel: plan.channel,
        type: plan.type,
        urgency: plan.urgency,
        title: `网格事件 ${plan.n + 1}`,
        description: '网格巡查发现的问题,请及时处置。',
        placeUnitId: plan.gridId,
        address: `${plan.gridId} 辖区`,
        photos: [],
        contactName: null,
        contactPhone: null,
      });
      if (res.status !== 201) throw new Error(`reportIncident ${plan.n}: ${res.status} ${JSON.stringify(res.body)}`);
      this.plans.set(res.body.incidentId, plan);
      reported.push(res.body.incidentId);
    });
    const open = await w.prisma.gridIncident.findMany({
      where: { OR: [{ stage: { notIn: ['closed', 'converted'] } }, { stage: 'closed', satisfaction: null }], id: this.focus.filter(first) },
      select: { id: true, snapshot: true },
      orderBy: { id: 'asc' },
    });
    const acted = await stepEach(open, this.lanes, async ({ id, snapshot }) => {
      const plan = this.plans.get(id);
      const s = savedState<GridIncidentState>(snapshot);
      return !!plan && !!s && this.step(id, s, plan);
    });
    return this.focus.next([...reported, ...acted]);
  }

  private async step(id: string, s: GridIncidentState, plan: IncidentPlan): Promise<boolean> {
    const { w } = this;
    const community = `community.${plan.communityId}`;
    const street = `street_office.${plan.communityId.split('-').slice(0, 2).join('-')}`;
    const verifier = plan.channel === 'grid_worker' ? `grid_worker.${plan.gridId}` : community;
    const run = async (username: string, action: string, body: object, step = '') =>
      (await act(w, 'grid', id, username, `/api/grid-incidents/${id}/actions/${action}`, action, body, step)).status === 200;
    const h = s.handlings.at(-1);
    switch (s.stage) {
      case 'triage':
        if (plan.route === 'spot') return run(community, 'resolveOnSpot', { note: '社区工作人员现场处理完毕' });
        if (plan.route === 'street') return run(community, 'escalateToStreet', { reason: '超出社区处置能力,请街道协调' });
        return run(community, 'dispatchIncident', { unitId: plan.communityId, department: '社区物业服务站', note: '请按时限处置' });
      case 'street_triage':
        return run(street, 'dispatchIncident', { unitId: plan.communityId.split('-').slice(0, 2).join('-'), department: '街道综合执法队', note: '请按时限处置' });
      case 'handling':
        if (!h || h.handledAt || workdaysSince(h.dispatchedAt, w.today) < plan.handleDelay) return false;
        return run(h.unit.level === 'street' ? street : community, 'completeHandling', { result: '已处置完毕', photos: [] }, `h${h.round}`);
      case 'verifying':
        if (plan.reopen && s.reopenCount === 0) return run(verifier, 'rejectResult', { reason: '复查发现问题仍未解决' });
        return run(verifier, 'confirmResult', { note: '复查已处置到位' }, `v${s.verifications.length}`);
      case 'closed':
        return !s.satisfaction && !s.ratingExpiredAt && run(verifier, 'rateSatisfaction', { level: plan.satisfaction, note: '回访居民' });
      default:
        return false;
    }
  }
}
