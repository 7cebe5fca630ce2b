// The vocabulary of 网格事件处置: what an incident is, where it stands, how it
// ended. English names in code and the API, the Chinese terms in the labels
// people read.
import type { Channel } from '../mediation/types';

/** 事件类型, as shared/DOMAIN.md lists them (plus property management and other). */
export const INCIDENT_TYPES = [
  'environment',
  'public_facility',
  'safety_hazard',
  'neighbour_dispute',
  'illegal_construction',
  'noise',
  'property_management',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_TYPE_LABELS: Record<IncidentType, string> = {
  environment: '环境卫生',
  public_facility: '设施损坏',
  safety_hazard: '安全隐患',
  neighbour_dispute: '邻里纠纷',
  illegal_construction: '违章搭建',
  noise: '噪声扰民',
  property_management: '物业管理',
  other: '其他',
};

/** 紧急程度: sets the working-day limit of the handling step (config/rules.ts). */
export const URGENCIES = ['urgent', 'ordinary', 'minor'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { urgent: '紧急', ordinary: '一般', minor: '轻微' };

/**
 * 多口受理: where an incident came in. The names are mediation's channels, so
 * an incident converted into a mediation case keeps its channel.
 */
export const INCIDENT_CHANNELS = ['grid_worker', 'hotline_12345', 'walk_in', 'online'] as const satisfies readonly Channel[];
export type IncidentChannel = (typeof INCIDENT_CHANNELS)[number];
export const INCIDENT_CHANNEL_LABELS: Record<IncidentChannel, string> = {
  grid_worker: '网格员巡查上报',
  hotline_12345: '12345热线',
  walk_in: '群众来访',
  online: '网上反映',
};

/**
 * triage: waits for the community to decide (前台一口受理);
 * street_triage: escalated, waits for the street office;
 * handling: dispatched, waits for the assignee (后台分工协同);
 * verifying: handled, waits for the reporter or grid worker to check;
 * closed: done (a satisfaction rating may still be recorded);
 * converted: handed over to a mediation case, which continues there.
 */
export const INCIDENT_STAGES = ['triage', 'street_triage', 'handling', 'verifying', 'closed', 'converted'] as const;
export type IncidentStage = (typeof INCIDENT_STAGES)[number];
/** Stages where an incident's handling has ended here: 办理中 is every other (the statistics' figure, the list's filter). */
export const ENDED_STAGES: readonly IncidentStage[] = ['closed', 'converted'];
export const INCIDENT_STAGE_LABELS: Record<IncidentStage, string> = {
  triage: '待社区分拨',
  street_triage: '待街道分拨',
  handling: '处置中',
  verifying: '待核查',
  closed: '已办结',
  converted: '已转人民调解',
};

export const INCIDENT_OUTCOMES = ['resolved_on_spot', 'resolved', 'resolved_unverified', 'unresolved', 'converted'] as const;
export type IncidentOutcome = (typeof INCIDENT_OUTCOMES)[number];
export const INCIDENT_OUTCOME_LABELS: Record<IncidentOutcome, string> = {
  resolved_on_spot: '就地解决',
  resolved: '处置完毕,核查通过',
  resolved_unverified: '处置完毕,逾期未核查自动办结',
  unresolved: '重办后核查仍未通过',
  converted: '转人民调解',
};

/** 回访满意度, as 12345 hotlines record it. */
export const SATISFACTION_LEVELS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };

/** Unit levels an incident may be dispatched to, with the role that handles it there. */
export const HANDLER_ROLE_BY_LEVEL = {
  grid: 'grid_worker',
  community: 'community',
  street: 'street_office',
  district: 'district_org',
} as const;
export type UnitLevel = keyof typeof HANDLER_ROLE_BY_LEVEL;

export const gridIncidentWorkflowId = (incidentId: string) => `grid-incident-${incidentId}`;

/** Photos a report or a handling round may name. */
export const MAX_PHOTOS = 9;
