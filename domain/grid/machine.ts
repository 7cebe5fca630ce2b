// 网格事件处置 as a timed machine of the process kit: a grid worker or the
// 12345 hotline reports an incident; the community triages it (resolve on the
// spot, dispatch, convert into a mediation case, or escalate to the street);
// the assignee handles it within a working-day limit per urgency; the
// reporter or the grid worker checks the result; it closes, or is reopened
// once; the resident's satisfaction is recorded. Every timed step reminds
// when overdue and then escalates by itself; the runner (workflows/kit) waits
// on `deadlines` and applies `onDeadline`, so this file is the whole process.
//
// Pure: rules and the working-day calendar are given to `createGridMachine`
// (the workflow passes those captured at report time), the clock is `now`.
import { accessRefusal, type Actor, type UnitRef } from '../access';
import { addWorkingDays, toLocalDate, type BusinessCalendar } from '../calendar';
import type { ErrorCode } from '../errors';
import { awaitedSigners, countersignRefusal, newCountersign, SIGN_MODE_LABELS, vote, type Countersign, type SignerRef, type SignMode } from '../kit/countersign';
import type { Deadline, NotificationIntent, PendingTask, Refusal, Step, TimedMachine, TimelineEntry } from '../kit/machine';
import { GRID_SEND_BACK_TARGETS } from './send-back-targets';
import type { RoleName } from '../roles';
import { isSystemActor } from '../inbox/system-actor';
import { ACT_REFUSAL_MESSAGE, actRefusal, handlerRoleOf, isHandler, type IncidentAccessView, type LevelledUnit } from './access';
import type { GridRules } from './rules';
import {
  INCIDENT_TYPE_LABELS,
  MAX_PHOTOS,
  SATISFACTION_LABELS,
  URGENCY_LABELS,
  type IncidentChannel,
  type IncidentOutcome,
  type IncidentStage,
  type IncidentType,
  type Satisfaction,
  type Urgency,
} from './types';

export interface IncidentFacts {
  title: string;
  type: IncidentType;
  urgency: Urgency;
  channel: IncidentChannel;
  /** The grid (or community) where it happened. */
  place: LevelledUnit;
  /** 具体位置, e.g. "3号楼东侧绿化带". */
  address: string;
  /** Attachment references of the reporter's photos. */
  photos: string[];
  /** The place's community, street and district. */
  units: { community: UnitRef; street: UnitRef; district: UnitRef };
}

/** A step with a clock: it reminds at `dueAt`, escalates at `escalateAt`. */
export interface TimedStep {
  /** Unique per occurrence ("handle-2"): the inbox key and the deadline keys. */
  key: string;
  dueAt: string;
  remindedAt: string | null;
  escalateAt: string | null;
  escalatedAt: string | null;
}

/** One dispatch and its handling (a reopened incident gets a second round, same assignee). */
export interface HandlingRound {
  round: number;
  unit: LevelledUnit;
  department: string | null;
  note: string;
  dispatchedAt: string;
  dispatchedById: string;
  dueAt: string;
  handledAt: string | null;
  handledById: string | null;
  handledByName: string | null;
  result: string | null;
  photos: string[];
  /** Set when handled: by the round's due date. */
  onTime: boolean | null;
  /** 督办: the level above was alerted after the grace period. */
  supervisedAt: string | null;
}

export interface Verification {
  round: number;
  at: string;
  byId: string;
  byName: string;
  accepted: boolean;
  note: string;
}

export interface GridIncidentState {
  version: number;
  eventSeq: number;
  incidentId: string;
  incidentNo: string;
  facts: IncidentFacts;
  reportedAt: string;
  reportedBy: { personId: string; displayName: string };
  stage: IncidentStage;
  step: TimedStep | null;
  /** When it went to the street (by the community, or by itself when triage was overdue). */
  escalatedToStreetAt: string | null;
  handlings: HandlingRound[];
  verifications: Verification[];
  reopenCount: number;
  outcome: IncidentOutcome | null;
  closedAt: string | null;
  closeNote: string | null;
  mediationCaseId: string | null;
  satisfaction: { level: Satisfaction; note: string; at: string; byId: string } | null;
  /** 回访 window after closing; it ends the process when it passes unrated. */
  ratingDueAt: string | null;
  ratingExpiredAt: string | null;
  /** 退回 so far (absent before send-backs existed): a step that comes back carries it in its key. */
  sendBacks?: number;
  /** Who dispatched it (absent in incidents dispatched before 联合核查 existed). */
  dispatcher?: SignerRef | null;
  /** 联合核查 asked at dispatch: the reporter and the dispatcher check together (会签) or either of them (或签). */
  verifyMode?: SignMode | null;
  /** The current check's countersign, while 联合核查 is under way. */
  verifyPanel?: Countersign | null;
}

// ---------------------------------------------------------------------------
// Actions

export interface GridInputs {
  /** The community (or street) settled it at once. */
  resolveOnSpot: { note: string };
  /** The API resolves the unit from its id: the machine cannot read the database. */
  dispatchIncident: {
    unit: LevelledUnit;
    department: string | null;
    note: string;
    /** 联合核查: the result is checked by the reporter and the dispatcher together (all, 会签) or by either (any, 或签); absent: by the reporter or the grid's worker. */
    verifyMode?: SignMode | null;
  };
  /** The API creates the mediation case with this id right after (api/grid/perform-action.ts). */
  convertToMediation: { mediationCaseId: string; disputeType: string; note: string };
  escalateToStreet: { reason: string };
  completeHandling: { result: string; photos: string[] };
  confirmResult: { note: string };
  rejectResult: { reason: string };
  rateSatisfaction: { level: Satisfaction; note: string };
}
export type GridAction = keyof GridInputs;

export const GRID_ACTIONS: readonly GridAction[] = [
  'resolveOnSpot',
  'dispatchIncident',
  'convertToMediation',
  'escalateToStreet',
  'completeHandling',
  'confirmResult',
  'rejectResult',
  'rateSatisfaction',
];

export const GRID_ACTION_LABELS: Record<GridAction, string> = {
  resolveOnSpot: '就地解决',
  dispatchIncident: '分拨处置',
  convertToMediation: '转人民调解',
  escalateToStreet: '上报街道',
  completeHandling: '反馈处置结果',
  confirmResult: '核查通过',
  rejectResult: '核查不通过,退回重办',
  rateSatisfaction: '记录满意度回访',
};

/** What the process does by itself when a deadline passes. */
export type GridSystemAction = 'remindOverdue' | 'escalateOverdue' | 'closeUnverified' | 'expireRating';


/**
 * Steps the inbox may decide itself when their holder stays silent past the
 * hours INBOX_STEP_TIMEOUTS sets (超时自动办理), with the input it decides
 * with. 核查: the reporter's silence counts as acceptance, as the process's
 * own escalation (closeUnverified) already treats it, only sooner where a
 * district configures it. Nothing that reopens, dispatches or rates.
 */
export const GRID_AUTO_DECISIONS: Partial<{ [A in GridAction]: GridInputs[A] }> = {
  confirmResult: { note: '上报人逾期未核查,视为核查通过' },
};

// ---------------------------------------------------------------------------
// Pure helpers

const refuse = (code: ErrorCode, message: string): Refusal => ({ code, message });
const blank = (s: string | null | undefined) => !s || s.trim() === '';

export function accessViewOf(state: Pick<GridIncidentState, 'facts' | 'reportedBy' | 'handlings'>): IncidentAccessView {
  return { placePath: state.facts.place.path, reporterId: state.reportedBy.personId, assignees: state.handlings.map((h) => h.unit) };
}

export function currentHandling(state: GridIncidentState): HandlingRound | null {
  return state.handlings.at(-1) ?? null;
}

/** May triage now: the community over the place's community, or the street office over its street. */
function triagerLevel(actor: Actor, state: GridIncidentState): 'community' | 'street' | null {
  if (accessRefusal(actor, ['street_office'], state.facts.units.street.path) === null) return 'street';
  if (accessRefusal(actor, ['community'], state.facts.units.community.path) === null) return 'community';
  return null;
}

/** The reporter, or a grid worker over the place, checks the result. */
function isVerifier(actor: Actor, state: GridIncidentState): boolean {
  return actor.personId === state.reportedBy.personId || accessRefusal(actor, ['grid_worker'], state.facts.place.path) === null;
}

/** Who gets the verification and rating tasks. */
function verifierTask(state: GridIncidentState): { role: RoleName; unitId: string; assigneeId: string | null } {
  if (state.facts.place.level === 'grid') {
    return { role: 'grid_worker', unitId: state.facts.place.id, assigneeId: state.facts.channel === 'grid_worker' ? state.reportedBy.personId : null };
  }
  return { role: 'community', unitId: state.facts.units.community.id, assigneeId: state.reportedBy.personId };
}

/** The unit above an assignee that supervises an overdue handling (督办). */
function supervisorOf(state: GridIncidentState, unit: LevelledUnit): { role: RoleName; unitId: string } {
  switch (unit.level) {
    case 'grid':
      return { role: 'community', unitId: state.facts.units.community.id };
    case 'community':
      return { role: 'street_office', unitId: state.facts.units.street.id };
    default:
      return { role: 'district_org', unitId: state.facts.units.district.id };
  }
}

const title = (s: GridIncidentState) => `${s.incidentNo} ${s.facts.title}`;

/** Part of a step's key after a 退回, so the step that comes back is a new task (none before: old keys stay). */
const backSuffix = (s: GridIncidentState) => (s.sendBacks ? `-b${s.sendBacks}` : '');


/** Who holds the current timed step, and what it is called. */
function holdersOf(s: GridIncidentState): { role: RoleName; unitId: string; assigneeId: string | null; what: string } | null {
  switch (s.stage) {
    case 'triage':
      return { role: 'community', unitId: s.facts.units.community.id, assigneeId: null, what: '分拨网格事件' };
    case 'street_triage':
      return { role: 'street_office', unitId: s.facts.units.street.id, assigneeId: null, what: '分拨上报的网格事件' };
    case 'handling': {
      const h = currentHandling(s)!;
      return { role: handlerRoleOf(h.unit.level), unitId: h.unit.id, assigneeId: null, what: h.round > 1 ? '重办网格事件' : '处置网格事件' };
    }
    case 'verifying':
      return { ...verifierTask(s), what: '核查处置结果' };
    default:
      return null;
  }
}

/** The inbox tasks the state calls for right now (no rules needed: the activity and the API call it too). */
export function pendingTasksOf(s: GridIncidentState): PendingTask<GridAction>[] {
  const holder = holdersOf(s);
  if (holder && s.step) {
    const action: GridAction = s.stage === 'handling' ? 'completeHandling' : s.stage === 'verifying' ? 'confirmResult' : 'dispatchIncident';
    const task: PendingTask<GridAction> = { key: s.step.key, action, title: `${holder.what}:${title(s)}`, role: holder.role, unitId: holder.unitId, assigneeId: holder.assigneeId, dueAt: s.step.escalateAt ?? s.step.dueAt };
    const panel = s.stage === 'verifying' ? s.verifyPanel : null;
    if (panel) return [{ ...task, title: `${holder.what}(${SIGN_MODE_LABELS[panel.mode]}):${title(s)}`, assigneeId: null, signers: { mode: panel.mode, personIds: awaitedSigners(panel).map((p) => p.personId) } }];
    return [task];
  }
  if (s.stage === 'closed' && !isFinished(s)) {
    const v = verifierTask(s);
    return [{ key: 'rating', action: 'rateSatisfaction', title: `满意度回访:${title(s)}`, ...v, dueAt: s.ratingDueAt }];
  }
  return [];
}

export function isFinished(state: GridIncidentState): boolean {
  return state.stage === 'converted' || (state.stage === 'closed' && (state.satisfaction !== null || state.ratingExpiredAt !== null));
}

// ---------------------------------------------------------------------------
// The machine

export interface GridMachineContext {
  rules: GridRules;
  calendar: BusinessCalendar;
}

export interface NewIncident {
  incidentId: string;
  incidentNo: string;
  facts: IncidentFacts;
  reportedBy: { personId: string; displayName: string };
}

export type GridMachine = TimedMachine<GridIncidentState, GridInputs, GridSystemAction> & {
  /** The reported incident and its first step (the runner saves it first). */
  report(input: NewIncident, now: Date): Step<GridIncidentState>;
};

export function createGridMachine({ rules, calendar }: GridMachineContext): GridMachine {
  const due = (from: Date, days: number) => addWorkingDays(from, days, calendar).toISOString();
  const timed = (key: string, from: Date, days: number): TimedStep => ({ key, dueAt: due(from, days), remindedAt: null, escalateAt: null, escalatedAt: null });

  /** A step's changes: a copy of the state, its timeline entries and notifications. */
  function begin(state: GridIncidentState) {
    const next = JSON.parse(JSON.stringify(state)) as GridIncidentState;
    const timeline: TimelineEntry[] = [];
    const notifications: NotificationIntent[] = [];
    const note = (now: Date, actor: Actor | null, action: string, summary: string, data: Record<string, unknown> = {}) => {
      next.version += 1;
      next.eventSeq += 1;
      timeline.push({ seq: next.eventSeq, at: now.toISOString(), action, actorId: actor?.personId ?? null, actorName: actor?.displayName ?? null, summary, data });
    };
    const done = (): Step<GridIncidentState> => ({ state: next, effects: { timeline, notifications } });
    return { next, note, notify: (n: NotificationIntent) => notifications.push(n), done };
  }


  function close(s: GridIncidentState, outcome: IncidentOutcome, note: string, now: Date) {
    s.stage = 'closed';
    s.outcome = outcome;
    s.closeNote = note;
    s.closedAt = now.toISOString();
    s.step = null;
    s.ratingDueAt = due(now, rules.ratingWorkingDays);
  }

  function openHandling(s: GridIncidentState, unit: LevelledUnit, department: string | null, noteText: string, by: string, now: Date) {
    const round = s.handlings.length + 1;
    const step = timed(`handle-${round}${backSuffix(s)}`, now, rules.handleWorkingDays[s.facts.urgency]);
    s.handlings.push({
      round,
      unit,
      department,
      note: noteText,
      dispatchedAt: now.toISOString(),
      dispatchedById: by,
      dueAt: step.dueAt,
      handledAt: null,
      handledById: null,
      handledByName: null,
      result: null,
      photos: [],
      onTime: null,
      supervisedAt: null,
    });
    s.stage = 'handling';
    s.step = step;
  }

  function refusal<A extends GridAction>(state: GridIncidentState, actor: Actor, action: A, input: GridInputs[A], now: Date): Refusal | null {
    // Access before state: an outsider hears neither the stage nor the names.
    // The system actor (超时自动办理) only ever takes the steps GRID_AUTO_DECISIONS names; the inbox's sweep sends nothing else.
    const automatic = isSystemActor(actor) && GRID_AUTO_DECISIONS[action] !== undefined;
    const outsider = automatic ? null : actRefusal(actor, accessViewOf(state));
    if (outsider) return refuse(outsider, ACT_REFUSAL_MESSAGE);
    switch (action) {
      case 'resolveOnSpot':
      case 'dispatchIncident':
      case 'convertToMediation':
      case 'escalateToStreet': {
        const level = triagerLevel(actor, state);
        if (!level) {
          const role: RoleName[] = action === 'escalateToStreet' ? ['community'] : ['community', 'street_office'];
          return refuse(actor.grants.some((g) => role.includes(g.role)) ? 'FORBIDDEN_SCOPE' : 'FORBIDDEN_ROLE', `只有${state.facts.units.community.name}或${state.facts.units.street.name}可以分拨该事件。`);
        }
        if (action === 'escalateToStreet' && level !== 'community') return refuse('FORBIDDEN_ROLE', '上报街道由社区办理。');
        if (state.stage === 'street_triage' && level !== 'street') return refuse('WRONG_STAGE', `事件已上报${state.facts.units.street.name},由街道分拨。`);
        if (state.stage === 'street_triage' && action === 'escalateToStreet') return refuse('WRONG_STAGE', '事件已上报街道。');
        if (state.stage !== 'triage' && state.stage !== 'street_triage') return refuse('WRONG_STAGE', '事件已分拨,不在待分拨阶段。');
        if (action === 'dispatchIncident') {
          const p = input as GridInputs['dispatchIncident'];
          // The community dispatches within its street (its grids, itself, the street's offices); the street within the district.
          const scope = level === 'street' ? state.facts.units.district : state.facts.units.street;
          if (!p.unit.path.startsWith(scope.path)) return refuse('BUSINESS_RULE', `只能分拨给${scope.name}辖区内的单位。`);
          if (blank(p.note)) return refuse('BUSINESS_RULE', '请填写处置要求。');
        } else if (action === 'convertToMediation') {
          const p = input as GridInputs['convertToMediation'];
          if (blank(p.mediationCaseId) || blank(p.disputeType)) return refuse('VALIDATION_FAILED', '转人民调解须注明纠纷类型。');
        } else if (action === 'resolveOnSpot') {
          if (blank((input as GridInputs['resolveOnSpot']).note)) return refuse('BUSINESS_RULE', '请说明就地解决的情况。');
        } else if (blank((input as GridInputs['escalateToStreet']).reason)) {
          return refuse('BUSINESS_RULE', '请说明上报街道的理由。');
        }
        return null;
      }
      case 'completeHandling': {
        const h = currentHandling(state);
        if (!h) return refuse('WRONG_STAGE', '事件尚未分拨。');
        if (!isHandler(actor, h.unit)) {
          const role = handlerRoleOf(h.unit.level);
          return refuse(actor.grants.some((g) => g.role === role) ? 'FORBIDDEN_SCOPE' : 'FORBIDDEN_ROLE', `该事件由${h.unit.name}${h.department ? `(${h.department})` : ''}承办。`);
        }
        if (state.stage !== 'handling') return refuse('WRONG_STAGE', '事件当前不在处置阶段。');
        const p = input as GridInputs['completeHandling'];
        if (blank(p.result)) return refuse('BUSINESS_RULE', '请填写处置结果。');
        if (p.photos.length > MAX_PHOTOS) return refuse('BUSINESS_RULE', `处置照片最多${MAX_PHOTOS}张。`);
        return null;
      }
      case 'confirmResult':
      case 'rejectResult': {
        const panel = state.stage === 'verifying' ? state.verifyPanel : null;
        if (panel) {
          // 联合核查: the signers named at dispatch, each once.
          const r = countersignRefusal(panel, actor.personId);
          if (r) return r;
        } else if (!isVerifier(actor, state) && !automatic) {
          return refuse(actor.grants.some((g) => g.role === 'grid_worker') ? 'FORBIDDEN_SCOPE' : 'FORBIDDEN_ROLE', '处置结果由上报人或事件所在网格的网格员核查。');
        }
        if (state.stage !== 'verifying') return refuse('WRONG_STAGE', '事件当前不在待核查阶段。');
        if (action === 'rejectResult' && blank((input as GridInputs['rejectResult']).reason)) return refuse('BUSINESS_RULE', '请说明核查不通过的原因。');
        return null;
      }
      case 'rateSatisfaction': {
        if (!isVerifier(actor, state) && accessRefusal(actor, ['community'], state.facts.place.path) !== null) {
          return refuse(actor.grants.some((g) => g.role === 'grid_worker' || g.role === 'community') ? 'FORBIDDEN_SCOPE' : 'FORBIDDEN_ROLE', '满意度回访由上报人、网格员或社区记录。');
        }
        if (state.satisfaction) return refuse('ALREADY_DONE', '已经记录过满意度。');
        if (state.stage === 'converted' || state.ratingExpiredAt) return refuse('WRONG_STAGE', '该事件不再记录满意度。');
        if (state.stage !== 'closed') return refuse('WRONG_STAGE', '事件办结后才能记录满意度。');
        if (now.getTime() > Date.parse(state.ratingDueAt!)) return refuse('WRONG_STAGE', '满意度回访期限已过。');
        return null;
      }
    }
    return refuse('VALIDATION_FAILED', `未知操作 ${String(action)}`);
  }

  function apply<A extends GridAction>(state: GridIncidentState, actor: Actor, action: A, input: GridInputs[A], now: Date): Step<GridIncidentState> {
    const { next: s, note, notify, done } = begin(state);
    const at = now.toISOString();
    switch (action) {
      case 'resolveOnSpot': {
        const p = input as GridInputs['resolveOnSpot'];
        close(s, 'resolved_on_spot', p.note, now);
        note(now, actor, action, `就地解决:${p.note}`);
        break;
      }
      case 'dispatchIncident': {
        const p = input as GridInputs['dispatchIncident'];
        openHandling(s, p.unit, p.department, p.note, actor.personId, now);
        if (p.verifyMode) {
          s.dispatcher = { personId: actor.personId, displayName: actor.displayName };
          s.verifyMode = p.verifyMode;
        }
        note(now, actor, action, `分拨${p.unit.name}${p.department ? `(${p.department})` : ''}处置,${URGENCY_LABELS[s.facts.urgency]}事件,期限至${toLocalDate(s.step!.dueAt)}:${p.note}`, {
          unitId: p.unit.id,
          department: p.department,
          dueAt: s.step!.dueAt,
        });
        break;
      }
      case 'convertToMediation': {
        const p = input as GridInputs['convertToMediation'];
        s.stage = 'converted';
        s.outcome = 'converted';
        s.mediationCaseId = p.mediationCaseId;
        s.closedAt = at;
        s.closeNote = p.note;
        s.step = null;
        note(now, actor, action, `转人民调解,按矛盾纠纷调解程序办理${blank(p.note) ? '' : `:${p.note}`}`, { mediationCaseId: p.mediationCaseId, disputeType: p.disputeType });
        break;
      }
      case 'escalateToStreet': {
        const p = input as GridInputs['escalateToStreet'];
        s.stage = 'street_triage';
        s.escalatedToStreetAt = at;
        s.step = timed('street-triage', now, rules.triageWorkingDays);
        note(now, actor, action, `上报${s.facts.units.street.name}:${p.reason}`);
        break;
      }
      case 'completeHandling': {
        const p = input as GridInputs['completeHandling'];
        const h = currentHandling(s)!;
        h.handledAt = at;
        h.handledById = actor.personId;
        h.handledByName = actor.displayName;
        h.result = p.result;
        h.photos = p.photos;
        h.onTime = now.getTime() <= Date.parse(h.dueAt);
        s.stage = 'verifying';
        s.step = timed(`verify-${h.round}${backSuffix(s)}`, now, rules.verifyWorkingDays);
        if (s.verifyMode && s.dispatcher) s.verifyPanel = newCountersign(s.verifyMode, [{ personId: s.reportedBy.personId, displayName: s.reportedBy.displayName }, s.dispatcher]);
        note(now, actor, action, `${h.unit.name}反馈处置结果${h.onTime ? '' : '(超期)'}:${p.result}`, { round: h.round, onTime: h.onTime, photos: p.photos });
        break;
      }
      case 'confirmResult': {
        const p = input as GridInputs['confirmResult'];
        if (s.verifyPanel) {
          const voted = vote(s.verifyPanel, actor, true, at, p.note);
          s.verifyPanel = voted.outcome ? null : voted.countersign;
          if (!voted.outcome) {
            const waiting = awaitedSigners(voted.countersign).map((x) => x.displayName).join('、');
            note(now, actor, action, `核查同意(会签,待${waiting}核查)${blank(p.note) ? '' : `:${p.note}`}`, { countersign: 'all', approve: true });
            break;
          }
        }
        s.verifications.push({ round: currentHandling(s)!.round, at, byId: actor.personId, byName: actor.displayName, accepted: true, note: p.note });
        close(s, 'resolved', p.note, now);
        note(now, actor, action, `${isSystemActor(actor) ? '超时自动办理:' : ''}核查通过,事件办结${blank(p.note) ? '' : `:${p.note}`}`);
        break;
      }
      case 'rejectResult': {
        const p = input as GridInputs['rejectResult'];
        const h = currentHandling(s)!;
        // 联合核查: one signer's rejection decides (会签 and 或签 alike).
        s.verifyPanel = null;
        s.verifications.push({ round: h.round, at, byId: actor.personId, byName: actor.displayName, accepted: false, note: p.reason });
        if (s.reopenCount < 1) {
          // Reopened once, to the same assignee, with a fresh limit.
          s.reopenCount += 1;
          openHandling(s, h.unit, h.department, `退回重办:${p.reason}`, actor.personId, now);
          note(now, actor, action, `核查不通过,退回${h.unit.name}重办,期限至${toLocalDate(s.step!.dueAt)}:${p.reason}`, { round: h.round });
        } else {
          close(s, 'unresolved', p.reason, now);
          note(now, actor, action, `重办后核查仍不通过,事件结案并报街道督办:${p.reason}`, { round: h.round });
          notify({
            event: 'unresolved',
            to: { role: 'street_office', unitId: s.facts.units.street.id },
            kind: 'grid.unresolved',
            title: `【督办】网格事件重办后仍未解决:${title(s)}`,
            body: `${h.unit.name}两次处置均未通过核查:${p.reason}`,
          });
        }
        break;
      }
      case 'rateSatisfaction': {
        const p = input as GridInputs['rateSatisfaction'];
        s.satisfaction = { level: p.level, note: p.note, at, byId: actor.personId };
        note(now, actor, action, `满意度回访:${SATISFACTION_LABELS[p.level]}${blank(p.note) ? '' : `。${p.note}`}`, { level: p.level });
        break;
      }
    }
    return done();
  }

  function deadlines(s: GridIncidentState): Deadline<GridSystemAction>[] {
    if (isFinished(s)) return [];
    if (s.stage === 'closed') return s.ratingDueAt ? [{ key: 'rating:expire', at: s.ratingDueAt, action: 'expireRating' }] : [];
    const step = s.step;
    if (!step || step.escalatedAt) return [];
    if (!step.remindedAt) return [{ key: `${step.key}:remind`, at: step.dueAt, action: 'remindOverdue' }];
    return [{ key: `${step.key}:escalate`, at: step.escalateAt!, action: s.stage === 'verifying' ? 'closeUnverified' : 'escalateOverdue' }];
  }

  function onDeadline(state: GridIncidentState, deadline: Deadline<GridSystemAction>, now: Date): Step<GridIncidentState> {
    const { next: s, note, notify, done } = begin(state);
    const step = s.step;
    const holder = holdersOf(s);
    const to = (h: { role: RoleName; unitId: string; assigneeId: string | null }) => (h.assigneeId ? { personIds: [h.assigneeId] } : { role: h.role, unitId: h.unitId, reach: 'unit' as const });
    switch (deadline.action) {
      case 'remindOverdue': {
        step!.remindedAt = now.toISOString();
        step!.escalateAt = due(new Date(step!.dueAt), rules.overdueGraceWorkingDays);
        const what = s.stage === 'verifying' ? `逾期将自动办结` : '逾期将升级督办';
        note(now, null, 'remindOverdue', `${holder!.what}已超期,已催办;${toLocalDate(step!.escalateAt)}前仍未办理${what}`, { step: step!.key });
        notify({ event: `${step!.key}:overdue`, to: to(holder!), kind: 'grid.overdue', title: `【超期催办】${title(s)}`, body: `${holder!.what}已超过期限,请尽快办理;${what}。` });
        break;
      }
      case 'escalateOverdue': {
        if (s.stage === 'triage') {
          // The community let triage lapse: the street takes it over (前台受理不过夜).
          s.stage = 'street_triage';
          s.escalatedToStreetAt = now.toISOString();
          s.step = timed('street-triage', now, rules.triageWorkingDays);
          note(now, null, 'escalateOverdue', `社区超期未分拨,自动上报${s.facts.units.street.name}`, { step: step!.key });
        } else {
          step!.escalatedAt = now.toISOString();
          const h = currentHandling(s);
          const supervisor = s.stage === 'handling' && h ? supervisorOf(s, h.unit) : { role: 'district_org' as const, unitId: s.facts.units.district.id };
          if (s.stage === 'handling' && h) h.supervisedAt = now.toISOString();
          note(now, null, 'escalateOverdue', `${holder!.what}超期未办,已报上级督办`, { step: step!.key, supervisor });
          notify({ event: `${step!.key}:escalated`, to: { role: supervisor.role, unitId: supervisor.unitId }, kind: 'grid.escalated', title: `【超期督办】${title(s)}`, body: `${holder!.what}超过期限且催办后仍未办理,请督促办理。` });
        }
        break;
      }
      case 'closeUnverified': {
        step!.escalatedAt = now.toISOString();
        close(s, 'resolved_unverified', '逾期未核查,自动办结', now);
        note(now, null, 'closeUnverified', '处置结果逾期未核查,事件自动办结');
        break;
      }
      case 'expireRating': {
        s.ratingExpiredAt = now.toISOString();
        note(now, null, 'expireRating', '满意度回访期限届满,未记录满意度');
        break;
      }
    }
    return done();
  }

  /**
   * 退回 (the runner has checked the target is allowed): whoever may take the
   * open step sends it back with a reason. To 处置, a new handling round for the
   * same assignee (it does not use up the one reopening a failed check
   * allows); to 分拨, the dispatch is undone and the triage step opens again.
   */
  function sendBack(state: GridIncidentState, actor: Actor, from: GridAction, to: GridAction, reason: string, now: Date): Step<GridIncidentState> | Refusal {
    const probe = from === 'confirmResult' ? { note: '' } : { result: '—', photos: [] };
    const refused = refusal(state, actor, from, probe as never, now);
    if (refused) return refused;
    const { next: s, note, notify, done } = begin(state);
    s.sendBacks = (s.sendBacks ?? 0) + 1;
    const event = `sendBack-${s.sendBacks}`;
    if (from === 'confirmResult') {
      const h = currentHandling(s)!;
      s.verifyPanel = null;
      openHandling(s, h.unit, h.department, `退回重新处置:${reason}`, actor.personId, now);
      note(now, actor, 'sendBack', `核查退回${h.unit.name}重新处置,期限至${toLocalDate(s.step!.dueAt)}:${reason}`, { from, to, reason, round: h.round });
      notify({ event, to: { role: handlerRoleOf(h.unit.level), unitId: h.unit.id, reach: 'unit' }, kind: 'grid.sentBack', title: `【退回】请重新处置:${title(s)}`, body: `${actor.displayName}退回处置结果:${reason}` });
    } else {
      const h = s.handlings.pop()!;
      const street = s.escalatedToStreetAt !== null;
      s.stage = street ? 'street_triage' : 'triage';
      s.step = timed(`${street ? 'street-triage' : 'triage'}${backSuffix(s)}`, now, rules.triageWorkingDays);
      const triager = street ? { role: 'street_office' as const, unit: s.facts.units.street } : { role: 'community' as const, unit: s.facts.units.community };
      note(now, actor, 'sendBack', `${h.unit.name}退回${triager.unit.name}重新分拨:${reason}`, { from, to, reason, unitId: h.unit.id });
      notify({ event, to: { role: triager.role, unitId: triager.unit.id, reach: 'unit' }, kind: 'grid.sentBack', title: `【退回】请重新分拨:${title(s)}`, body: `${h.unit.name}退回该事件:${reason}` });
    }
    return done();
  }

  function availableActions(state: GridIncidentState, actor: Actor, now: Date): GridAction[] {
    const probe: { [A in GridAction]: GridInputs[A] } = {
      resolveOnSpot: { note: '—' },
      dispatchIncident: { unit: { ...state.facts.units.community, level: 'community' }, department: null, note: '—' },
      convertToMediation: { mediationCaseId: '—', disputeType: '—', note: '' },
      escalateToStreet: { reason: '—' },
      completeHandling: { result: '—', photos: [] },
      confirmResult: { note: '' },
      rejectResult: { reason: '—' },
      rateSatisfaction: { level: 'satisfied', note: '' },
    };
    return GRID_ACTIONS.filter((a) => refusal(state, actor, a, probe[a] as never, now) === null);
  }

  function report(input: NewIncident, now: Date): Step<GridIncidentState> {
    const state: GridIncidentState = {
      version: 0,
      eventSeq: 0,
      incidentId: input.incidentId,
      incidentNo: input.incidentNo,
      facts: input.facts,
      reportedAt: now.toISOString(),
      reportedBy: input.reportedBy,
      stage: 'triage',
      step: timed('triage', now, rules.triageWorkingDays),
      escalatedToStreetAt: null,
      handlings: [],
      verifications: [],
      reopenCount: 0,
      outcome: null,
      closedAt: null,
      closeNote: null,
      mediationCaseId: null,
      satisfaction: null,
      ratingDueAt: null,
      ratingExpiredAt: null,
    };
    const { next: s, note, notify, done } = begin(state);
    const f = s.facts;
    const by = { personId: input.reportedBy.personId, displayName: input.reportedBy.displayName, grants: [] };
    note(now, by, 'reportIncident', `${f.place.name}上报${URGENCY_LABELS[f.urgency]}${INCIDENT_TYPE_LABELS[f.type]}事件:${f.title}(${f.address})`, { channel: f.channel, type: f.type, urgency: f.urgency });
    if (f.urgency === 'urgent') {
      notify({ event: 'urgent', to: { role: 'street_office', unitId: f.units.street.id }, kind: 'grid.urgent', title: `【紧急】${title(s)}`, body: `${f.place.name}${f.address}:${f.title}。请督促社区立即分拨处置。` });
    }
    return done();
  }

  return {
    process: 'grid',
    actions: GRID_ACTIONS,
    labels: GRID_ACTION_LABELS,
    refusal,
    apply,
    pendingTasks: pendingTasksOf,
    availableActions,
    deadlines,
    onDeadline,
    finished: isFinished,
    sendBackTargets: GRID_SEND_BACK_TARGETS satisfies Partial<Record<GridAction, readonly GridAction[]>>,
    sendBack,
    report,
  };
}
