// 流程运维 names a stuck activity by what it does: every activity the worker
// registers has a label there, so a new one cannot reach the page as a bare
// code name unnoticed.
import { expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { ACTIVITIES, activityLabel } from '../../console/src/pages/manage/activity-labels';

it('labels every activity the worker registers, in Chinese, and no activity that does not exist', () => {
  // Building the activity functions touches none of their dependencies.
  const registered = Object.keys(createActivities({} as Parameters<typeof createActivities>[0])).sort();
  expect(Object.keys(ACTIVITIES).sort()).toEqual(registered);
  for (const name of registered) expect(activityLabel(name)).toMatch(/^[\p{Script=Han}]/u);
  expect(activityLabel('someActivityOfAnotherVersion')).toBe('someActivityOfAnotherVersion');
});
