// 流程运维 (Workflows.tsx): what each activity of the platform does, in words
// an administrator reads; the page keeps the code name beside it (logs and
// Temporal's own tools use it). tests/console/activity-labels.test.ts holds
// this list to the worker's activities; one not listed shows its code name.
export const ACTIVITIES: Record<string, string> = {
  openHumanTask: '开启待办',
  closeHumanTasks: '关闭待办',
  notify: '发送消息提醒',
  recordAudit: '写入审计日志',
  recordAuditEntries: '写入审计日志',
  workingDeadlines: '按工作日计算期限',
  loadWorkCalendar: '读取工作日历',
  openIncident: '登记运维事件',
  computeProjectDeadlines: '计算项目办理期限',
  setProjectReservation: '预留项目资金',
  recordProjectPayment: '记录项目拨付',
  syncProjectStep: '保存项目步骤',
  mediationWorkingDeadline: '计算调解期限',
  saveMediationCase: '保存调解案件',
  enqueueMediationAgreementDocument: '生成调解协议书',
  saveGridIncident: '保存网格事件',
  reportingPrepareCycle: '准备述职周期',
  reportingCycleStatus: '更新述职周期状态',
  reportingScheduleStatus: '更新年度述职排程',
  reportingYearlyStart: '启动年度述职',
  reportingDeadline: '计算述职期限',
  reportingProjectResults: '汇总社区项目评价',
  reportingSaveStep: '保存述职步骤',
  reportingSaveState: '保存述职状态',
  reportingFixRoll: '确定投票名单',
  reportingRecordBallot: '记录选票',
  reportingSaveResult: '保存评议结果',
};
export const activityLabel = (type: string) => ACTIVITIES[type] ?? type;
