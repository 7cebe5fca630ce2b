import { describe, expect, it } from 'vitest';
import { loadProjectRules } from '../../config/project';
import { DEFAULT_PROJECT_RULES } from '../../domain/project/rules';

describe('project configuration', () => {
  it('defaults to DOMAIN.md figures', () => {
    expect(loadProjectRules({})).toEqual(DEFAULT_PROJECT_RULES);
  });
  it('reads overrides from the environment', () => {
    const rules = loadProjectRules({
      PROJECT_YEARLY_FUND_CAP_FEN: '30000000',
      PROJECT_DISTRICT_APPROVAL_THRESHOLD_FEN: '1000000',
      PROJECT_NOTICE_WORKING_DAYS: '7',
      PROJECT_DUE_WORKING_DAYS: 'releaseFunds=3,verifyMilestone=2',
      PROJECT_COST_SHARING: 'district:区级:1,street:街道:1',
      PROJECT_RATING_THRESHOLDS: '95,85,65',
    });
    expect(rules.yearlyFundCapFen).toBe(30_000_000);
    expect(rules.districtApprovalThresholdFen).toBe(1_000_000);
    expect(rules.noticeWorkingDays).toBe(7);
    expect(rules.dueWorkingDays).toMatchObject({ releaseFunds: 3, verifyMilestone: 2, reviewApplication: 5 });
    expect(rules.defaultCostSharing).toEqual([
      { party: 'district', label: '区级', weight: 1 },
      { party: 'street', label: '街道', weight: 1 },
    ]);
    expect(rules.ratingThresholds).toEqual({ excellent: 95, good: 85, pass: 65 });
  });
  it('refuses a 公示 shorter than 5 working days and malformed values', () => {
    expect(() => loadProjectRules({ PROJECT_NOTICE_WORKING_DAYS: '3' })).toThrow(/公示期不得少于5个工作日/);
    expect(() => loadProjectRules({ PROJECT_COST_SHARING: '3:3:4' })).toThrow(/PROJECT_COST_SHARING/);
    expect(() => loadProjectRules({ PROJECT_RATING_THRESHOLDS: '60,80,90' })).toThrow(/优秀 ≥ 良好 ≥ 合格/);
  });
});
