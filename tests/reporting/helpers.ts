// Shared steps of the reporting API tests: every step goes through the API
// (login, POST action, GET state), as a user of the platform would.
import { expect } from 'vitest';
import type { TestPlatform } from '../helpers/platform';
import { usernameFor } from '../../seeds/demo-org';
import { RESIDENT_REPS_PER_COMMUNITY } from '../../seeds/demo-org';

export const DAY = 24 * 3600 * 1000;

export const secretaryOf = (communityId: string) => usernameFor('community', communityId);
export const streetOfficeOf = (streetId: string) => usernameFor('street_office', streetId);
export const repsOf = (communityId: string) => Array.from({ length: RESIDENT_REPS_PER_COMMUNITY }, (_, i) => usernameFor('resident_rep', communityId, i + 1));

export async function act(p: TestPlatform, username: string, reportId: string, action: string, body: object = {}) {
  return (await p.as(username)).post(`/api/reporting/${reportId}/actions/${action}`).send(body);
}

export async function actOk(p: TestPlatform, username: string, reportId: string, action: string, body: object = {}) {
  const res = await act(p, username, reportId, action, body);
  if (res.status !== 200) throw new Error(`${action} by ${username} on ${reportId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function getReport(p: TestPlatform, username: string, reportId: string) {
  const res = await (await p.as(username)).get(`/api/reporting/${reportId}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export async function waitForStage(p: TestPlatform, reportId: string, stage: string, username = 'district_org.qindu') {
  return p.waitFor(async () => {
    const res = await (await p.as(username)).get(`/api/reporting/${reportId}`);
    return res.status === 200 && res.body.stage === stage ? res.body : null;
  });
}

/** Report, upward scoring and closing, downward meeting: brings a report to its vote. */
export async function bringToVote(p: TestPlatform, reportId: string, communityId: string, streetId: string, score = 90) {
  await waitForStage(p, reportId, 'report');
  await actOk(p, secretaryOf(communityId), reportId, 'submitReport', { content: `${communityId} 年度述职报告:抓党建、促治理、惠民生。` });
  // The report's answer says it was saved; the process then opens the upward step.
  await waitForStage(p, reportId, 'upward');
  await actOk(p, streetOfficeOf(streetId), reportId, 'scoreUpward', { score, comment: '工作扎实' });
  await actOk(p, streetOfficeOf(streetId), reportId, 'closeUpward');
  await waitForStage(p, reportId, 'downward');
  await actOk(p, secretaryOf(communityId), reportId, 'recordDownward', { heldOn: '2026-12-10', attendees: 40, summary: '向党员和居民代表述职' });
  return waitForStage(p, reportId, 'vote');
}
