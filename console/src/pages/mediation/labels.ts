export const CHANNEL_LABELS: Record<string, string> = {
  hotline_12345: '12345热线',
  grid_worker: '网格员上报',
  walk_in: '来访',
  online: '网上受理',
  court_referral: '法院诉前委派',
  police_referral: '公安移送',
};
export const DISPUTE_TYPE_LABELS: Record<string, string> = {
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
export const RISK_LABELS: Record<string, string> = { low: '低', medium: '中', high: '高' };
export const COMPLEXITY_LABELS: Record<string, string> = { simple: '简易', ordinary: '一般', complex: '复杂' };
export const LEVEL_LABELS: Record<string, string> = { community: '社区', street: '街道', district: '区' };
export const LEVELS = ['community', 'street', 'district'] as const;
export const CASE_STAGE_LABELS: Record<string, string> = { triage: '分流中', in_round: '调解中', agreement: '已达成协议', closed: '已结案' };
export const OUTCOME_LABELS: Record<string, string> = {
  agreement: '调解成功',
  not_mediated: '调解不成',
  refused: '当事人拒绝调解',
  withdrawn: '当事人撤回',
  referred_out: '分流移送',
  in_progress: '办理中',
};
export const JUDICIAL_STATUS_LABELS: Record<string, string> = {
  open: '可申请司法确认',
  applied: '已申请,待法院受理',
  accepted: '法院已受理',
  not_accepted: '法院不予受理',
  confirmed: '已司法确认',
  not_confirmed: '法院裁定不予确认',
  expired: '逾期未申请',
};
