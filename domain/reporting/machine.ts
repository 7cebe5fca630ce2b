// 双向述职 as a machine of the process kit (domain/kit/machine.ts): one
// community's year — written report, upward 述职 with scores and 质询,
// downward 述职, the secret vote, rating and 公示, rectification. The people's
// actions go through refusal/apply; the process's own steps (a step opens, a
// reminder, a deadline passes, a round closes) are the pure functions below
// it. Each returns the new state and its effects; the inbox is whatever
// `pendingTasks` says, never opened or closed by hand.
//
// Secret ballot: the state keeps who is on the roll, who has voted and the
// running counts in `ballotBox` — never the pair voter→choice — and
// `publicReport` leaves the box out of everything that is saved or queried.
// The ballot itself leaves a step only as `effects.ballot`, which the save
// writes apart from who voted; timeline entries and notifications name no
// choice.
import { accessRefusal, type Actor, type UnitRef } from '../access';
import type { Effects, NotificationIntent, PendingTask, ProcessMachine, Refusal, Step, TimelineEntry as KitEntry } from '../kit/machine';
import type { RoleName } from '../roles';
import { voterAccessRefusal } from './access';
import { formatCenti, rateReport, upwardScoreCenti } from './rating';
import type { ReportingRules } from './rules';
import { REPORT_ACTIONS, REPORT_ACTION_NAMES, REPORT_STAGE_LABELS, type ReportAction, type ReportStage } from './stages';
import type { ProjectResult, ReportState, TimelineEntry } from './state';
import { RATING_GRADES, RATING_LABELS, VOTE_CHOICES, type RatingGrade, type VoteChoice } from './terms';
import { closeVoteRound, emptyTally, quorumNeeded, type Tally, type VoteRoundOutcome } from './vote';

/** The input of each action, as the API parsed it (the machine checks it again). */
export interface ReportInputs {
  submitReport: { content: string; highlights?: string | null };
  scoreUpward: { score: number; comment?: string | null };
  askQuestion: { question: string };
  answerQuestion: { questionId: string; answer: string };
  closeUpward: Record<string, never>;
  recordDownward: { heldOn: string; attendees: number; summary: string };
  castVote: { choice: VoteChoice; comment?: string | null };
  raiseObjection: { content: string };
  answerObjection: { objectionId: string; answer: string; upheld: boolean; revisedGrade?: RatingGrade | null };
  submitRectification: { plan: string };
  reviewRectification: { accepted: boolean; comment?: string | null };
}

/** The vote's private part: the roll, who has voted and the counts; never who chose what. */
export interface BallotBox {
  round: number | null;
  open: boolean;
  roll: string[];
  voted: string[];
  tally: Tally;
}

export interface ReportingState extends ReportState {
  ballotBox: BallotBox;
  /** The workflow's own: when the open step's reminder is due (timed.ts), null when none. Never saved or queried. */
  clock?: { remindAt: string | null };
}

/** A ballot to write: who voted goes to one table, what they chose to another. */
export interface Ballot {
  round: number;
  voterId: string;
  choice: VoteChoice;
  comment: string | null;
  at: string;
}

export interface ReportingEffects extends Effects {
  ballot?: Ballot;
}

export type ReportingStep = Step<ReportingState> & { effects: ReportingEffects };

export interface ReportingStart {
  reportId: string;
  cycleId: string;
  year: number;
  community: UnitRef;
  street: UnitRef | null;
  rules: ReportingRules;
}

export function initialReportingState(start: ReportingStart): ReportingState {
  return {
    ...start,
    stage: 'report',
    dueAt: null,
    overdue: false,
    report: null,
    projectResults: [],
    upward: { scores: [], questions: [], closedAt: null, scoreCenti: null },
    downward: null,
    voteRounds: [],
    result: null,
    publicNotice: null,
    rectification: null,
    version: 0,
    timeline: [],
    ballotBox: { round: null, open: false, roll: [], voted: [], tally: emptyTally() },
  };
}

/** What is saved and queried: everything but the ballot box. */
export function publicReport(state: ReportingState): ReportState {
  const { ballotBox: _box, clock: _clock, ...report } = state;
  return report;
}

/** Whether one person is on the current roll and has voted (never what they chose). */
export function voterStatus(state: ReportingState, personId: string): { round: number | null; onRoll: boolean; voted: boolean } {
  const box = state.ballotBox;
  return { round: box.open ? box.round : null, onRoll: box.roll.includes(personId), voted: box.voted.includes(personId) };
}

// ── helpers ────────────────────────────────────────────────────────────────

/** The street's party committee hears the upward report; a community directly under the district reports to the district. */
export const upwardUnitOf = (state: ReportState): UnitRef => state.street ?? state.community;
const titleOf = (state: ReportState, s: string) => `${state.community.name} ${state.year} 年度双向述职:${s}`;
const day = (iso: string) => iso.slice(0, 10);
const toUnit = (role: RoleName, unit: UnitRef): NotificationIntent['to'] => ({ role, unitId: unit.id, reach: 'unit' });
const refusalOf = (code: Refusal['code'], message: string): Refusal => ({ code, message });

/** A working copy of the state and the effects a step collects while it changes it. */
function begin(state: ReportingState, now: Date) {
  // JSON, not structuredClone: the workflow sandbox has no structuredClone, and the state is JSON by construction.
  const next = JSON.parse(JSON.stringify(state)) as ReportingState;
  const effects: ReportingEffects = { timeline: [], notifications: [] };
  const at = now.toISOString();
  return {
    next,
    effects,
    at,
    note(action: string, label: string, actor: Actor | null, data?: Record<string, unknown>) {
      const entry: TimelineEntry = { seq: next.timeline.length + 1, at, actorId: actor?.personId ?? null, actorName: actor?.displayName ?? null, action, label, ...(data ? { data } : {}) };
      next.timeline.push(entry);
      const kit: KitEntry = { seq: entry.seq, at, action, actorId: entry.actorId, actorName: entry.actorName, summary: label, data: data ?? {} };
      effects.timeline.push(kit);
    },
    notify(event: string, to: NotificationIntent['to'], kind: string, title: string, body: string) {
      effects.notifications.push({ event, to, kind, title: titleOf(next, title), body });
    },
    done(): ReportingStep {
      next.version += 1;
      return { state: next, effects };
    },
  };
}

function text(s: string | null | undefined, what: string, max = 20000): Refusal | string {
  const t = (s ?? '').trim();
  if (!t) return refusalOf('VALIDATION_FAILED', `${what}不能为空`);
  if (t.length > max) return refusalOf('VALIDATION_FAILED', `${what}过长(最多 ${max} 字)`);
  return t;
}
const textRefusal = (s: string | null | undefined, what: string, max?: number): Refusal | null => {
  const t = text(s, what, max);
  return typeof t === 'string' ? null : t;
};

const openQuestions = (state: ReportState) => state.upward.questions.filter((q) => q.answer === null);

/** Why the upward step cannot close yet, or null. */
export function upwardBlocker(state: ReportState): string | null {
  if (state.upward.scores.length === 0) return '尚无街道党工委成员评分';
  const open = openQuestions(state);
  if (open.length > 0) return `还有 ${open.length} 个质询未答复(${open.map((q) => q.id).join('、')}),答复后才能结束向上述职`;
  return null;
}

/** The vote round open for ballots, if any. */
function openRound(state: ReportingState) {
  const round = state.voteRounds.at(-1);
  return state.ballotBox.open && round?.status === 'open' ? round : null;
}

// ── refusal: access first, then stage, then the input ─────────────────────

/** Role, scope and stage: whether `actor` may take `action` now at all. */
function gateRefusal(state: ReportingState, actor: Actor, action: ReportAction, now: Date): Refusal | null {
  const spec = REPORT_ACTIONS[action];
  const stageRefusal = () =>
    (spec.stages as readonly ReportStage[]).includes(state.stage) ? null : refusalOf('WRONG_STAGE', `当前阶段为「${REPORT_STAGE_LABELS[state.stage]}」,不能${spec.label}`);
  if (action === 'castVote') {
    // Who is no representative, or not one of this community, hears nothing about the vote.
    const refusal = voterAccessRefusal(actor, state.community.path);
    if (refusal) return refusal;
    if (state.stage !== 'vote' || !openRound(state)) return refusalOf('WRONG_STAGE', '民主评议投票未开放');
    if (!state.ballotBox.roll.includes(actor.personId)) return refusalOf('NOT_ON_ROLL', '您不在本轮民主评议的应到会名单中');
    if (state.ballotBox.voted.includes(actor.personId)) return refusalOf('ALREADY_VOTED', '您已投票,选票不能重复投出或更改');
    return null;
  }
  if (action === 'raiseObjection') {
    // Representatives of the community (including its grids) may object, as may the bodies above it.
    const ownRep = voterAccessRefusal(actor, state.community.path) === null;
    if (!ownRep) {
      const code = accessRefusal(actor, spec.roles as readonly RoleName[], state.community.path);
      if (code) return refusalOf(code, `无权${spec.label}`);
      const wrong = stageRefusal();
      if (wrong) return wrong;
    } else if (state.stage !== 'public_notice') return refusalOf('WRONG_STAGE', `当前阶段为「${REPORT_STAGE_LABELS[state.stage]}」,不能提出异议`);
    if (state.publicNotice && now.getTime() >= new Date(state.publicNotice.endsAt).getTime()) return refusalOf('WRONG_STAGE', '公示期已结束,不能再提出异议');
    return null;
  }
  // The committee's own steps are judged over the upward unit, the community's over the community.
  const overUpward = action === 'closeUpward' || action === 'answerObjection' || action === 'reviewRectification';
  const code = accessRefusal(actor, spec.roles as readonly RoleName[], overUpward ? upwardUnitOf(state).path : state.community.path);
  if (code) return refusalOf(code, `无权${spec.label}`);
  return stageRefusal();
}

/** What is wrong with the input, or with taking the action in the state as it is. */
function inputRefusal<A extends ReportAction>(state: ReportingState, actor: Actor, action: A, input: ReportInputs[A]): Refusal | null {
  switch (action) {
    case 'submitReport': {
      const i = input as ReportInputs['submitReport'];
      return textRefusal(i.content, '述职报告') ?? (state.report ? refusalOf('ALREADY_DONE', '述职报告已提交') : null);
    }
    case 'scoreUpward': {
      const { score } = input as ReportInputs['scoreUpward'];
      if (!Number.isInteger(score) || score < 0 || score > 100) return refusalOf('VALIDATION_FAILED', '评分须为 0–100 的整数');
      return state.upward.scores.some((s) => s.scorerId === actor.personId) ? refusalOf('ALREADY_DONE', '您已评分,不能重复评分') : null;
    }
    case 'askQuestion':
      return textRefusal((input as ReportInputs['askQuestion']).question, '质询内容', 2000);
    case 'answerQuestion': {
      const i = input as ReportInputs['answerQuestion'];
      const q = state.upward.questions.find((x) => x.id === i.questionId);
      if (!q) return refusalOf('NOT_FOUND', `质询 ${i.questionId} 不存在`);
      if (q.answer !== null) return refusalOf('ALREADY_DONE', '该质询已答复');
      return textRefusal(i.answer, '答复内容');
    }
    case 'closeUpward': {
      if (state.upward.closedAt) return refusalOf('ALREADY_DONE', '向上述职已结束');
      const blocker = upwardBlocker(state);
      return blocker ? refusalOf('QUESTIONS_UNANSWERED', blocker) : null;
    }
    case 'recordDownward': {
      const i = input as ReportInputs['recordDownward'];
      if (state.downward) return refusalOf('ALREADY_DONE', '向下述职会议已登记');
      if (typeof i.heldOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(i.heldOn)) return refusalOf('VALIDATION_FAILED', '会议日期格式应为 YYYY-MM-DD');
      if (!Number.isInteger(i.attendees) || i.attendees < 0) return refusalOf('VALIDATION_FAILED', '到会人数须为非负整数');
      return textRefusal(i.summary, '会议纪要');
    }
    case 'castVote': {
      const i = input as ReportInputs['castVote'];
      if (!(VOTE_CHOICES as readonly string[]).includes(i.choice)) return refusalOf('VALIDATION_FAILED', '选项应为 满意 / 基本满意 / 不满意');
      return i.comment && i.comment.length > 2000 ? refusalOf('VALIDATION_FAILED', '意见过长(最多 2000 字)') : null;
    }
    case 'raiseObjection':
      return textRefusal((input as ReportInputs['raiseObjection']).content, '异议内容', 5000);
    case 'answerObjection': {
      const i = input as ReportInputs['answerObjection'];
      const o = state.publicNotice?.objections.find((x) => x.id === i.objectionId);
      if (!o) return refusalOf('NOT_FOUND', `异议 ${i.objectionId} 不存在`);
      if (o.answer !== null) return refusalOf('ALREADY_DONE', '该异议已答复');
      if (i.revisedGrade != null && !(RATING_GRADES as readonly string[]).includes(i.revisedGrade)) return refusalOf('VALIDATION_FAILED', '评定等次无效');
      return textRefusal(i.answer, '答复内容');
    }
    case 'submitRectification':
      if (state.rectification?.status === 'submitted') return refusalOf('ALREADY_DONE', '整改报告已提交,正在审核');
      return textRefusal((input as ReportInputs['submitRectification']).plan, '整改报告');
    case 'reviewRectification': {
      const i = input as ReportInputs['reviewRectification'];
      if (state.rectification?.status !== 'submitted') return refusalOf('WRONG_STAGE', '没有待审核的整改报告');
      return i.accepted ? null : textRefusal(i.comment, '退回理由', 2000);
    }
  }
  return null;
}

export function reportRefusal<A extends ReportAction>(state: ReportingState, actor: Actor, action: A, input: ReportInputs[A], now: Date): Refusal | null {
  if (!input || typeof input !== 'object') return refusalOf('VALIDATION_FAILED', '请求缺少操作内容');
  return gateRefusal(state, actor, action, now) ?? inputRefusal(state, actor, action, input);
}

// ── apply: a person's action ─────────────────────────────────────────────

export function applyReportAction<A extends ReportAction>(state: ReportingState, actor: Actor, action: A, input: ReportInputs[A], now: Date): ReportingStep {
  const s = begin(state, now);
  const { next, at } = s;
  const upward = upwardUnitOf(next);
  const trim = (v: string | null | undefined) => v?.trim() || null;
  switch (action) {
    case 'submitReport': {
      const i = input as ReportInputs['submitReport'];
      next.report = { content: i.content.trim(), highlights: trim(i.highlights), submittedAt: at, submittedById: actor.personId };
      s.note('submitReport', '提交述职报告', actor, { length: next.report.content.length });
      break;
    }
    case 'scoreUpward': {
      const { score, comment } = input as ReportInputs['scoreUpward'];
      next.upward.scores.push({ scorerId: actor.personId, scorerName: actor.displayName, score, comment: trim(comment), at });
      next.upward.scoreCenti = upwardScoreCenti(next.upward.scores.map((x) => x.score));
      s.note('scoreUpward', `评分 ${score} 分`, actor, { score, comment: comment ?? null });
      break;
    }
    case 'askQuestion': {
      const question = (input as ReportInputs['askQuestion']).question.trim();
      const id = `q${next.upward.questions.length + 1}`;
      next.upward.questions.push({ id, askedById: actor.personId, askedByName: actor.displayName, question, askedAt: at, answer: null, answeredAt: null });
      s.note('askQuestion', '提出质询', actor, { questionId: id, question });
      s.notify(`question-${id}`, toUnit('community', next.community), 'reporting.question', '收到质询', question);
      return { ...s.done(), result: { questionId: id } };
    }
    case 'answerQuestion': {
      const { questionId, answer } = input as ReportInputs['answerQuestion'];
      const q = next.upward.questions.find((x) => x.id === questionId)!;
      q.answer = answer.trim();
      q.answeredAt = at;
      s.note('answerQuestion', `答复质询 ${questionId}`, actor, { questionId, answer: q.answer });
      break;
    }
    case 'closeUpward':
      next.upward.closedAt = at;
      s.note('closeUpward', '结束向上述职', actor);
      break;
    case 'recordDownward': {
      const { heldOn, attendees, summary } = input as ReportInputs['recordDownward'];
      next.downward = { heldOn, attendees, summary: summary.trim(), recordedAt: at };
      s.note('recordDownward', `登记向下述职会议(${heldOn},到会 ${attendees} 人)`, actor, { heldOn, attendees });
      break;
    }
    case 'castVote': {
      const { choice, comment } = input as ReportInputs['castVote'];
      const round = next.voteRounds.at(-1)!;
      const box = next.ballotBox;
      box.voted.push(actor.personId);
      box.tally[choice] += 1;
      round.voted = box.voted.length;
      s.note('castVote', `第 ${round.round} 轮投票:一名代表已投票`, actor, { round: round.round });
      s.effects.ballot = { round: round.round, voterId: actor.personId, choice, comment: trim(comment), at };
      return { ...s.done(), result: { round: round.round } };
    }
    case 'raiseObjection': {
      const content = (input as ReportInputs['raiseObjection']).content.trim();
      const notice = next.publicNotice!;
      const id = `o${notice.objections.length + 1}`;
      notice.objections.push({ id, raisedById: actor.personId, raisedByName: actor.displayName, content, raisedAt: at, answer: null, upheld: null, answeredById: null, answeredAt: null });
      s.note('raiseObjection', `对公示结果提出异议 ${id}`, actor, { objectionId: id, content });
      s.notify(`objection-${id}`, toUnit('street_office', upward), 'reporting.objection', '公示期收到异议', content);
      return { ...s.done(), result: { objectionId: id } };
    }
    case 'answerObjection': {
      const { objectionId, answer, upheld, revisedGrade } = input as ReportInputs['answerObjection'];
      const o = next.publicNotice!.objections.find((x) => x.id === objectionId)!;
      Object.assign(o, { answer: answer.trim(), upheld, answeredById: actor.personId, answeredAt: at });
      let label = `答复异议 ${objectionId}(${upheld ? '异议成立' : '异议不成立'})`;
      const result = next.result;
      if (upheld && revisedGrade && result && revisedGrade !== result.grade) {
        result.originalGrade ??= result.grade;
        result.grade = revisedGrade;
        result.needsRectification = next.rules.rectificationGrades.includes(revisedGrade);
        result.reason = `${result.reason};经核实异议成立,评定等次更正为${RATING_LABELS[revisedGrade]}`;
        label += `,等次更正为${RATING_LABELS[revisedGrade]}`;
      }
      s.note('answerObjection', label, actor, { objectionId, answer: answer.trim(), upheld, revisedGrade: revisedGrade ?? null });
      s.notify(`objection-${objectionId}-answered`, { personIds: [o.raisedById] }, 'reporting.objection-answered', '您的异议已答复', answer.trim());
      break;
    }
    case 'submitRectification': {
      const r = next.rectification!;
      r.submissions.push({ plan: (input as ReportInputs['submitRectification']).plan.trim(), at, byId: actor.personId });
      r.status = 'submitted';
      s.note('submitRectification', `提交整改报告(第 ${r.submissions.length} 次)`, actor, { length: r.submissions.at(-1)!.plan.length });
      break;
    }
    case 'reviewRectification': {
      const { accepted, comment } = input as ReportInputs['reviewRectification'];
      const r = next.rectification!;
      r.reviews.push({ accepted, comment: trim(comment), at, byId: actor.personId });
      r.status = accepted ? 'accepted' : now.getTime() > new Date(r.deadline).getTime() ? 'overdue' : 'open';
      s.note('reviewRectification', accepted ? '整改通过' : '整改报告退回', actor, { accepted, comment: comment ?? null });
      break;
    }
  }
  return s.done();
}

// ── the inbox ────────────────────────────────────────────────────────────

/** Every task the state waits for; the save opens what is new and closes what is gone. */
export function reportPendingTasks(state: ReportingState): PendingTask<ReportAction>[] {
  const tasks: PendingTask<ReportAction>[] = [];
  const community = state.community;
  const upward = upwardUnitOf(state);
  const task = (key: string, action: ReportAction, title: string, role: RoleName, unit: UnitRef, dueAt: string | null, assigneeId: string | null = null) =>
    tasks.push({ key, action, title: titleOf(state, title), role, unitId: unit.id, assigneeId, dueAt });
  switch (state.stage) {
    case 'report':
      // Opened once the step has its deadline.
      if (!state.report && state.dueAt) task('report', 'submitReport', '提交述职报告', 'community', community, state.dueAt);
      break;
    case 'upward':
      if (!state.upward.closedAt) task('upward', 'scoreUpward', '向上述职评分、质询', 'street_office', upward, state.dueAt);
      for (const q of openQuestions(state)) task(`answer-${q.id}`, 'answerQuestion', `答复质询 ${q.id}`, 'community', community, state.dueAt);
      break;
    case 'downward':
      if (!state.downward) task('downward', 'recordDownward', '召开向下述职会议并登记', 'community', community, state.dueAt);
      break;
    case 'vote': {
      const round = openRound(state);
      if (!round) break;
      for (const personId of state.ballotBox.roll) {
        if (state.ballotBox.voted.includes(personId)) continue;
        task(`vote-${round.round}-${personId}`, 'castVote', `民主评议投票(第 ${round.round} 轮)`, 'resident_rep', community, round.closesAt, personId);
      }
      break;
    }
    case 'public_notice':
      for (const o of state.publicNotice?.objections ?? []) {
        if (o.answer === null) task(`objection-${o.id}`, 'answerObjection', `答复公示异议 ${o.id}`, 'street_office', upward, state.publicNotice!.endsAt);
      }
      break;
    case 'rectification': {
      const r = state.rectification;
      if (!r) break;
      const n = r.submissions.length;
      if (r.status === 'submitted') task(`rectification-review-${n}`, 'reviewRectification', '审核整改报告', 'street_office', upward, r.deadline);
      else if (r.status !== 'accepted') task(`rectification-${n + 1}`, 'submitRectification', n === 0 ? '制定并落实整改方案' : '重新提交整改报告', 'community', community, r.deadline);
      break;
    }
    case 'completed':
      break;
  }
  return tasks;
}

// ── the process's own steps ──────────────────────────────────────────────

/** A step's deadline and when to remind before it (working days, from the calendar activity). */
export interface StepDeadline {
  dueAt: string;
  remindAt: string;
}

function enter(s: ReturnType<typeof begin>, stage: ReportStage, label: string, dueAt: string | null): void {
  s.next.stage = stage;
  s.next.dueAt = dueAt;
  s.next.overdue = false;
  s.note(`enter:${stage}`, label, null);
}

/** The year starts: the projects it cites, and the written report is due. */
export function reportOpened(state: ReportingState, projectResults: ProjectResult[], d: StepDeadline, now: Date): ReportingStep {
  const s = begin(state, now);
  s.next.projectResults = projectResults;
  s.note('start', `启动 ${state.year} 年度双向述职`, null, { cycleId: state.cycleId, projects: projectResults.length });
  s.next.dueAt = d.dueAt;
  s.next.overdue = false;
  s.notify('report.open', toUnit('community', state.community), 'reporting.report', '请撰写述职报告', `请于 ${day(d.dueAt)} 前提交 ${state.year} 年度述职报告。`);
  return s.done();
}

/** The report is in: the committee hears it, scores and may question. */
export function upwardOpened(state: ReportingState, d: StepDeadline, now: Date): ReportingStep {
  const s = begin(state, now);
  enter(s, 'upward', '进入向上述职', d.dueAt);
  s.notify('upward.open', toUnit('street_office', upwardUnitOf(state)), 'reporting.upward', '请听取述职并评分', '社区党组织书记已提交述职报告,请评分并可提出质询。');
  return s.done();
}

/** The upward step ends (by the committee's word, or by itself once its window passed) and the downward meeting is due. */
export function downwardOpened(state: ReportingState, d: StepDeadline, now: Date): ReportingStep {
  const s = begin(state, now);
  if (!s.next.upward.closedAt) {
    s.next.upward.closedAt = s.at;
    s.note('closeUpward', '向上述职期满,自动结束', null);
  }
  s.note('upwardScore', `向上述职得分 ${formatCenti(s.next.upward.scoreCenti ?? 0)}`, null, { scoreCenti: s.next.upward.scoreCenti });
  enter(s, 'downward', '进入向下述职', d.dueAt);
  return s.done();
}

/** What the waiting step is called in reminders, and who is reminded and escalated to. */
function waitingStep(state: ReportingState): { key: string; what: string; who: NotificationIntent['to']; above: NotificationIntent['to'] } | null {
  const community = toUnit('community', state.community);
  const above = toUnit('street_office', upwardUnitOf(state));
  if (state.stage === 'report') return { key: 'report', what: '提交述职报告', who: community, above };
  if (state.stage === 'downward') return { key: 'downward', what: '向下述职会议', who: community, above };
  return null;
}

/** The reminder before the current step's deadline: to those who still have to act. */
export function stepReminded(state: ReportingState, now: Date): ReportingStep {
  const s = begin(state, now);
  const due = day(state.dueAt ?? s.at);
  const step = waitingStep(state);
  if (step) {
    s.notify(`${step.key}.reminder`, step.who, 'reporting.reminder', `${step.what}即将到期`, `请于 ${due} 前完成:${step.what}。`);
  } else if (state.stage === 'upward') {
    s.notify('upward.reminder', toUnit('street_office', upwardUnitOf(state)), 'reporting.reminder', '向上述职评分即将到期', `请于 ${due} 前完成评分和质询。`);
  } else if (state.stage === 'vote') {
    const round = state.voteRounds.at(-1)!;
    const notYet = state.ballotBox.roll.filter((p) => !state.ballotBox.voted.includes(p));
    s.notify(`vote-${round.round}.reminder`, { personIds: notYet }, 'reporting.reminder', '民主评议即将截止', `投票将于 ${due} 截止,请及时投票。`);
  } else if (state.stage === 'rectification' && state.rectification?.status === 'open') {
    s.notify('rectification.reminder', toUnit('community', state.community), 'reporting.reminder', '整改期限将至', `请于 ${due} 前提交整改报告。`);
  }
  return s.done();
}

/**
 * The current step's deadline has passed with the step not done: overdue,
 * reminded and escalated. The upward step is only overdue when it cannot
 * close by itself (no score, or a question unanswered).
 */
export function stepOverdue(state: ReportingState, now: Date): ReportingStep {
  const s = begin(state, now);
  const { next } = s;
  next.overdue = true;
  const step = waitingStep(state);
  const above = toUnit('street_office', upwardUnitOf(state));
  if (step) {
    s.note('overdue', `${step.what}已逾期`, null);
    s.notify(`${step.key}.overdue`, step.who, 'reporting.overdue', `${step.what}已逾期`, `${step.what}已超过期限(${day(state.dueAt ?? s.at)}),请尽快办理。`);
    s.notify(`${step.key}.escalated`, above, 'reporting.escalation', `${step.what}逾期督办`, `${state.community.name}的${step.what}已逾期,请督促办理。`);
  } else if (state.stage === 'upward') {
    const blocker = upwardBlocker(state) ?? '';
    s.note('upwardBlocked', `向上述职期满,但${blocker}`, null);
    const unanswered = openQuestions(state).length > 0;
    s.notify('upward.blocked', unanswered ? toUnit('community', state.community) : above, 'reporting.overdue', unanswered ? '质询待答复' : '向上述职待评分', blocker);
  } else if (state.stage === 'rectification') {
    if (next.rectification!.status === 'open') next.rectification!.status = 'overdue';
    s.note('overdue', '整改已逾期', null);
    s.notify('rectification.overdue', above, 'reporting.escalation', '整改逾期督办', `${state.community.name}整改已逾期,请督促落实。`);
  } else if (state.stage === 'public_notice') {
    next.overdue = state.overdue;
    s.note('noticeBlocked', '公示期满,尚有异议未答复', null);
    s.notify('notice.unanswered', above, 'reporting.overdue', '公示异议待答复', '公示期已满,仍有异议未答复,答复后结果方可生效。');
  }
  return s.done();
}

/** A round of 民主评议 opens over the roll fixed for it. */
export function voteOpened(state: ReportingState, roll: string[], d: StepDeadline, now: Date): ReportingStep {
  const s = begin(state, now);
  const { next } = s;
  const round = next.voteRounds.length + 1;
  if (next.stage !== 'vote') enter(s, 'vote', '进入民主评议', null);
  next.ballotBox = { round, open: true, roll: [...roll], voted: [], tally: emptyTally() };
  next.voteRounds.push({ round, opensAt: s.at, closesAt: d.dueAt, rollSize: roll.length, quorumNeeded: quorumNeeded(roll.length, next.rules.quorum), voted: 0, status: 'open', tally: null, outcome: null, verdict: null });
  next.dueAt = d.dueAt;
  s.note('openVote', `第 ${round} 轮民主评议开始,应到会 ${roll.length} 人`, null, { round, rollSize: roll.length, closesAt: d.dueAt });
  if (roll.length > 0) {
    s.notify(`vote-${round}.open`, { personIds: [...roll] }, 'reporting.vote', '请参加民主评议', `投票截止 ${day(d.dueAt)},每人一票:满意 / 基本满意 / 不满意。`);
  }
  return s.done();
}

/** Everyone on the roll has voted: the round may close before its window ends. */
export const everyoneVoted = (state: ReportingState): boolean => state.ballotBox.roll.length > 0 && state.ballotBox.voted.length >= state.ballotBox.roll.length;

/** What the round just closed means (counted, or no quorum with or without a re-run). */
export function lastRoundOutcome(state: ReportingState): VoteRoundOutcome {
  const round = state.voteRounds.at(-1)!;
  return closeVoteRound({ tally: round.tally ?? emptyTally(), rollSize: round.rollSize, round: round.round, rules: state.rules });
}

/** The round closes: only now do the counts enter the state. */
export function voteClosed(state: ReportingState, now: Date): ReportingStep {
  const s = begin(state, now);
  const { next } = s;
  const box = next.ballotBox;
  const round = next.voteRounds.at(-1)!;
  const outcome = closeVoteRound({ tally: { ...box.tally }, rollSize: box.roll.length, round: round.round, rules: next.rules });
  box.open = false;
  Object.assign(round, { status: 'closed', tally: { ...box.tally }, outcome: outcome.kind, verdict: outcome.kind === 'counted' ? outcome.verdict : null });
  const t = box.tally;
  const quorum = outcome.kind === 'no_quorum' ? ',未达到法定人数' : '';
  s.note('closeVote', `第 ${round.round} 轮投票结束:实到 ${box.voted.length}/${box.roll.length} 人,满意 ${t.satisfied}、基本满意 ${t.basically_satisfied}、不满意 ${t.dissatisfied}${quorum}`, null, {
    round: round.round,
    tally: { ...t },
    rollSize: box.roll.length,
    voted: box.voted.length,
  });
  if (outcome.kind === 'no_quorum' && outcome.rerun) s.note('rerunVote', '未达到法定人数,重新组织投票', null);
  return s.done();
}

/** The vote is over: the year is rated and the result goes on 公示 until `endsAt`. */
export function noticeOpened(state: ReportingState, endsAt: string, now: Date): ReportingStep {
  const s = begin(state, now);
  const { next } = s;
  const rating = rateReport({ upwardScores: next.upward.scores.map((x) => x.score), vote: lastRoundOutcome(next), rules: next.rules });
  next.result = { ...rating, originalGrade: null, decidedAt: s.at };
  enter(s, 'public_notice', `评定结果:${RATING_LABELS[rating.grade]}(${rating.reason}),进入公示`, endsAt);
  next.publicNotice = { startsAt: s.at, endsAt, objections: [] };
  const grade = RATING_LABELS[rating.grade];
  s.notify('notice.open', { personIds: [...next.ballotBox.roll] }, 'reporting.notice', '评议结果公示', `评定等次:${grade}。公示至 ${day(endsAt)},如有异议请在公示期内提出。`);
  s.notify('notice.open.community', toUnit('community', next.community), 'reporting.notice', '评议结果公示', `评定等次:${grade}。`);
  return s.done();
}

export const objectionsAnswered = (state: ReportState): boolean => (state.publicNotice?.objections ?? []).every((o) => o.answer !== null);

/** The 公示 is over (every objection answered); a poor final grade opens rectification until `d.dueAt`. */
export function noticeEnded(state: ReportingState, d: StepDeadline | null, now: Date): ReportingStep {
  const s = begin(state, now);
  const { next } = s;
  const grade = next.result!.grade;
  s.note('noticeEnd', `公示结束,最终等次:${RATING_LABELS[grade]}`, null);
  if (next.result!.needsRectification && d) {
    enter(s, 'rectification', '评定等次需整改,进入整改', d.dueAt);
    next.rectification = { deadline: d.dueAt, submissions: [], reviews: [], status: 'open' };
    s.notify('rectification.open', toUnit('community', next.community), 'reporting.rectification', '请落实整改', `评定等次为${RATING_LABELS[grade]},请于 ${day(d.dueAt)} 前提交整改报告。`);
  }
  return s.done();
}

export function reportCompleted(state: ReportingState, now: Date): ReportingStep {
  const s = begin(state, now);
  enter(s, 'completed', '年度双向述职完成', null);
  return s.done();
}

export const reportingMachine: ProcessMachine<ReportingState, ReportInputs> = {
  process: 'reporting',
  actions: REPORT_ACTION_NAMES,
  labels: Object.fromEntries(REPORT_ACTION_NAMES.map((a) => [a, REPORT_ACTIONS[a].label])) as Record<ReportAction, string>,
  refusal: reportRefusal,
  apply: applyReportAction,
  pendingTasks: reportPendingTasks,
  availableActions: (state, actor, now) => REPORT_ACTION_NAMES.filter((a) => gateRefusal(state, actor, a, now) === null),
};
