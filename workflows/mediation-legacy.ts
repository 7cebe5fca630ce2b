// 三级三轮调解 as it ran before the kit's `runMachine`, kept unchanged for the
// cases started then: the worker replays a running workflow's history with
// the code it has, and this is the code those histories were written by.
// Cases started since take the `kit-runner` patch in ./mediation.ts and never
// come here; once no case without that marker is open, this file can go.
//
// Intake and triage, then up to three rounds (社区 → 街道 → 区), each waiting
// for a mediator of that level to accept and to end it; an overdue round
// reminds, then escalates by itself. An agreement opens the 司法确认 window
// and the 回访; a failed district round closes the case with
// litigation/arbitration guidance; a court-referred case (诉前调解) also runs
// against one deadline for the whole mediation.
import {
  allHandlersFinished,
  condition as engineCondition,
  patched,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { mediationMachine } from '../domain/mediation/machine';
import { createSerialiser, serveActions } from './kit/runner';
import type { MediationActivities } from '../activities/mediation';
import {
  caseFinished,
  confirmationExpired,
  courtAcceptanceDue,
  courtAcceptanceReminded,
  currentRound,
  followUpOpened,
  followUpScheduled,
  initialState,
  judicialSettled,
  notMediated,
  preLitigationExpired,
  registered,
  roundOpened,
  roundReminded,
  roundTimedOut,
  triaged,
  type MediationState,
  type TimelineEvent,
} from '../domain/mediation/case-state';
import { addCalendarDays } from '../domain/calendar';
import { isPreLitigation, startPreLitigation, termOver as preLitigationTermOver } from '../domain/mediation/pre-litigation';
import { triageCase } from '../domain/mediation/triage';
import { LEVEL_LABELS, nextLevel, type MediationLevel, type RoundOutcome } from '../domain/mediation/types';
import {
  mediationStateQuery,
  mediationUpdates,
  type MediationOutcome,
  type MediationWorkflowInput,
} from './mediation-shared';
import { ACTIVITY_OPTIONS, createActionGate, incidentOnDataRejection, restoreInto } from './failures';

// Unlimited attempts for what a retry can cure: every activity is idempotent
// (keyed by case and event number), and a lost save would leave the read model
// behind the process. Data the database refuses fails at once (./failures).
const acts = proxyActivities<MediationActivities & Pick<Activities, 'notify' | 'openIncident'>>(ACTIVITY_OPTIONS);

const now = () => new Date();



/** The mediation workflow of histories without the `kit-runner` marker. */
export async function legacyMediationWorkflow(input: MediationWorkflowInput): Promise<MediationOutcome> {
  const { rules } = input;
  const link = `/api/mediation-cases/${input.caseId}`;
  const start = now();
  // Cases started before the 诉前调解 term existed replay without its timer.
  const preLitigation = isPreLitigation(input.facts.channel) && patched('mediation-pre-litigation') ? startPreLitigation(start, rules.preLitigation) : null;
  const state: MediationState = initialState(
    {
      caseId: input.caseId,
      caseNo: input.caseNo,
      facts: input.facts,
      registeredBy: input.registeredBy,
      targetConcludeBy: addCalendarDays(start, rules.overallTargetCalendarDays).toISOString(),
      confirmationCalendarDays: rules.judicialApplicationCalendarDays,
      preLitigation,
    },
    start,
  );

  const persist = (...events: TimelineEvent[]) => acts.saveMediationCase({ state: JSON.parse(JSON.stringify(state)) as MediationState, events });
  const gate = createActionGate();
  /** Waits until `done()` or the instant `at`; true when done. */
  async function waitUntil(done: () => boolean, at: string | Date): Promise<boolean> {
    const ms = new Date(at).getTime() - Date.now();
    if (ms <= 0) return done();
    return gate.condition(done, ms);
  }
  const incidents = { acts, process: 'mediation', subjectId: input.caseId, unitId: input.facts.place.id };
  /** A save of the process's own: refused data opens an incident instead of wedging the case. */
  const save = async (...events: TimelineEvent[]) => {
    await incidentOnDataRejection(incidents, '保存案件进展', `v${state.version}`, () => persist(...events));
  };
  const deadline = async (from: Date | string, workingDays: number) =>
    new Date(await acts.mediationWorkingDeadline({ from: new Date(from).toISOString(), workingDays }));
  const title = `${state.caseNo} ${state.facts.title}`;

  // ---- human actions: the kit's runner serves the machine ------------------
  // A step is adopted in place (restoreInto), so the waits below keep their
  // references to the current round, the judicial window and the follow-up.
  // Steps are serialised in cases started on the kit; a case started before
  // keeps taking each action as it comes, as its history recorded it.
  serveActions(
    mediationMachine,
    mediationUpdates,
    {
      state: () => state,
      adopt: (next) => restoreInto(state, next),
      save: async (step) => {
        await persist(...step.effects.timeline);
      },
      around: (fn) => gate.act(fn),
    },
    patched('kit-serial-steps') ? createSerialiser() : (fn) => fn(),
  );
  setHandler(mediationStateQuery, () => state);

  // ---- intake and triage --------------------------------------------------
  await save(registered(state, start));
  const decision = triageCase(
    {
      channel: state.facts.channel,
      disputeType: state.facts.disputeType,
      risk: state.facts.risk,
      amountFen: state.facts.amountFen,
      partyCount: state.facts.partyCount,
      alreadyInLitigation: input.alreadyInLitigation,
      notSuitableReason: input.notSuitableReason,
    },
    rules.triage,
  );
  await save(triaged(state, decision, now()));

  if (decision.kind === 'refer_out') {
    await acts.notify({
      event: 'referred-out',
      to: { personIds: [input.registeredBy.personId] },
      kind: 'mediation.referred_out',
      title: `案件不宜调解,已分流:${title}`,
      body: decision.reason,
      link,
    });
    return finish();
  }

  if (decision.highRisk) {
    const unit = state.facts.units[decision.startLevel];
    const body = `${decision.reasons.join(',')}。请${unit.name}调解组织立即受理,防止矛盾激化。`;
    await acts.notify({ event: 'high-risk', to: { role: 'mediator', unitId: unit.id }, kind: 'mediation.high_risk', title: `【高风险】${title}`, body, link });
    await acts.notify({ event: 'high-risk', to: { role: 'street_office', unitId: state.facts.units.street.id }, kind: 'mediation.high_risk', title: `【高风险】${title}`, body, link });
  }

  // ---- the rounds -----------------------------------------------------------
  const preLitigationTerm = preLitigationClock();
  let level: MediationLevel | null = decision.startLevel;
  while (level) {
    const outcome = await runRound(level);
    // Closed: a party refused or withdrew, or the 诉前调解 term ran out.
    if (outcome === 'agreement' || state.stage === 'closed') break;
    level = nextLevel(level);
  }

  if (state.outcome === null) await save(notMediated(state, now()));
  await preLitigationTerm;
  if (state.stage === 'closed') {
    // A court-referred case that ended without an agreement, however, goes back to the court.
    if (state.preLitigation?.returnedAt) await notifyReturnedToCourt();
    return finish();
  }

  // ---- agreement: document, 司法确认 window, 回访 -------------------------
  const agreement = state.agreement!;
  followUpScheduled(state, await deadline(agreement.effectiveAt, rules.followUpDelayWorkingDays));
  // Saved before the document job is enqueued, so the job finds the agreement.
  await save();
  await acts.enqueueMediationAgreementDocument({ caseId: state.caseId });
  await Promise.all([judicialBranch(), followUpBranch()]);
  await save(caseFinished(state, now()));
  return finish();

  // ---- helpers --------------------------------------------------------------

  /**
   * Whether the 诉前调解 term is over (its last instant included). A round's
   * reminder or escalation due then yields to the term, whose clock ends the
   * round and returns the case: the same outcome whichever of two timers due
   * at the same instant the engine delivers first.
   */
  function termOver(): boolean {
    return state.preLitigation != null && preLitigationTermOver(state.preLitigation, now());
  }

  async function runRound(lv: MediationLevel): Promise<RoundOutcome | null> {
    const opened = now();
    const dueAt = await deadline(opened, rules.roundLimitWorkingDays[state.facts.complexity]);
    // The 诉前调解 term may have run out between two rounds: no new round.
    if (termOver()) {
      await gate.condition(() => state.stage === 'closed');
      return null;
    }
    await save(roundOpened(state, lv, dueAt, opened));
    const round = state.rounds.at(-1)!;
    const ended = () => round.endedAt !== null;

    if (!(await waitUntil(ended, round.dueAt)) && !termOver()) {
      const escalateAt = await deadline(round.dueAt, rules.overdueGraceWorkingDays);
      if (!ended() && !termOver()) {
        await save(roundReminded(state, escalateAt, now()));
        const who = round.mediatorId ? { personIds: [round.mediatorId] } : { role: 'mediator' as const, unitId: round.unit.id, reach: 'unit' as const };
        const body = `${round.unit.name}${LEVEL_LABELS[lv]}级调解已超过办理期限,请尽快结束本轮调解;逾期将自动升级。`;
        await acts.notify({ event: `${lv}:overdue`, to: who, kind: 'mediation.overdue', title: `【超期催办】${title}`, body, link });
        const above = nextLevel(lv);
        if (above) {
          await acts.notify({ event: `${lv}:overdue`, to: { role: 'mediator', unitId: state.facts.units[above].id }, kind: 'mediation.overdue', title: `【超期督办】${title}`, body, link });
        }
        if (!(await waitUntil(ended, escalateAt)) && currentRound(state) === round && !termOver()) {
          await save(roundTimedOut(state, now()));
        }
      }
    }
    await gate.condition(ended);
    return round.outcome!;
  }

  /**
   * 诉前调解: waits for the case's deadline (moved by each agreed extension)
   * unless mediation ends first; then closes the case as returned to the
   * court (the rounds loop sees it closed and stops).
   */
  async function preLitigationClock(): Promise<void> {
    const pl = state.preLitigation;
    if (!pl) return;
    const settled = () => state.outcome !== null;
    for (;;) {
      const due = pl.deadline;
      if (!(await waitUntil(() => settled() || pl.deadline !== due, due))) break;
      if (settled()) return;
    }
    await save(preLitigationExpired(state, now()));
  }

  /** Tells the side that received the court's referral, and the mediators, to hand the case back. */
  async function notifyReturnedToCourt(): Promise<void> {
    const mediators = state.rounds.map((r) => r.mediatorId).filter((id): id is string => id !== null);
    await acts.notify({
      event: 'returned-to-court',
      to: { personIds: [...new Set([input.registeredBy.personId, ...mediators])] },
      kind: 'mediation.returned_to_court',
      title: `诉前调解未成,退回法院:${title}`,
      body: `${state.closeReason ?? ''}。请将案件材料及调解情况移交委派的人民法院。`,
      link,
    });
  }

  async function judicialBranch(): Promise<void> {
    const j = state.judicial!;
    const applied = await waitUntil(() => j.status !== 'open', agreement.confirmationDeadline);
    if (!applied) {
      await save(confirmationExpired(state, now()));
      return;
    }
    if (j.status === 'applied') {
      courtAcceptanceDue(state, await deadline(j.appliedAt!, rules.courtAcceptanceWorkingDays));
      await save();
      if (!(await waitUntil(() => j.status !== 'applied', j.acceptanceDueAt!))) {
        await save(courtAcceptanceReminded(state, now()));
        await acts.notify({
          event: 'court-acceptance-overdue',
          to: { personIds: [agreement.mediatorId] },
          kind: 'mediation.court_acceptance_overdue',
          title: `法院受理期限已到:${title}`,
          body: `${j.court ?? '人民法院'}应在三日内决定是否受理司法确认申请,请跟进并记录。`,
          link,
        });
      }
    }
    await gate.condition(() => judicialSettled(state));
  }

  async function followUpBranch(): Promise<void> {
    const f = state.followUp!;
    await sleepUntil(f.opensAt);
    await save(followUpOpened(state, await deadline(now(), rules.followUpWorkingDays), now()));
    if (!(await waitUntil(() => f.visitedAt !== null, f.dueAt!))) {
      await acts.notify({
        event: 'follow-up-overdue',
        to: { personIds: [agreement.mediatorId] },
        kind: 'mediation.follow_up_overdue',
        title: `回访已超期:${title}`,
        body: '请尽快回访当事人,记录调解协议履行情况。',
        link,
      });
      await gate.condition(() => f.visitedAt !== null);
    }
  }

  async function sleepUntil(at: string): Promise<void> {
    const ms = new Date(at).getTime() - Date.now();
    if (ms > 0) await sleep(ms);
  }

  async function finish(): Promise<MediationOutcome> {
    await engineCondition(allHandlersFinished);
    return { stage: state.stage, outcome: state.outcome };
  }
}
