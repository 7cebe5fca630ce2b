// The vocabulary of 三级三轮调解 (three-level, three-round mediation), one
// English code per term with its zh-CN label. Codes are stored in the read
// model and carried in workflow history, so renaming one is a migration.

export const CHANNELS = ['hotline_12345', 'grid_worker', 'walk_in', 'online', 'court_referral', 'police_referral'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  hotline_12345: '12345热线',
  grid_worker: '网格员上报',
  walk_in: '来访',
  online: '网上受理',
  court_referral: '法院诉前委派',
  police_referral: '公安移送',
};

export const DISPUTE_TYPES = [
  'neighbour',
  'property_management',
  'marriage_family',
  'labour',
  'water_leak',
  'noise',
  'heating',
  'civil_commercial_contract',
  'land_contract',
  'criminal',
  'administrative',
  'other',
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];
export const DISPUTE_TYPE_LABELS: Record<DisputeType, string> = {
  neighbour: '邻里纠纷',
  property_management: '物业纠纷',
  marriage_family: '婚姻家庭纠纷',
  labour: '劳动争议',
  water_leak: '房屋漏水',
  noise: '噪声扰民',
  heating: '供暖纠纷',
  civil_commercial_contract: '民商事合同纠纷',
  land_contract: '土地承包纠纷',
  criminal: '涉嫌刑事犯罪',
  administrative: '行政争议',
  other: '其他纠纷',
};

/** 激化风险: how likely the dispute is to escalate (to violence, group petitions, …). */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LABELS: Record<RiskLevel, string> = { low: '低', medium: '中', high: '高' };

/** 繁简分流: sets the time limit of each round (see MediationRules.roundLimitWorkingDays). */
export const COMPLEXITIES = ['simple', 'ordinary', 'complex'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];
export const COMPLEXITY_LABELS: Record<Complexity, string> = { simple: '简易', ordinary: '一般', complex: '复杂' };

/** The three rounds, in order: 社区 → 街道 → 区. */
export const LEVELS = ['community', 'street', 'district'] as const;
export type MediationLevel = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<MediationLevel, string> = { community: '社区', street: '街道', district: '区' };

export function nextLevel(level: MediationLevel): MediationLevel | null {
  const i = LEVELS.indexOf(level);
  return i < LEVELS.length - 1 ? LEVELS[i + 1] : null;
}

/** How a round ends. `overdue` is the automatic escalation after reminder and grace. */
/** `expired`: the 诉前调解 term of a court-referred case ran out during the round. */
export const ROUND_OUTCOMES = ['agreement', 'failed', 'overdue', 'refused', 'withdrawn', 'expired'] as const;
export type RoundOutcome = (typeof ROUND_OUTCOMES)[number];
export const ROUND_OUTCOME_LABELS: Record<RoundOutcome, string> = {
  agreement: '达成协议',
  failed: '调解不成',
  overdue: '超期自动升级',
  refused: '当事人拒绝调解',
  withdrawn: '当事人撤回申请',
  expired: '诉前调解期限届满',
};

/** How a case ends (its outcome in statistics). */
export const CASE_OUTCOMES = ['agreement', 'not_mediated', 'refused', 'withdrawn', 'referred_out'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  agreement: '调解成功',
  not_mediated: '调解不成(已引导诉讼或仲裁)',
  refused: '当事人拒绝调解',
  withdrawn: '当事人撤回',
  referred_out: '不宜调解,已分流移送',
};

/**
 * Where the case is. `in_round` covers waiting for acceptance and mediating;
 * `agreement` covers the judicial-confirmation window and the follow-up;
 * `closed` is final.
 */
export const STAGES = ['triage', 'in_round', 'agreement', 'closed'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  triage: '分流中',
  in_round: '调解中',
  agreement: '已达成协议',
  closed: '已结案',
};

/** 司法确认 status, from the agreement taking effect to the court's decision. */
export const JUDICIAL_STATUSES = ['open', 'applied', 'accepted', 'not_accepted', 'confirmed', 'not_confirmed', 'expired'] as const;
export type JudicialStatus = (typeof JUDICIAL_STATUSES)[number];
export const JUDICIAL_STATUS_LABELS: Record<JudicialStatus, string> = {
  open: '可申请司法确认',
  applied: '已申请,待法院受理',
  accepted: '法院已受理',
  not_accepted: '法院不予受理',
  confirmed: '已司法确认',
  not_confirmed: '法院裁定不予确认',
  expired: '逾期未申请',
};

/** 回访 result: is the agreement being carried out. */
export const PERFORMANCE_RESULTS = ['fulfilled', 'in_progress', 'partially', 'not_fulfilled'] as const;
export type PerformanceResult = (typeof PERFORMANCE_RESULTS)[number];
export const PERFORMANCE_LABELS: Record<PerformanceResult, string> = {
  fulfilled: '已履行完毕',
  in_progress: '正在履行',
  partially: '部分履行',
  not_fulfilled: '未履行',
};

export const PARTY_ROLES = ['applicant', 'respondent'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = { applicant: '申请人', respondent: '被申请人' };

/** Litigation/arbitration guidance recorded when mediation fails at the district level. */
export const NOT_MEDIATED_GUIDANCE =
  '经社区、街道、区三级调解未能达成协议。当事人可依法向人民法院提起诉讼;属于劳动争议的,可向劳动人事争议仲裁委员会申请仲裁;合同约定仲裁的,可向约定的仲裁机构申请仲裁。';

/**
 * Recorded when a court-referred case (诉前调解) ends without an agreement —
 * the term ran out, the district round failed, or a party refused or
 * withdrew: the court that referred it registers and tries the case, so the
 * parties are not sent to start litigation of their own.
 */
export const PRE_LITIGATION_RETURN_GUIDANCE =
  '诉前调解未达成调解协议,案件已退回委派的人民法院。人民法院将依法登记立案、审理,当事人可依法参加诉讼;调解过程中已确认的无争议事实,可以记载后提交人民法院。';

/** Said to the parties when the court refuses confirmation (人民调解法 §33 third paragraph). */
export const NOT_CONFIRMED_GUIDANCE =
  '人民法院裁定调解协议无效或不予确认的,当事人可以通过人民调解方式变更原调解协议或者达成新的调解协议,也可以向人民法院提起诉讼。';

/** The workflow of a case: one per case, its id derived from the case id. */
export function mediationWorkflowId(caseId: string): string {
  return `mediation-${caseId}`;
}
