// 双向述职 of one community as it ran before the process kit, kept unchanged
// for the reports started then: the worker replays a running workflow's
// history with the code it has, and this is the code those histories were
// written by (tests/reporting/replay.test.ts replays recorded ones). Reports
// started on the kit carry `kit: true` in their input and never come here;
// once no report without it is open (a report lives through one year's
// cycle), this file can go.
//
// Secret ballot: this workflow keeps who voted (to refuse a second ballot)
// and the running counts, but never the pair voter→choice, and it puts the
// counts into the queried state only after the round has closed.

import {
  ApplicationFailure,
  allHandlersFinished,
  condition as engineCondition,
  proxyActivities,
  setHandler,
  sleep,
  uuid4,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../activities';
import type { Actor } from '../domain/access';
import type { ErrorCode } from '../domain/errors';
import {
  REPORT_ACTION_NAMES,
  REPORT_ACTIONS,
  RATING_LABELS,
  closeVoteRound,
  reportRefusal,
  upwardBlocker,
  initialReportingState,
  publicReport,
  emptyTally,
  formatCenti,
  quorumNeeded,
  rateReport,
  upwardScoreCenti,
  type ReportAction,
  type ReportStage,
  type Tally,
  type VoteRoundOutcome,
} from '../domain/reporting';
import type { RoleName } from '../domain/roles';
import {
  answerObjectionUpdate,
  answerQuestionUpdate,
  askQuestionUpdate,
  castVoteUpdate,
  closeUpwardUpdate,
  raiseObjectionUpdate,
  recordDownwardUpdate,
  reportStateQuery,
  reviewRectificationUpdate,
  scoreUpwardUpdate,
  submitRectificationUpdate,
  submitReportUpdate,
  voterStatusQuery,
  type ReportState,
  type ReportingCommunityInput,
  type TimelineEntry,
  type ReportActionResult,
  type VoteRoundState,
  ACTION_UPDATES,
} from './reporting-shared';
import { ACTIVITY_OPTIONS, createActionGate, incidentOnDataRejection, refuseOnDataRejection } from './failures';
import type { UnitRef } from '../domain/access';
import { commandOf, type ActionCommand } from '../domain/kit/command';

// Unlimited attempts for what a retry can cure; data the database refuses fails at once (./failures).
const acts = proxyActivities<Activities>({ ...ACTIVITY_OPTIONS, startToCloseTimeout: '1 minute' });

const PROCESS = 'reporting';

function refuse(message: string, code: ErrorCode): never {
  throw ApplicationFailure.nonRetryable(message, code);
}

const nowIso = () => new Date().toISOString();
const msUntil = (iso: string) => Math.max(0, new Date(iso).getTime() - Date.now());

import type { ReportOutcome } from './reporting-shared';

// ─────────────────────────────────────────────────────────────────────────
// One community's yearly report
// ─────────────────────────────────────────────────────────────────────────

export async function legacyReportingCommunity(input: ReportingCommunityInput): Promise<ReportOutcome> {
  const { rules, community } = input;
  const reportId = input.reportId;
  // The street's party committee hears the upward report; a community directly
  // under the district reports to the district.
  const upwardUnit: UnitRef = input.street ?? community;
  const link = `/reporting/reports/${reportId}`;
  const title = (s: string) => `${community.name} ${input.year} 年度双向述职:${s}`;

  // The same fields as a report on the kit, without the kit's ballot box: this code keeps the vote's private part below.
  const state: ReportState = publicReport(initialReportingState({ reportId, cycleId: input.cycleId, year: input.year, community, street: input.street, rules }));

  // The vote's private part: never copied into `state` while a round is open.
  let roll = new Set<string>();
  let voted = new Set<string>();
  let tally: Tally = emptyTally();
  let voteOpen = false;
  let currentRound: VoteRoundState | null = null;

  // ── persistence ──
  let pending: TimelineEntry[] = [];
  function note(action: string, label: string, actor: Actor | null, data?: Record<string, unknown>): void {
    const entry: TimelineEntry = {
      seq: state.timeline.length + 1,
      at: nowIso(),
      actorId: actor?.personId ?? null,
      actorName: actor?.displayName ?? null,
      action,
      label,
      ...(data ? { data } : {}),
    };
    state.timeline.push(entry);
    pending.push(entry);
  }
  async function persist(): Promise<void> {
    state.version += 1;
    const entries = pending;
    pending = [];
    await acts.reportingSaveState({ state: { ...state }, entries });
  }
  // The message is the label of the newest timeline entry: what this action did.
  const ack = (): ReportActionResult => ({ stage: state.stage, version: state.version, message: state.timeline.at(-1)?.label ?? '' });
  function cmdOf<C extends ActionCommand<unknown>>(arg: C): C {
    const cmd = commandOf(arg);
    if (!cmd) return refuse('请求缺少操作人或操作内容', 'VALIDATION_FAILED');
    return cmd as C;
  }
  // Unversioned: a patch marker would be the one payload of the history the codec does not encrypt
  // (tests/reporting/history-secrecy). Reports in flight from before the gate may need a reset on upgrade.
  const gate = createActionGate({ versioned: false });
  const incidents = { acts, process: PROCESS, subjectId: reportId, unitId: community.id };
  /** A save of the process's own: refused data opens an incident instead of wedging the report. */
  async function persistOwn(): Promise<void> {
    await incidentOnDataRejection(incidents, '保存述职进展', `v${state.version + 1}`, () => persist());
  }
  /** A person's action: when the database refuses its data, state and vote are put back and the action refused. */
  function guarded<A extends unknown[], R>(update: UpdateDefinition<R, A>, handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    const action = REPORT_ACTION_NAMES.find((a) => ACTION_UPDATES[a].name === update.name);
    const label = action ? REPORT_ACTIONS[action].label : update.name;
    return (...args: A) => gate.act(async () => {
      const vote = { roll: new Set(roll), voted: new Set(voted), tally: { ...tally }, pending: [...pending] };
      return refuseOnDataRejection({
        state,
        label,
        run: () => handler(...args),
        restore: () => {
          ({ roll, voted, tally, pending } = vote);
        },
      });
    });
  }

  // ── validation: the machine's rules, over this code's state and its private vote ──
  const validate = (action: ReportAction) => (arg: ActionCommand<unknown>) => {
    const { actor, input } = cmdOf(arg);
    const ballotBox = { round: currentRound?.round ?? null, open: voteOpen && currentRound !== null, roll: [...roll], voted: [...voted], tally };
    const refusal = reportRefusal({ ...state, ballotBox }, actor, action, input as never, new Date());
    if (refusal) refuse(refusal.message, refusal.code);
  };

  // ── queries ──
  setHandler(reportStateQuery, () => state);
  setHandler(voterStatusQuery, (personId: string) => ({
    round: currentRound?.round ?? null,
    onRoll: roll.has(personId),
    voted: voted.has(personId),
  }));

  // ── 述职报告 ──
  setHandler(
    submitReportUpdate,
    guarded(submitReportUpdate, async (arg) => {
      const { actor, input: { content, highlights } } = cmdOf(arg);
      state.report = { content: content.trim(), highlights: highlights?.trim() || null, submittedAt: nowIso(), submittedById: actor.personId };
      note('submitReport', '提交述职报告', actor, { length: state.report.content.length });
      await persist();
      return ack();
    }),
    { validator: validate('submitReport') },
  );

  // ── 向上述职: scores, 质询 and answers ──
  const openQuestions = () => state.upward.questions.filter((q) => q.answer === null);
  setHandler(
    scoreUpwardUpdate,
    guarded(scoreUpwardUpdate, async (arg) => {
      const { actor, input: { score, comment } } = cmdOf(arg);
      state.upward.scores.push({ scorerId: actor.personId, scorerName: actor.displayName, score, comment: comment?.trim() || null, at: nowIso() });
      state.upward.scoreCenti = upwardScoreCenti(state.upward.scores.map((s) => s.score));
      note('scoreUpward', `评分 ${score} 分`, actor, { score, comment: comment ?? null });
      await persist();
      return ack();
    }),
    { validator: validate('scoreUpward') },
  );
  setHandler(
    askQuestionUpdate,
    guarded(askQuestionUpdate, async (arg) => {
      const { actor, input: { question } } = cmdOf(arg);
      const id = `q${state.upward.questions.length + 1}`;
      state.upward.questions.push({ id, askedById: actor.personId, askedByName: actor.displayName, question: question.trim(), askedAt: nowIso(), answer: null, answeredAt: null });
      note('askQuestion', '提出质询', actor, { questionId: id, question: question.trim() });
      await persist();
      await acts.openHumanTask({ process: PROCESS, subjectId: reportId, key: `answer-${id}`, action: 'answerQuestion', title: title(`答复质询 ${id}`), role: 'community', unitId: community.id, dueAt: state.dueAt });
      await acts.notify({ event: `question-${id}`, to: { role: 'community', unitId: community.id, reach: 'unit' }, kind: 'reporting.question', title: title('收到质询'), body: question.trim(), link });
      return { ...ack(), questionId: id };
    }),
    { validator: validate('askQuestion') },
  );
  setHandler(
    answerQuestionUpdate,
    guarded(answerQuestionUpdate, async (arg) => {
      const { actor, input: { questionId, answer } } = cmdOf(arg);
      const q = state.upward.questions.find((x) => x.id === questionId)!;
      q.answer = answer.trim();
      q.answeredAt = nowIso();
      note('answerQuestion', `答复质询 ${questionId}`, actor, { questionId, answer: q.answer });
      await persist();
      await acts.closeHumanTasks({ keys: [`answer-${questionId}`], completedById: actor.personId });
      return ack();
    }),
    { validator: validate('answerQuestion') },
  );
  let upwardClosedBy: Actor | null = null;
  setHandler(
    closeUpwardUpdate,
    guarded(closeUpwardUpdate, async (arg) => {
      const { actor } = cmdOf(arg);
      upwardClosedBy = actor;
      state.upward.closedAt = nowIso();
      return ack();
    }),
    { validator: validate('closeUpward') },
  );

  // ── 向下述职 ──
  setHandler(
    recordDownwardUpdate,
    guarded(recordDownwardUpdate, async (arg) => {
      const { actor, input: { heldOn, attendees, summary } } = cmdOf(arg);
      state.downward = { heldOn, attendees, summary: summary.trim(), recordedAt: nowIso() };
      note('recordDownward', `登记向下述职会议(${heldOn},到会 ${attendees} 人)`, actor, { heldOn, attendees });
      await persist();
      return ack();
    }),
    { validator: validate('recordDownward') },
  );

  // ── 民主评议 vote ──
  setHandler(
    castVoteUpdate,
    guarded(castVoteUpdate, async (arg) => {
      const { actor, input: { choice, comment } } = cmdOf(arg);
      const round = currentRound!;
      // Counted before any await, so a round closing meanwhile includes it.
      voted.add(actor.personId);
      tally[choice] += 1;
      round.voted = voted.size;
      const ballotId = uuid4();
      note('castVote', `第 ${round.round} 轮投票:一名代表已投票`, actor, { round: round.round });
      await acts.reportingRecordBallot({ reportId, round: round.round, voterId: actor.personId, ballotId, choice, comment: comment?.trim() || null, at: nowIso() });
      await persist();
      await acts.closeHumanTasks({ keys: [`vote-${round.round}-${actor.personId}`], completedById: actor.personId });
      return { ...ack(), round: round.round };
    }),
    { validator: validate('castVote') },
  );

  // ── 公示 objections ──
  setHandler(
    raiseObjectionUpdate,
    guarded(raiseObjectionUpdate, async (arg) => {
      const { actor, input: { content } } = cmdOf(arg);
      const notice = state.publicNotice!;
      const id = `o${notice.objections.length + 1}`;
      notice.objections.push({ id, raisedById: actor.personId, raisedByName: actor.displayName, content: content.trim(), raisedAt: nowIso(), answer: null, upheld: null, answeredById: null, answeredAt: null });
      note('raiseObjection', `对公示结果提出异议 ${id}`, actor, { objectionId: id, content: content.trim() });
      await persist();
      await acts.openHumanTask({ process: PROCESS, subjectId: reportId, key: `objection-${id}`, action: 'answerObjection', title: title(`答复公示异议 ${id}`), role: 'street_office', unitId: upwardUnit.id, dueAt: notice.endsAt });
      await acts.notify({ event: `objection-${id}`, to: { role: 'street_office', unitId: upwardUnit.id, reach: 'unit' }, kind: 'reporting.objection', title: title('公示期收到异议'), body: content.trim(), link });
      return { ...ack(), objectionId: id };
    }),
    { validator: validate('raiseObjection') },
  );
  setHandler(
    answerObjectionUpdate,
    guarded(answerObjectionUpdate, async (arg) => {
      const { actor, input: { objectionId, answer, upheld, revisedGrade } } = cmdOf(arg);
      const o = state.publicNotice!.objections.find((x) => x.id === objectionId)!;
      Object.assign(o, { answer: answer.trim(), upheld, answeredById: actor.personId, answeredAt: nowIso() });
      let label = `答复异议 ${objectionId}(${upheld ? '异议成立' : '异议不成立'})`;
      if (upheld && revisedGrade && state.result && revisedGrade !== state.result.grade) {
        state.result.originalGrade ??= state.result.grade;
        state.result.grade = revisedGrade;
        state.result.needsRectification = rules.rectificationGrades.includes(revisedGrade);
        state.result.reason = `${state.result.reason};经核实异议成立,评定等次更正为${RATING_LABELS[revisedGrade]}`;
        label += `,等次更正为${RATING_LABELS[revisedGrade]}`;
      }
      note('answerObjection', label, actor, { objectionId, answer: answer.trim(), upheld, revisedGrade: revisedGrade ?? null });
      await persist();
      await acts.closeHumanTasks({ keys: [`objection-${objectionId}`], completedById: actor.personId });
      await acts.notify({ event: `objection-${objectionId}-answered`, to: { personIds: [o.raisedById] }, kind: 'reporting.objection-answered', title: title('您的异议已答复'), body: answer.trim(), link });
      return ack();
    }),
    { validator: validate('answerObjection') },
  );

  // ── 整改 ──
  setHandler(
    submitRectificationUpdate,
    guarded(submitRectificationUpdate, async (arg) => {
      const { actor, input: { plan } } = cmdOf(arg);
      const r = state.rectification!;
      r.submissions.push({ plan: plan.trim(), at: nowIso(), byId: actor.personId });
      r.status = 'submitted';
      const n = r.submissions.length;
      note('submitRectification', `提交整改报告(第 ${n} 次)`, actor, { length: plan.trim().length });
      await persist();
      await acts.closeHumanTasks({ keys: [`rectification-${n}`], completedById: actor.personId });
      await acts.openHumanTask({ process: PROCESS, subjectId: reportId, key: `rectification-review-${n}`, action: 'reviewRectification', title: title('审核整改报告'), role: 'street_office', unitId: upwardUnit.id, dueAt: r.deadline });
      return ack();
    }),
    { validator: validate('submitRectification') },
  );
  setHandler(
    reviewRectificationUpdate,
    guarded(reviewRectificationUpdate, async (arg) => {
      const { actor, input: { accepted, comment } } = cmdOf(arg);
      const r = state.rectification!;
      const n = r.submissions.length;
      r.reviews.push({ accepted, comment: comment?.trim() || null, at: nowIso(), byId: actor.personId });
      r.status = accepted ? 'accepted' : Date.now() > new Date(r.deadline).getTime() ? 'overdue' : 'open';
      note('reviewRectification', accepted ? '整改通过' : '整改报告退回', actor, { accepted, comment: comment ?? null });
      await persist();
      await acts.closeHumanTasks({ keys: [`rectification-review-${n}`], completedById: actor.personId });
      if (!accepted) {
        await acts.openHumanTask({ process: PROCESS, subjectId: reportId, key: `rectification-${n + 1}`, action: 'submitRectification', title: title('重新提交整改报告'), role: 'community', unitId: community.id, dueAt: r.deadline });
      }
      return ack();
    }),
    { validator: validate('reviewRectification') },
  );

  // ── the steps ──

  interface StepOptions {
    key: string;
    dueAt: string;
    remindAt: string;
    done: () => boolean;
    remind: { role: RoleName; unit: UnitRef };
    escalate?: { role: RoleName; unit: UnitRef };
    what: string;
  }

  /** Sets the current step's deadline (working days from now) and saves it. */
  async function startDeadline(days: number, lead = rules.reminderLeadDays): Promise<{ dueAt: string; remindAt: string }> {
    const d = await acts.reportingDeadline({ from: nowIso(), workingDays: days, reminderLeadDays: lead });
    state.dueAt = d.dueAt;
    state.overdue = false;
    await persistOwn();
    return d;
  }

  /** Waits for `done`, with a reminder before the deadline and an escalation at it. */
  async function waitStep(o: StepOptions): Promise<void> {
    const to = { role: o.remind.role, unitId: o.remind.unit.id, reach: 'unit' as const };
    if (o.remindAt < o.dueAt && !(await gate.condition(o.done, msUntil(o.remindAt)))) {
      await acts.notify({ event: `${o.key}.reminder`, to, kind: 'reporting.reminder', title: title(`${o.what}即将到期`), body: `请于 ${o.dueAt.slice(0, 10)} 前完成:${o.what}。`, link });
    }
    if (!(await gate.condition(o.done, msUntil(o.dueAt)))) {
      state.overdue = true;
      note('overdue', `${o.what}已逾期`, null);
      await persistOwn();
      await acts.notify({ event: `${o.key}.overdue`, to, kind: 'reporting.overdue', title: title(`${o.what}已逾期`), body: `${o.what}已超过期限(${o.dueAt.slice(0, 10)}),请尽快办理。`, link });
      if (o.escalate) {
        await acts.notify({ event: `${o.key}.escalated`, to: { role: o.escalate.role, unitId: o.escalate.unit.id, reach: 'unit' }, kind: 'reporting.escalation', title: title(`${o.what}逾期督办`), body: `${community.name}的${o.what}已逾期,请督促办理。`, link });
      }
      await gate.condition(o.done);
    }
  }

  async function enter(stage: ReportStage, label: string): Promise<void> {
    state.stage = stage;
    state.dueAt = null;
    state.overdue = false;
    note(`enter:${stage}`, label, null);
  }

  // 1. the written report
  state.projectResults = await acts.reportingProjectResults({ communityId: community.id, year: input.year });
  note('start', `启动 ${input.year} 年度双向述职`, null, { cycleId: input.cycleId, projects: state.projectResults.length });
  {
    const d = await startDeadline(rules.reportDays);
    await acts.openHumanTask({ process: PROCESS, subjectId: reportId, key: 'report', action: 'submitReport', title: title('提交述职报告'), role: 'community', unitId: community.id, dueAt: d.dueAt });
    await acts.notify({ event: 'report.open', to: { role: 'community', unitId: community.id, reach: 'unit' }, kind: 'reporting.report', title: title('请撰写述职报告'), body: `请于 ${d.dueAt.slice(0, 10)} 前提交 ${input.year} 年度述职报告。`, link });
    await waitStep({ key: 'report', ...d, done: () => state.report !== null, remind: { role: 'community', unit: community }, escalate: { role: 'street_office', unit: upwardUnit }, what: '提交述职报告' });
  }
  await acts.closeHumanTasks({ keys: ['report'], completedById: state.report!.submittedById });

  // 2. upward 述职: closes on the committee's word, or by itself once the window
  // has passed — but never with a question unanswered or with no score.
  await enter('upward', '进入向上述职');
  {
    const { dueAt, remindAt } = await startDeadline(rules.upwardDays);
    await acts.openHumanTask({ process: PROCESS, subjectId: reportId, key: 'upward', action: 'scoreUpward', title: title('向上述职评分、质询'), role: 'street_office', unitId: upwardUnit.id, dueAt });
    await acts.notify({ event: 'upward.open', to: { role: 'street_office', unitId: upwardUnit.id, reach: 'unit' }, kind: 'reporting.upward', title: title('请听取述职并评分'), body: '社区党组织书记已提交述职报告,请评分并可提出质询。', link });
    const closed = () => state.upward.closedAt !== null;
    if (remindAt < dueAt && !(await gate.condition(closed, msUntil(remindAt)))) {
      await acts.notify({ event: 'upward.reminder', to: { role: 'street_office', unitId: upwardUnit.id, reach: 'unit' }, kind: 'reporting.reminder', title: title('向上述职评分即将到期'), body: `请于 ${dueAt.slice(0, 10)} 前完成评分和质询。`, link });
    }
    if (!(await gate.condition(closed, msUntil(dueAt)))) {
      const blocker = upwardBlocker(state);
      if (blocker) {
        state.overdue = true;
        note('upwardBlocked', `向上述职期满,但${blocker}`, null);
        await persistOwn();
        const unanswered = openQuestions().length > 0;
        await acts.notify({
          event: 'upward.blocked',
          to: unanswered ? { role: 'community', unitId: community.id, reach: 'unit' } : { role: 'street_office', unitId: upwardUnit.id, reach: 'unit' },
          kind: 'reporting.overdue',
          title: title(unanswered ? '质询待答复' : '向上述职待评分'),
          body: blocker,
          link,
        });
        await gate.condition(() => closed() || upwardBlocker(state) === null);
      }
    }
  }
  if (upwardClosedBy) note('closeUpward', '结束向上述职', upwardClosedBy);
  else {
    state.upward.closedAt = nowIso();
    note('closeUpward', '向上述职期满,自动结束', null);
  }
  note('upwardScore', `向上述职得分 ${formatCenti(state.upward.scoreCenti ?? 0)}`, null, { scoreCenti: state.upward.scoreCenti });
  await acts.closeHumanTasks({ keys: ['upward'] });

  // 3. downward 述职
  await enter('downward', '进入向下述职');
  {
    const d = await startDeadline(rules.downwardDays);
    await acts.openHumanTask({ process: PROCESS, subjectId: reportId, key: 'downward', action: 'recordDownward', title: title('召开向下述职会议并登记'), role: 'community', unitId: community.id, dueAt: d.dueAt });
    await waitStep({ key: 'downward', ...d, done: () => state.downward !== null, remind: { role: 'community', unit: community }, escalate: { role: 'street_office', unit: upwardUnit }, what: '向下述职会议' });
  }
  await acts.closeHumanTasks({ keys: ['downward'] });

  // 4. 民主评议: a round per run; a round missing quorum is re-run (rules.voteReruns times).
  await enter('vote', '进入民主评议');
  let outcome: VoteRoundOutcome;
  for (let round = 1; ; round++) {
    const voters = await acts.reportingFixRoll({ reportId, round, communityPath: community.path });
    roll = new Set(voters.map((v) => v.personId));
    voted = new Set();
    tally = emptyTally();
    const { dueAt, remindAt } = await acts.reportingDeadline({ from: nowIso(), workingDays: rules.voteWindowDays, reminderLeadDays: Math.min(1, rules.reminderLeadDays) });
    currentRound = { round, opensAt: nowIso(), closesAt: dueAt, rollSize: roll.size, quorumNeeded: quorumNeeded(roll.size, rules.quorum), voted: 0, status: 'open', tally: null, outcome: null, verdict: null };
    state.voteRounds.push(currentRound);
    state.dueAt = dueAt;
    voteOpen = true;
    note('openVote', `第 ${round} 轮民主评议开始,应到会 ${roll.size} 人`, null, { round, rollSize: roll.size, closesAt: dueAt });
    await persistOwn();
    for (const v of voters) {
      await acts.openHumanTask({ process: PROCESS, subjectId: reportId, key: `vote-${round}-${v.personId}`, action: 'castVote', title: title(`民主评议投票(第 ${round} 轮)`), role: 'resident_rep', unitId: community.id, assigneeId: v.personId, dueAt });
    }
    if (voters.length > 0) {
      await acts.notify({ event: `vote-${round}.open`, to: { personIds: voters.map((v) => v.personId) }, kind: 'reporting.vote', title: title('请参加民主评议'), body: `投票截止 ${dueAt.slice(0, 10)},每人一票:满意 / 基本满意 / 不满意。`, link });
    }
    const everyoneVoted = () => roll.size > 0 && voted.size >= roll.size;
    if (remindAt < dueAt && !(await gate.condition(everyoneVoted, msUntil(remindAt)))) {
      const notYet = [...roll].filter((p) => !voted.has(p));
      await acts.notify({ event: `vote-${round}.reminder`, to: { personIds: notYet }, kind: 'reporting.reminder', title: title('民主评议即将截止'), body: `投票将于 ${dueAt.slice(0, 10)} 截止,请及时投票。`, link });
    }
    await gate.condition(everyoneVoted, msUntil(dueAt));
    voteOpen = false;
    outcome = closeVoteRound({ tally: { ...tally }, rollSize: roll.size, round, rules });
    currentRound.status = 'closed';
    currentRound.tally = { ...tally };
    currentRound.outcome = outcome.kind;
    currentRound.verdict = outcome.kind === 'counted' ? outcome.verdict : null;
    await acts.closeHumanTasks({ keys: voters.filter((v) => !voted.has(v.personId)).map((v) => `vote-${round}-${v.personId}`), status: 'cancelled' });
    const t = currentRound.tally;
    note('closeVote', `第 ${round} 轮投票结束:实到 ${voted.size}/${roll.size} 人,满意 ${t.satisfied}、基本满意 ${t.basically_satisfied}、不满意 ${t.dissatisfied}${outcome.kind === 'no_quorum' ? ',未达到法定人数' : ''}`, null, { round, tally: t, rollSize: roll.size, voted: voted.size });
    if (outcome.kind === 'counted' || !outcome.rerun) break;
    note('rerunVote', '未达到法定人数,重新组织投票', null);
    await persistOwn();
  }
  currentRound = null;

  // 5. result and 公示
  const rating = rateReport({ upwardScores: state.upward.scores.map((s) => s.score), vote: outcome, rules });
  state.result = { ...rating, originalGrade: null, decidedAt: nowIso() };
  await enter('public_notice', `评定结果:${RATING_LABELS[rating.grade]}(${rating.reason}),进入公示`);
  const { dueAt: noticeEnds } = await acts.reportingDeadline({ from: nowIso(), workingDays: rules.publicNoticeDays, reminderLeadDays: 0 });
  state.publicNotice = { startsAt: nowIso(), endsAt: noticeEnds, objections: [] };
  state.dueAt = noticeEnds;
  await persistOwn();
  const counted = outcome.kind === 'counted' ? outcome : null;
  const saveResult = (finalized: boolean) =>
    acts.reportingSaveResult({
      reportId,
      community,
      year: input.year,
      grade: state.result!.grade,
      upwardCenti: state.result!.upwardCenti,
      downwardCenti: state.result!.downwardCenti,
      combinedCenti: state.result!.combinedCenti,
      reason: state.result!.reason,
      tally: counted?.tally ?? null,
      verdict: counted?.verdict ?? null,
      rectificationRequired: state.result!.needsRectification,
      rectificationStatus: state.rectification?.status ?? (state.result!.needsRectification ? 'open' : null),
      decidedAt: state.result!.decidedAt,
      publishedUntil: noticeEnds,
      finalized,
    });
  await saveResult(false);
  await acts.notify({
    event: 'notice.open',
    to: { personIds: [...roll] },
    kind: 'reporting.notice',
    title: title('评议结果公示'),
    body: `评定等次:${RATING_LABELS[rating.grade]}。公示至 ${noticeEnds.slice(0, 10)},如有异议请在公示期内提出。`,
    link,
  });
  await acts.notify({ event: 'notice.open.community', to: { role: 'community', unitId: community.id, reach: 'unit' }, kind: 'reporting.notice', title: title('评议结果公示'), body: `评定等次:${RATING_LABELS[rating.grade]}。`, link });
  const allAnswered = () => state.publicNotice!.objections.every((o) => o.answer !== null);
  await sleep(msUntil(noticeEnds));
  if (!allAnswered()) {
    note('noticeBlocked', '公示期满,尚有异议未答复', null);
    await persistOwn();
    await acts.notify({ event: 'notice.unanswered', to: { role: 'street_office', unitId: upwardUnit.id, reach: 'unit' }, kind: 'reporting.overdue', title: title('公示异议待答复'), body: '公示期已满,仍有异议未答复,答复后结果方可生效。', link });
    await gate.condition(allAnswered);
  }
  note('noticeEnd', `公示结束,最终等次:${RATING_LABELS[state.result.grade]}`, null);

  // 6. rectification for a poor rating
  if (state.result.needsRectification) {
    await enter('rectification', '评定等次需整改,进入整改');
    const { dueAt, remindAt } = await acts.reportingDeadline({ from: nowIso(), workingDays: rules.rectificationDays, reminderLeadDays: rules.reminderLeadDays });
    state.rectification = { deadline: dueAt, submissions: [], reviews: [], status: 'open' };
    state.dueAt = dueAt;
    await persistOwn();
    await saveResult(false);
    await acts.openHumanTask({ process: PROCESS, subjectId: reportId, key: 'rectification-1', action: 'submitRectification', title: title('制定并落实整改方案'), role: 'community', unitId: community.id, dueAt });
    await acts.notify({ event: 'rectification.open', to: { role: 'community', unitId: community.id, reach: 'unit' }, kind: 'reporting.rectification', title: title('请落实整改'), body: `评定等次为${RATING_LABELS[state.result.grade]},请于 ${dueAt.slice(0, 10)} 前提交整改报告。`, link });
    const accepted = () => state.rectification!.status === 'accepted';
    if (!(await gate.condition(accepted, msUntil(remindAt)))) {
      if (state.rectification.status === 'open') {
        await acts.notify({ event: 'rectification.reminder', to: { role: 'community', unitId: community.id, reach: 'unit' }, kind: 'reporting.reminder', title: title('整改期限将至'), body: `请于 ${dueAt.slice(0, 10)} 前提交整改报告。`, link });
      }
      if (!(await gate.condition(accepted, msUntil(dueAt)))) {
        if (state.rectification.status === 'open') state.rectification.status = 'overdue';
        state.overdue = true;
        note('overdue', '整改已逾期', null);
        await persistOwn();
        await saveResult(false);
        await acts.notify({ event: 'rectification.overdue', to: { role: 'street_office', unitId: upwardUnit.id, reach: 'unit' }, kind: 'reporting.escalation', title: title('整改逾期督办'), body: `${community.name}整改已逾期,请督促落实。`, link });
        await gate.condition(accepted);
      }
    }
  }

  await enter('completed', '年度双向述职完成');
  await persistOwn();
  await saveResult(true);
  // An update still finishing (the answer that released the 公示) must get its reply.
  await engineCondition(allHandlersFinished);
  return { reportId, grade: state.result.grade, combinedCenti: state.result.combinedCenti };
}
