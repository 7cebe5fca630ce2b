// The one place that names processes' actions for people: label, form fields
// and where a task lands. Which actions a person may take always comes from
// the API (availableActions / actions / a task's action); renaming an action
// in the API is a change to this file only.

export type ProcessName = 'project' | 'reporting' | 'mediation' | 'grid';

export type Field =
  | { name: string; label: string; kind: 'text' | 'textarea'; required?: boolean; max?: number; placeholder?: string }
  | { name: string; label: string; kind: 'choice'; options: Array<{ value: string; label: string }>; required?: boolean; initial?: string }
  | { name: string; label: string; kind: 'switch'; initial?: boolean }
  | { name: string; label: string; kind: 'money'; required?: boolean }
  | { name: string; label: string; kind: 'integer'; required?: boolean; min?: number; max?: number }
  | { name: string; label: string; kind: 'date'; required?: boolean }
  /** One entry per line → string[]. */
  | { name: string; label: string; kind: 'lines'; required?: boolean; placeholder?: string }
  /** A grid incident's photos, taken or picked and uploaded at once (components/GridPhotos.tsx); the body gets their refs. */
  | { name: string; label: string; kind: 'photos' };

export interface ActionSpec {
  label: string;
  /** Roles the button is shown to (a hint for the page; the API decides). Absent: whoever the API offers it to. */
  roles?: readonly string[];
  /** Shown as a primary button (the step's main decision). */
  primary?: boolean;
  danger?: boolean;
  fields: Field[];
}

const comment: Field = { name: 'comment', label: '意见', kind: 'textarea', max: 2000 };
const reason: Field = { name: 'reason', label: '理由', kind: 'textarea', required: true, max: 2000 };
const evidence: Field = { name: 'evidence', label: '佐证材料(每行一项)', kind: 'lines' };
const decision3: Field = {
  name: 'decision',
  label: '审核结论',
  kind: 'choice',
  required: true,
  initial: 'approve',
  options: [
    { value: 'approve', label: '通过' },
    { value: 'return', label: '退回修改' },
    { value: 'reject', label: '驳回' },
  ],
};
const decision2: Field = { ...decision3, options: [{ value: 'approve', label: '同意' }, { value: 'reject', label: '不同意' }] } as Field;

/** 党建项目: POST /api/projects/{id}/actions/{action}; body = the action's ref + the form. */
export const PROJECT_ACTIONS: Record<string, ActionSpec> = {
  reviewApplication: { label: '审核立项', primary: true, fields: [decision3, comment] },
  // The plan itself (application / proposal) is edited by the project page's milestones editor.
  resubmitApplication: { label: '重新提交申请', primary: true, fields: [{ name: 'note', label: '修改说明', kind: 'textarea', max: 2000 }] },
  withdrawApplication: { label: '撤回申请', danger: true, fields: [reason] },
  decideDistrictApproval: { label: '区级审批', primary: true, fields: [decision3, comment] },
  raiseObjection: { label: '提出异议', fields: [{ name: 'content', label: '异议内容', kind: 'textarea', required: true, max: 5000 }] },
  answerObjection: {
    label: '答复异议',
    primary: true,
    fields: [
      { name: 'answer', label: '答复', kind: 'textarea', required: true, max: 5000 },
      { name: 'upheld', label: '异议成立(项目退回修改)', kind: 'switch', initial: false },
    ],
  },
  reportMilestone: { label: '报告节点完成', primary: true, fields: [{ name: 'summary', label: '完成情况', kind: 'textarea', required: true, max: 5000 }, evidence] },
  verifyMilestone: {
    label: '核验节点',
    primary: true,
    fields: [{ name: 'decision', label: '核验结论', kind: 'choice', required: true, initial: 'verify', options: [{ value: 'verify', label: '核验通过' }, { value: 'reject', label: '不通过' }] }, comment],
  },
  releaseFunds: { label: '拨付资金', primary: true, fields: [{ name: 'voucherNo', label: '拨付凭证号', kind: 'text', required: true, max: 100 }] },
  returnDisbursement: { label: '退回拨付申请', danger: true, fields: [reason] },
  resubmitDisbursement: { label: '重新提交拨付', primary: true, fields: [{ name: 'note', label: '说明', kind: 'textarea', max: 2000 }] },
  reviewChange: { label: '审核变更', primary: true, fields: [decision2, comment] },
  decideChangeApproval: { label: '区级审批变更', primary: true, fields: [decision2, comment] },
  suspendProject: { label: '暂停项目', danger: true, fields: [reason] },
  resumeProject: { label: '恢复项目', fields: [comment] },
  terminateProject: { label: '终止项目', danger: true, fields: [reason] },
  submitCompletionReport: { label: '提交结项报告', primary: true, fields: [{ name: 'summary', label: '结项报告', kind: 'textarea', required: true, max: 20000 }, evidence] },
  scoreAcceptance: { label: '验收评分', primary: true, fields: [comment] },
  submitRectification: { label: '提交整改报告', primary: true, fields: [{ name: 'summary', label: '整改情况', kind: 'textarea', required: true, max: 20000 }, evidence] },
  proposeReward: {
    label: '提出奖补建议',
    primary: true,
    fields: [{ name: 'amountFen', label: '以奖代补金额(元)', kind: 'money', required: true }, { name: 'recognition', label: '表彰名称', kind: 'text', max: 200 }, comment],
  },
  confirmReward: {
    label: '确认奖补',
    primary: true,
    fields: [{ name: 'decision', label: '结论', kind: 'choice', required: true, initial: 'confirm', options: [{ value: 'confirm', label: '确认' }, { value: 'return', label: '退回' }] }, comment],
  },
  requestChange: { label: '申请变更', fields: [{ ...reason, label: '变更理由' }] },
};

/** 双向述职: POST /api/reporting/{id}/actions/{action}. */
export const REPORTING_ACTIONS: Record<string, ActionSpec> = {
  submitReport: { label: '提交述职报告', roles: ['community'], primary: true, fields: [{ name: 'content', label: '述职报告', kind: 'textarea', required: true, max: 20000 }, { name: 'highlights', label: '工作亮点', kind: 'textarea', max: 5000 }] },
  scoreUpward: { label: '向上述职评分', roles: ['street_office'], primary: true, fields: [{ name: 'score', label: '得分(0–100)', kind: 'integer', required: true, min: 0, max: 100 }, comment] },
  askQuestion: { label: '提出质询', roles: ['street_office'], fields: [{ name: 'question', label: '质询内容', kind: 'textarea', required: true, max: 2000 }] },
  answerQuestion: { label: '答复质询', roles: ['community'], primary: true, fields: [{ name: 'answer', label: '答复', kind: 'textarea', required: true, max: 20000 }] },
  closeUpward: { label: '结束向上述职', roles: ['street_office'], fields: [] },
  recordDownward: {
    label: '登记向下述职会议',
    roles: ['community'],
    primary: true,
    fields: [
      { name: 'heldOn', label: '述职大会日期', kind: 'date', required: true },
      { name: 'attendees', label: '参会人数', kind: 'integer', required: true, min: 0 },
      { name: 'summary', label: '会议情况', kind: 'textarea', required: true, max: 20000 },
    ],
  },
  castVote: { label: '民主评议投票', roles: ['resident_rep'], primary: true, fields: [] },
  raiseObjection: { label: '对公示结果提出异议', roles: ['resident_rep', 'community', 'street_office', 'district_org'], fields: [{ name: 'content', label: '异议内容', kind: 'textarea', required: true, max: 5000 }] },
  answerObjection: {
    label: '答复异议',
    roles: ['street_office', 'district_org'],
    primary: true,
    fields: [
      { name: 'answer', label: '答复', kind: 'textarea', required: true, max: 20000 },
      { name: 'upheld', label: '异议成立', kind: 'switch', initial: false },
    ],
  },
  submitRectification: { label: '提交整改报告', roles: ['community'], primary: true, fields: [{ name: 'plan', label: '整改方案', kind: 'textarea', required: true, max: 20000 }] },
  reviewRectification: { label: '审核整改报告', roles: ['street_office'], primary: true, fields: [{ name: 'accepted', label: '整改通过', kind: 'switch', initial: true }, comment] },
};

/** 民主评议 choices, in the order shown on the ballot. */
export const VOTE_CHOICES = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically_satisfied', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
] as const;

/** 矛盾调解: POST /api/mediation-cases/{id}/actions/{action}. */
export const MEDIATION_ACTIONS: Record<string, ActionSpec> = {
  assignMediator: { label: '指派调解员', fields: [{ name: 'mediatorId', label: '调解员编号', kind: 'text', required: true }] },
  acceptCase: { label: '受理案件', primary: true, fields: [{ name: 'note', label: '备注', kind: 'textarea', max: 1000 }] },
  recordSession: {
   
    label: '记录调解会',
    primary: true,
    fields: [
      { name: 'heldOn', label: '调解会日期', kind: 'date', required: true },
      { name: 'place', label: '地点', kind: 'text', max: 200 },
      { name: 'participants', label: '参加人员(每行一人)', kind: 'lines', required: true },
      { name: 'summary', label: '调解情况', kind: 'textarea', required: true, max: 5000 },
    ],
  },
  recordAgreement: {
   
    label: '达成协议',
    primary: true,
    fields: [
      { name: 'terms', label: '协议内容', kind: 'textarea', required: true, max: 10000 },
      { name: 'performance', label: '履行方式', kind: 'textarea', required: true, max: 2000 },
      { name: 'amountFen', label: '协议金额(元)', kind: 'money' },
      { name: 'performBy', label: '履行期限', kind: 'date' },
    ],
  },
  recordFailure: { label: '调解不成,提交上一级', danger: true, fields: [{ name: 'reason', label: '调解不成的原因', kind: 'textarea', required: true, max: 2000 }] },
  recordWithdrawal: {
   
    label: '当事人拒绝/撤回',
    danger: true,
    fields: [
      { name: 'kind', label: '类型', kind: 'choice', required: true, initial: 'withdrawn', options: [{ value: 'refused', label: '拒绝调解' }, { value: 'withdrawn', label: '撤回申请' }] },
      { name: 'party', label: '当事人', kind: 'text', required: true, max: 100 },
      { name: 'reason', label: '理由', kind: 'textarea', required: true, max: 2000 },
    ],
  },
  applyJudicialConfirmation: {
   
    label: '申请司法确认',
    fields: [
      { name: 'applicants', label: '共同申请的当事人(每行一人)', kind: 'lines', required: true },
      { name: 'court', label: '受理法院', kind: 'text', required: true, max: 200 },
    ],
  },
  recordCourtAcceptance: {
   
    label: '记录法院受理',
    fields: [{ name: 'accepted', label: '法院已受理', kind: 'switch', initial: true }, { name: 'courtCaseNumber', label: '案号', kind: 'text', max: 100 }, { name: 'reason', label: '说明', kind: 'textarea', max: 2000 }],
  },
  recordCourtDecision: {
   
    label: '记录司法确认结果',
    fields: [{ name: 'confirmed', label: '裁定确认有效', kind: 'switch', initial: true }, { name: 'rulingNo', label: '裁定书文号', kind: 'text', max: 100 }, { name: 'reason', label: '说明', kind: 'textarea', max: 2000 }],
  },
  recordFollowUp: {
   
    label: '记录回访',
    fields: [
      {
        name: 'result',
        label: '履行情况',
        kind: 'choice',
        required: true,
        initial: 'fulfilled',
        options: [
          { value: 'fulfilled', label: '已履行完毕' },
          { value: 'in_progress', label: '正在履行' },
          { value: 'partially', label: '部分履行' },
          { value: 'not_fulfilled', label: '未履行' },
        ],
      },
      { name: 'note', label: '回访记录', kind: 'textarea', required: true, max: 5000 },
    ],
  },
};

/**
 * 网格事件处置: POST /api/grid-incidents/{id}/actions/{action}. 派遣 (a unit
 * picked from the org tree) and 转调解 (parties) have their own forms in
 * pages/grid/; here are their labels and the forms of the rest.
 */
export const GRID_ACTIONS: Record<string, ActionSpec> = {
  resolveOnSpot: { label: '就地解决', fields: [{ name: 'note', label: '就地解决情况', kind: 'textarea', required: true, max: 2000 }] },
  dispatchIncident: { label: '派遣处置', primary: true, fields: [] },
  convertToMediation: { label: '转人民调解', fields: [] },
  escalateToStreet: { label: '上报街道', fields: [{ name: 'reason', label: '上报街道的理由', kind: 'textarea', required: true, max: 2000 }] },
  completeHandling: {
    label: '反馈处置结果',
    primary: true,
    fields: [
      { name: 'result', label: '处置结果', kind: 'textarea', required: true, max: 2000 },
      { name: 'photos', label: '处置照片', kind: 'photos' },
    ],
  },
  confirmResult: { label: '核查通过', primary: true, fields: [{ name: 'note', label: '核查意见', kind: 'textarea', max: 2000 }] },
  rejectResult: { label: '核查不通过,退回重办', danger: true, fields: [{ name: 'reason', label: '核查不通过的原因', kind: 'textarea', required: true, max: 2000 }] },
  rateSatisfaction: {
    label: '记录满意度回访',
    fields: [
      {
        name: 'level',
        label: '满意度',
        kind: 'choice',
        required: true,
        initial: 'satisfied',
        options: [
          { value: 'satisfied', label: '满意' },
          { value: 'basically_satisfied', label: '基本满意' },
          { value: 'dissatisfied', label: '不满意' },
        ],
      },
      { name: 'note', label: '回访记录', kind: 'textarea', max: 2000 },
    ],
  },
};

const REGISTRY: Record<ProcessName, Record<string, ActionSpec>> = { project: PROJECT_ACTIONS, reporting: REPORTING_ACTIONS, mediation: MEDIATION_ACTIONS, grid: GRID_ACTIONS };

/** The spec of an action; an action this file does not know yet still gets a button (named as the API names it) and a comment box. */
export function actionSpec(process: ProcessName, action: string): ActionSpec {
  return REGISTRY[process][action] ?? { label: action, fields: [comment] };
}

/** The API path of an action on a subject. */
export function actionPath(process: ProcessName, subjectId: string, action: string): string {
  const id = encodeURIComponent(subjectId);
  if (process === 'project') return `/api/projects/${id}/actions/${action}`;
  if (process === 'reporting') return `/api/reporting/${id}/actions/${action}`;
  if (process === 'grid') return `/api/grid-incidents/${id}/actions/${action}`;
  return `/api/mediation-cases/${id}/actions/${action}`;
}

export const PROCESS_LABELS: Record<string, string> = { project: '党建项目', reporting: '双向述职', mediation: '矛盾调解', grid: '网格事件' };

/** Where a task lands: the page with the form that completes it. */
export function taskLink(task: { process: string; subjectId: string; action: string }): string {
  const id = encodeURIComponent(task.subjectId);
  const act = encodeURIComponent(task.action);
  if (task.process === 'project') return `/projects/${id}?do=${act}`;
  if (task.process === 'reporting') return task.action === 'castVote' ? `/reporting/${id}/vote` : `/reporting/${id}?do=${act}`;
  if (task.process === 'mediation') return `/mediation/${id}?do=${act}`;
  if (task.process === 'grid') return `/grid/${id}?do=${act}`;
  return '/';
}

/** The console page of an API resource a notification links to (null: none known). */
export function consoleLink(apiLink: string | null | undefined): string | null {
  const m = /^\/api\/(projects|mediation-cases|reporting|grid-incidents)\/([^/?#]+)/.exec(apiLink ?? '');
  if (!m) return null;
  const base = { projects: '/projects', 'mediation-cases': '/mediation', reporting: '/reporting', 'grid-incidents': '/grid' }[m[1] as 'projects' | 'mediation-cases' | 'reporting' | 'grid-incidents'];
  return `${base}/${m[2]}`;
}
