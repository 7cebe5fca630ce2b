export const REPORT_STAGE_LABELS: Record<string, string> = {
  report: '撰写述职报告',
  upward: '向上述职',
  downward: '向下述职',
  vote: '民主评议',
  public_notice: '结果公示',
  rectification: '整改',
  completed: '已完成',
};
export const REPORT_STEPS = ['report', 'upward', 'downward', 'vote', 'public_notice', 'completed'] as const;
export const GRADE_COLORS: Record<string, string> = { excellent: 'gold', competent: 'green', basically_competent: 'orange', incompetent: 'red' };
