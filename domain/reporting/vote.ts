// 民主评议: the secret vote of the community's resident representatives.
// Pure counting rules; the workflow keeps who has voted and the counts, the
// database keeps participation and ballots in separate tables.

import type { Fraction, ReportingRules } from './rules';
import type { VoteChoice } from './terms';

export type Tally = Record<VoteChoice, number>;

export function emptyTally(): Tally {
  return { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 };
}

export function tallyBallots(choices: readonly VoteChoice[]): Tally {
  const tally = emptyTally();
  for (const c of choices) tally[c] += 1;
  return tally;
}

export function ballotsCast(tally: Tally): number {
  return tally.satisfied + tally.basically_satisfied + tally.dissatisfied;
}

/** Fewest voters that reach the quorum: ceil(roll × fraction), at least 1. */
export function quorumNeeded(rollSize: number, quorum: Fraction): number {
  return Math.max(1, Math.ceil((rollSize * quorum.numerator) / quorum.denominator));
}

/** Whether `voted` of `rollSize` reach the quorum; an empty roll never does. */
export function quorumMet(voted: number, rollSize: number, quorum: Fraction): boolean {
  if (rollSize <= 0) return false;
  return voted * quorum.denominator >= rollSize * quorum.numerator;
}

export interface BranchVerdict {
  yes: number;
  /** 应到会: the roll fixed when the vote opened. */
  shouldAttend: number;
  /** Yes votes needed: more than half of those who should attend. */
  needed: number;
  passed: boolean;
}

/** 支部工作条例 §11: yes votes must exceed half of 应到会, not of those present. */
export function branchVerdict(tally: Tally, rollSize: number, yesChoices: readonly VoteChoice[]): BranchVerdict {
  const yes = yesChoices.reduce((n, c) => n + tally[c], 0);
  const needed = Math.floor(rollSize / 2) + 1;
  return { yes, shouldAttend: rollSize, needed, passed: rollSize > 0 && yes * 2 > rollSize };
}

/**
 * The downward score (0–100, in hundredths as an integer): the mean of the
 * ballots' points. Blank ballots do not exist — every ballot has a choice.
 */
export function downwardScoreCenti(tally: Tally, points: ReportingRules['choicePoints']): number | null {
  const cast = ballotsCast(tally);
  if (cast === 0) return null;
  const total = tally.satisfied * points.satisfied + tally.basically_satisfied * points.basically_satisfied + tally.dissatisfied * points.dissatisfied;
  return Math.round((total * 100) / cast);
}

export type VoteRoundOutcome =
  | { kind: 'counted'; tally: Tally; verdict: BranchVerdict | null }
  | { kind: 'no_quorum'; tally: Tally; rerun: boolean };

/**
 * What a closed round means: counted when quorate; otherwise re-run while
 * reruns remain (`round` is 1-based), or the vote has finally failed.
 */
export function closeVoteRound(options: { tally: Tally; rollSize: number; round: number; rules: ReportingRules }): VoteRoundOutcome {
  const { tally, rollSize, round, rules } = options;
  if (!quorumMet(ballotsCast(tally), rollSize, rules.quorum)) {
    return { kind: 'no_quorum', tally, rerun: round <= rules.voteReruns };
  }
  return { kind: 'counted', tally, verdict: rules.branchRule ? branchVerdict(tally, rollSize, rules.yesChoices) : null };
}

/**
 * The timeline a reader sees. While a round is open, knowing who has not yet
 * voted invites pressure, so organisers (the community, street, district,
 * admin) and representatives see the turnout count only (the round's `voted`
 * in the state): each "has voted" entry of a still-open round is dropped
 * unless the reader audits (`seesVoters`, BALLOT_AUDITOR_ROLES). Once the
 * round closes, every reader sees the entries, as before.
 */
export function hideOpenRoundVoters<E extends { action: string; data?: unknown }>(
  entries: readonly E[],
  openRounds: readonly number[],
  seesVoters: boolean,
): E[] {
  if (seesVoters || openRounds.length === 0) return [...entries];
  return entries.filter((e) => {
    if (e.action !== 'castVote') return true;
    const round = (e.data as { round?: unknown } | null | undefined)?.round;
    // An entry without a round cannot be placed: hide it while any round is open.
    return typeof round === 'number' && !openRounds.includes(round);
  });
}
