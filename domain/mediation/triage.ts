// 合理分流: where a newly registered case goes. Pure, so the API can preview
// the decision and the workflow takes the same one.
import type { TriageRules } from './rules';
import { DISPUTE_TYPE_LABELS, LEVEL_LABELS, type Channel, type DisputeType, type MediationLevel, type RiskLevel } from './types';

export interface TriageFacts {
  channel: Channel;
  disputeType: DisputeType;
  risk: RiskLevel;
  /** Amount in dispute in fen, when there is one. */
  amountFen: number | null;
  partyCount: number;
  /** Already accepted by a court or an arbitration body (不属于人民调解受理范围). */
  alreadyInLitigation: boolean;
  /** The registrar's own finding that the case is not for mediation, with the reason. */
  notSuitableReason: string | null;
}

export type TriageDecision =
  | { kind: 'refer_out'; reason: string }
  | { kind: 'mediate'; startLevel: MediationLevel; highRisk: boolean; reasons: string[] };

const REFERRAL_REASONS: Partial<Record<DisputeType, string>> = {
  criminal: '纠纷涉嫌刑事犯罪,不属于人民调解范围,已移送公安机关依法处理。',
  administrative: '属于行政争议,不属于人民调解范围,已引导当事人通过行政复议或行政诉讼解决。',
};

export function triageCase(facts: TriageFacts, rules: TriageRules): TriageDecision {
  const own = facts.notSuitableReason?.trim();
  if (own) return { kind: 'refer_out', reason: own };

  // A court's 诉前委派 is by definition a case the court has not yet accepted.
  if (facts.alreadyInLitigation && facts.channel !== 'court_referral') {
    return { kind: 'refer_out', reason: '纠纷已由人民法院或仲裁机构受理,人民调解委员会不再受理。' };
  }

  if (rules.notSuitableTypes.includes(facts.disputeType)) {
    return {
      kind: 'refer_out',
      reason: REFERRAL_REASONS[facts.disputeType] ?? `${DISPUTE_TYPE_LABELS[facts.disputeType]}不适宜人民调解,已分流移送相关部门。`,
    };
  }

  if (facts.risk !== 'high') return { kind: 'mediate', startLevel: 'community', highRisk: false, reasons: [] };

  const reasons = ['激化风险高'];
  let startLevel: MediationLevel = rules.highRiskStartLevel;
  if (facts.partyCount >= rules.districtPartyCount) {
    reasons.push(`当事人${facts.partyCount}人,属群体性纠纷`);
    startLevel = 'district';
  }
  if (facts.amountFen !== null && facts.amountFen >= rules.districtAmountFen) {
    reasons.push(`争议金额${formatYuan(facts.amountFen)}元`);
    startLevel = 'district';
  }
  reasons.push(`直接由${LEVEL_LABELS[startLevel]}级调解`);
  return { kind: 'mediate', startLevel, highRisk: true, reasons };
}

/** Integer fen to "1,234.50" — exact, no floating point. */
export function formatYuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}
