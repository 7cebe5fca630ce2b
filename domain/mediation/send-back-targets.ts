// 退回 in a mediation case (read by the mediation machine and, through
// domain/kit/send-back-targets.ts, by the console's form). Plain strings, no
// imports: the console bundles this file as it is.
//
// One return: a round in progress (调解中) back to its acceptance (受理) — the
// mediator who accepted it withdraws (回避: a party objects to them, or they
// are related to a party — 人民调解法 §§20, 23: parties may choose or refuse
// a mediator), or a supervising mediator finds it in the wrong hands. The
// round stays at its level with its time limit and the sessions held so far;
// its unit's mediators see the acceptance in their 待办 again.
//
// Not allowed, and why: a round's acceptance has no earlier human step
// (triage is automatic at registration, and 指派调解员 is optional); sending a
// higher level's round back to a lower level would undo an escalation the
// lower level decided (调解不成) and the three-round count; an agreement or a
// failure ends the round at once (documents, the next level), as it does for
// 撤回; the court's acceptance and decision and the follow-up visit record
// facts outside the process, which are corrected, not sent back. Mediation
// pays no money, so the rule "never after money was paid" has nothing to hold.
export const MEDIATION_SEND_BACK_TARGETS = {
  recordSession: ['acceptCase'],
} as const;
