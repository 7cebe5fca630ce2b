// Deploying new workflow code under running workflows (issue 10 point 7):
// project workflows are started through the public API on the current code,
// `npm run replay` checks them against the code about to be deployed, and
// the worker is then replaced by one running a version that changes the
// project workflow under patched(). The running workflow goes on to its end
// on the new code. The project workflow is used only through its public
// surface (POST /api/projects, its actions, the workflow type name), so a
// rewrite of its inside does not break this test.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkflowBundleOption } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { replayOpenWorkflows } from '../../platform/replay';
import { applicationBody, U } from '../project/fixtures';
import { startProjectPlatform, type ProjectPlatform } from '../project/support';
import { CLOSING_PATCH } from './fixtures/workflows-v2';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const V2 = fileURLToPath(new URL('./fixtures/workflows-v2.ts', import.meta.url));
const V2_UNGUARDED = fileURLToPath(new URL('./fixtures/workflows-v2-unguarded.ts', import.meta.url));
// A key of this test's own, so the replay command (another process) reads the same payloads.
const PAYLOAD_KEY = randomBytes(32).toString('base64');

let p: ProjectPlatform;
let dataDir: string;
const projects: string[] = [];

const quiet = () => undefined;
const bundle = async (workflowsPath: string): Promise<WorkflowBundleOption> => ({
  code: (await bundleWorkflowCode({ workflowsPath, logger: { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet } })).code,
});

beforeAll(async () => {
  // PROCESS_ANSWER_TIMEOUT_MS: the first action after the worker swap waits for the new worker's first poll.
  p = await startProjectPlatform({ env: { TEMPORAL_PAYLOAD_KEY: PAYLOAD_KEY, PROCESS_ANSWER_TIMEOUT_MS: '60000' } });
  dataDir = mkdtempSync(join(tmpdir(), 'cg-replay-'));
  for (const title of ['版本升级试点一', '版本升级试点二']) {
    const res = await p.post(U.community, '/api/projects', applicationBody(p, { title }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    projects.push(res.body.projectId);
  }
});

afterAll(async () => {
  await p?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function runReplayCommand(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'platform/replay-main.ts', ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        TEMPORAL_ADDRESS: p.base.engine.address,
        TEMPORAL_PAYLOAD_KEY: PAYLOAD_KEY,
        // Only the workflows of this file's platform: the query passes through.
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const onlyOurs = () => `ExecutionStatus="Running" AND TaskQueue="${p.base.taskQueue}"`;

it('npm run replay passes every open workflow against the current code and exits 0', async () => {
  const { code, out } = await runReplayCommand(['--query', onlyOurs()]);
  expect(out).toContain('2 open workflow(s), 2 replayed, 0 failed');
  for (const id of projects) expect(out).toMatch(new RegExp(`ok +projectWorkflow project-${id} `));
  expect(code, out).toBe(0);
});

it('npm run replay refuses code changed without patched(): exit 1 naming each workflow', async () => {
  const { code, out } = await runReplayCommand(['--query', onlyOurs(), '--workflows', V2_UNGUARDED]);
  for (const id of projects) expect(out).toMatch(new RegExp(`FAIL projectWorkflow project-${id} .*nondeterminism`));
  expect(out).toContain('2 open workflow(s), 0 replayed, 2 failed');
  expect(code, out).toBe(1);
});

it('a project started on the current code finishes on version 2 after the worker is replaced', async () => {
  const v2 = await bundle(V2);
  // The check an operator runs before the deploy, in process: the patched version replays cleanly.
  const check = await replayOpenWorkflows({ client: p.base.client, workflowBundle: v2, payloadKeys: p.base.payloadKeys, query: onlyOurs(), log: quiet });
  expect(check.outcomes.map((o) => [o.workflowId, o.error])).toEqual(expect.arrayContaining(projects.map((id) => [`project-${id}`, undefined])));
  expect(check.failed).toBe(0);

  await p.restartWorker({ workflowBundle: v2 });

  // One project moves on a stage, the other is withdrawn and its workflow ends: both on the new worker.
  const [reviewed, withdrawn] = projects as [string, string];
  const review = await p.post(U.street, `/api/projects/${reviewed}/actions/reviewApplication`, { decision: 'approve' });
  expect(review.status, JSON.stringify(review.body)).toBe(200);
  expect(review.body.stage).toBe('notice');
  const withdraw = await p.post(U.community, `/api/projects/${withdrawn}/actions/withdrawApplication`, { reason: '社区另有安排' });
  expect(withdraw.status, JSON.stringify(withdraw.body)).toBe(200);

  const handle = p.base.client.workflow.getHandle(`project-${withdrawn}`);
  const outcome = await handle.result();
  // The closing branch is new code: it ran, so version 2 carried the old run to its end.
  expect(outcome).toMatchObject({ stage: 'cancelled', closedBy: 'v2' });
  const history = await handle.fetchHistory();
  // patched() leaves its marker (core's "core_patch", the patch id in its details) where the new branch began,
  // once. (The current code has patch markers of its own, e.g. the project's `kit-runner`: only this test's counts.)
  const patchIds = history.events!
    .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
    .map((e) => Object.values(e.markerRecordedEventAttributes!.details ?? {}).flatMap((d) => d.payloads ?? []).map((d) => Buffer.from(d.data ?? []).toString()).join(' '));
  expect(patchIds.filter((id) => id.includes(CLOSING_PATCH))).toHaveLength(1);
  const project = await p.get(U.community, `/api/projects/${withdrawn}`);
  expect(project.body.stage).toBe('cancelled');

  // The other run is still open, on version 2, and replays against it.
  const after = await replayOpenWorkflows({ client: p.base.client, workflowBundle: v2, payloadKeys: p.base.payloadKeys, query: onlyOurs(), log: quiet });
  expect(after.outcomes.map((o) => o.workflowId)).toEqual([`project-${reviewed}`]);
  expect(after.failed).toBe(0);
});
