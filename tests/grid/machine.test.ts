// The grid incident machine without any server: who may do what when, the
// working-day limits per urgency, reminders and escalations from its
// deadlines, the one reopen, and the figures the statistics read.
import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../../domain/access';
import { defaultCalendar } from '../../domain/calendar';
import type { LevelledUnit } from '../../domain/grid/access';
import { createGridMachine, type GridAction, type GridIncidentState, type GridInputs } from '../../domain/grid/machine';
import { DEFAULT_GRID_RULES } from '../../domain/grid/rules';
import { computeFigures, handlingFigures } from '../../domain/grid/statistics';
import type { RoleName } from '../../domain/roles';

const district = { id: 'qindu', path: 'qindu/', name: '秦都区' };
const street = { id: 'qindu-renmin', path: 'qindu/qindu-renmin/', name: '人民路街道' };
const community = { id: 'qindu-renmin-furong', path: `${street.path}qindu-renmin-furong/`, name: '芙蓉社区' };
const grid = { id: 'qindu-renmin-furong-g1', path: `${community.path}qindu-renmin-furong-g1/`, name: '芙蓉社区第一网格', level: 'grid' as const };
const otherStreet = { id: 'qindu-xilan', path: 'qindu/qindu-xilan/', name: '西兰路街道' };

const person = (id: string, ...grants: [RoleName, { id: string; path: string }][]): Actor => ({
  personId: id,
  displayName: id,
  grants: grants.map(([role, u]): RoleGrant => ({ role, unitId: u.id, unitPath: u.path })),
});
const gridWorker = person('gw', ['grid_worker', grid]);
const otherGridWorker = person('gw2', ['grid_worker', { id: 'g2', path: `${community.path}g2/` }]);
const communityStaff = person('cs', ['community', community]);
const streetOffice = person('so', ['street_office', street]);
const siblingStreetOffice = person('so2', ['street_office', otherStreet]);
const districtOrg = person('do', ['district_org', district]);
const finance = person('fi', ['finance', district]);

const machine = createGridMachine({ rules: DEFAULT_GRID_RULES, calendar: defaultCalendar() });
// Monday 2026-03-02, 10:00 Beijing time.
const T0 = new Date('2026-03-02T02:00:00Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

function reported(urgency: 'urgent' | 'ordinary' | 'minor' = 'ordinary'): GridIncidentState {
  return machine.report(
    {
      incidentId: 'i1',
      incidentNo: '秦都网格〔2026〕1号',
      facts: { title: '路灯损坏', type: 'public_facility', urgency, channel: 'grid_worker', place: grid, address: '3号楼东侧', photos: ['att/1.jpg'], units: { community, street, district } },
      reportedBy: { personId: gridWorker.personId, displayName: '网格员' },
    },
    T0,
  ).state;
}

function act<A extends GridAction>(s: GridIncidentState, actor: Actor, action: A, input: GridInputs[A], now = hours(1)): GridIncidentState {
  const r = machine.refusal(s, actor, action, input, now);
  expect(r, JSON.stringify(r)).toBeNull();
  return machine.apply(s, actor, action, input, now).state;
}

const dispatchTo = (unit: LevelledUnit = { ...community, level: 'community' }) => ({ unit, department: '社区物业办', note: '请三日内修复' });

describe('grid incident machine', () => {
  it('waits for the community to triage, due the next working day', () => {
    const s = reported();
    expect(s.stage).toBe('triage');
    expect(s.step?.dueAt).toBe('2026-03-03T15:59:59.999Z');
    expect(machine.pendingTasks(s)).toEqual([expect.objectContaining({ key: 'triage', action: 'dispatchIncident', role: 'community', unitId: community.id })]);
    expect(machine.deadlines(s)).toEqual([{ key: 'triage:remind', at: s.step!.dueAt, action: 'remindOverdue' }]);
    expect(machine.availableActions(s, communityStaff, hours(1))).toEqual(['resolveOnSpot', 'dispatchIncident', 'convertToMediation', 'escalateToStreet']);
    expect(machine.availableActions(s, gridWorker, hours(1))).toEqual([]);
  });

  it('goes report → dispatch → handle → verify → close → rating, with the limit of its urgency', () => {
    let s = act(reported('urgent'), communityStaff, 'dispatchIncident', dispatchTo());
    expect(s.stage).toBe('handling');
    // Urgent: one working day from the dispatch (Monday) → end of Tuesday.
    expect(s.handlings[0].dueAt).toBe('2026-03-03T15:59:59.999Z');
    expect(machine.pendingTasks(s)[0]).toMatchObject({ key: 'handle-1', action: 'completeHandling', role: 'community', unitId: community.id });
    s = act(s, communityStaff, 'completeHandling', { result: '已更换灯泡', photos: ['att/2.jpg'] }, hours(5));
    expect(s.stage).toBe('verifying');
    expect(s.handlings[0].onTime).toBe(true);
    expect(machine.pendingTasks(s)[0]).toMatchObject({ key: 'verify-1', role: 'grid_worker', assigneeId: gridWorker.personId });
    s = act(s, gridWorker, 'confirmResult', { note: '现场核实已亮' }, hours(6));
    expect(s).toMatchObject({ stage: 'closed', outcome: 'resolved' });
    expect(machine.finished(s)).toBe(false);
    expect(machine.pendingTasks(s)[0]).toMatchObject({ key: 'rating', action: 'rateSatisfaction' });
    s = act(s, communityStaff, 'rateSatisfaction', { level: 'satisfied', note: '' }, hours(7));
    expect(machine.finished(s)).toBe(true);
    expect(machine.deadlines(s)).toEqual([]);
    expect(handlingFigures(s)).toEqual({ handledAt: hours(5).toISOString(), onTime: true, handlingDays: 0.2 });
  });

  it('reopens once to the same assignee, then closes as unresolved and alerts the street', () => {
    let s = act(reported(), communityStaff, 'dispatchIncident', dispatchTo());
    s = act(s, communityStaff, 'completeHandling', { result: '已处理', photos: [] });
    s = act(s, gridWorker, 'rejectResult', { reason: '灯仍不亮' });
    expect(s).toMatchObject({ stage: 'handling', reopenCount: 1 });
    expect(s.handlings.map((h) => h.round)).toEqual([1, 2]);
    expect(machine.pendingTasks(s)[0].key).toBe('handle-2');
    s = act(s, communityStaff, 'completeHandling', { result: '已更换线路', photos: [] });
    const step = machine.apply(s, gridWorker, 'rejectResult', { reason: '仍不亮' }, hours(2));
    expect(step.state).toMatchObject({ stage: 'closed', outcome: 'unresolved' });
    expect(step.effects.notifications).toEqual([expect.objectContaining({ to: { role: 'street_office', unitId: street.id }, kind: 'grid.unresolved' })]);
  });

  it('reminds an overdue handling, then has the level above supervise it', () => {
    let s = act(reported('ordinary'), communityStaff, 'dispatchIncident', dispatchTo());
    const [remind] = machine.deadlines(s);
    expect(remind).toMatchObject({ key: 'handle-1:remind', action: 'remindOverdue', at: '2026-03-05T15:59:59.999Z' });
    const r = machine.onDeadline(s, remind, new Date(remind.at));
    s = r.state;
    expect(r.effects.notifications[0]).toMatchObject({ kind: 'grid.overdue', to: { role: 'community', unitId: community.id } });
    const [escalate] = machine.deadlines(s);
    expect(escalate).toMatchObject({ key: 'handle-1:escalate', action: 'escalateOverdue', at: '2026-03-06T15:59:59.999Z' });
    const e = machine.onDeadline(s, escalate, new Date(escalate.at));
    expect(e.effects.notifications[0]).toMatchObject({ kind: 'grid.escalated', to: { role: 'street_office', unitId: street.id } });
    expect(e.state.handlings[0].supervisedAt).not.toBeNull();
    expect(machine.deadlines(e.state)).toEqual([]);
    // Late handling still counts, as late.
    const late = act(e.state, communityStaff, 'completeHandling', { result: '已修复', photos: [] }, new Date('2026-03-09T02:00:00Z'));
    expect(late.handlings[0].onTime).toBe(false);
  });

  it('sends a triage the community let lapse to the street, and closes an unverified result by itself', () => {
    let s = reported();
    s = machine.onDeadline(s, machine.deadlines(s)[0], new Date(s.step!.dueAt)).state;
    s = machine.onDeadline(s, machine.deadlines(s)[0], new Date(s.step!.escalateAt!)).state;
    expect(s.stage).toBe('street_triage');
    expect(machine.pendingTasks(s)[0]).toMatchObject({ role: 'street_office', unitId: street.id });
    expect(machine.refusal(s, communityStaff, 'dispatchIncident', dispatchTo(), hours(1))?.code).toBe('WRONG_STAGE');
    s = act(s, streetOffice, 'dispatchIncident', dispatchTo({ ...street, level: 'street' }));
    s = act(s, streetOffice, 'completeHandling', { result: '已处置', photos: [] });
    s = machine.onDeadline(s, machine.deadlines(s)[0], new Date(s.step!.dueAt)).state;
    expect(machine.deadlines(s)[0].action).toBe('closeUnverified');
    s = machine.onDeadline(s, machine.deadlines(s)[0], new Date(s.step!.escalateAt!)).state;
    expect(s).toMatchObject({ stage: 'closed', outcome: 'resolved_unverified' });
    const [expire] = machine.deadlines(s);
    expect(expire.action).toBe('expireRating');
    expect(machine.finished(machine.onDeadline(s, expire, new Date(expire.at)).state)).toBe(true);
  });

  it('converts into mediation, which ends the incident', () => {
    const s = act(reported(), communityStaff, 'convertToMediation', { mediationCaseId: 'c1', disputeType: 'neighbour', note: '邻里噪声纠纷' });
    expect(s).toMatchObject({ stage: 'converted', outcome: 'converted', mediationCaseId: 'c1' });
    expect(machine.finished(s)).toBe(true);
    expect(machine.pendingTasks(s)).toEqual([]);
  });

  it('checks who before when before what', () => {
    const s = reported();
    const at = hours(1);
    // An outsider: role, then scope, before the stage.
    expect(machine.refusal(s, finance, 'completeHandling', { result: 'x', photos: [] }, at)?.code).toBe('FORBIDDEN_ROLE');
    expect(machine.refusal(s, siblingStreetOffice, 'dispatchIncident', dispatchTo(), at)?.code).toBe('FORBIDDEN_SCOPE');
    expect(machine.refusal(s, districtOrg, 'dispatchIncident', dispatchTo(), at)?.code).toBe('FORBIDDEN_ROLE');
    // The reporter may act, but not triage.
    expect(machine.refusal(s, gridWorker, 'dispatchIncident', dispatchTo(), at)?.code).toBe('FORBIDDEN_ROLE');
    expect(machine.refusal(s, otherGridWorker, 'confirmResult', { note: '' }, at)?.code).toBe('FORBIDDEN_SCOPE');
    // Stage after access.
    expect(machine.refusal(s, gridWorker, 'confirmResult', { note: '' }, at)?.code).toBe('WRONG_STAGE');
    expect(machine.refusal(s, communityStaff, 'completeHandling', { result: 'x', photos: [] }, at)?.code).toBe('WRONG_STAGE');
    // Input last.
    expect(machine.refusal(s, communityStaff, 'dispatchIncident', dispatchTo({ ...otherStreet, level: 'street' }), at)?.code).toBe('BUSINESS_RULE');
    expect(machine.refusal(s, communityStaff, 'resolveOnSpot', { note: '  ' }, at)?.code).toBe('BUSINESS_RULE');
    expect(machine.refusal(s, streetOffice, 'escalateToStreet', { reason: 'x' }, at)?.code).toBe('FORBIDDEN_ROLE');
    // The street dispatches across the district.
    expect(machine.refusal(s, streetOffice, 'dispatchIncident', dispatchTo({ ...district, level: 'district' }), at)).toBeNull();
  });

  it('computes figures: on-time rate, median days, satisfaction', () => {
    const f = computeFigures([
      { gridUnitId: 'g1', communityUnitId: 'c', streetUnitId: 's', stage: 'closed', outcome: 'resolved', handledOnTime: true, handlingDays: 1, satisfaction: 'satisfied' },
      { gridUnitId: 'g1', communityUnitId: 'c', streetUnitId: 's', stage: 'closed', outcome: 'resolved', handledOnTime: false, handlingDays: 4, satisfaction: 'dissatisfied' },
      { gridUnitId: 'g2', communityUnitId: 'c', streetUnitId: 's', stage: 'closed', outcome: 'resolved_on_spot', handledOnTime: true, handlingDays: 0.1, satisfaction: 'basically_satisfied' },
      { gridUnitId: null, communityUnitId: 'c', streetUnitId: 's', stage: 'handling', outcome: null, handledOnTime: null, handlingDays: null, satisfaction: null },
      { gridUnitId: 'g2', communityUnitId: 'c', streetUnitId: 's', stage: 'converted', outcome: 'converted', handledOnTime: null, handlingDays: null, satisfaction: null },
    ]);
    expect(f).toMatchObject({ reported: 5, open: 1, closed: 3, resolvedOnSpot: 1, convertedToMediation: 1, handled: 3, onTime: 2, onTimeRatePercent: '66.7', medianHandlingDays: 1, rated: 3, satisfactionRatePercent: '66.7' });
  });
});
