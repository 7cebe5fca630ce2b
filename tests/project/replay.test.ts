// Running projects survive an upgrade: histories recorded by an earlier
// version of the project workflow (tests/project/histories/, made by
// record-histories.test.ts before the workflow moved onto the process kit)
// replay against today's bundle without a nondeterminism error. A change to
// the commands a step issues must be guarded by patched() to pass.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { getWorkflowBundle, installTemporalRuntime } from '../../worker';
import { replayHistoryFiles } from '../helpers/histories';

const HISTORIES = path.join(import.meta.dirname, 'histories');
const jsonIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const files = jsonIn(HISTORIES);

describe('project histories of the old workflow shape', () => {
  it('are all there: finished and still-running projects of every stage', () => {
    expect(files).toEqual([
      'completed.json',
      'district-overdue.json',
      'failed.json',
      'objection-upheld-withdrawn.json',
      'rejected.json',
      'terminated.json',
      'unreviewed.json',
    ]);
  });

  it('replay against the current workflow code', async () => {
    installTemporalRuntime('ERROR');
    const History = proto.temporal.api.history.v1.History;
    const histories = files.map((f) => ({
      workflowId: `replay-${f.replace(/\.json$/, '')}`,
      history: History.fromObject(JSON.parse(readFileSync(path.join(HISTORIES, f), 'utf8'))),
    }));
    const results = [];
    // Payloads were decrypted when recorded: the default data converter reads them.
    for await (const result of Worker.runReplayHistories({ workflowBundle: await getWorkflowBundle() }, histories)) {
      results.push({ workflowId: result.workflowId, error: result.error ? String(result.error.cause ?? result.error.message) : null });
    }
    expect(results).toEqual(histories.map((h) => ({ workflowId: h.workflowId, error: null })));
  });
});

describe.each([
  // The `kit-runner` patch: the workflow on the kit's runMachine, before local activities.
  ['the runner shape', 'kit-runner'],
  // The `local-first` patch: its save and due dates as local activities.
  ['the runner shape with local activities', 'local-first'],
  // The `reservation-local-first` patch: the reservation local too.
  ['the runner shape with the reservation local too', 'reservation-local-first'],
  // The `working-days-in-workflow` patch: due dates computed on the project's calendar snapshot.
  ['the runner shape with its due dates computed in the workflow', 'working-days-in-workflow'],
  // The `reservation-in-save` patch: the reservation in the step's save (the shape projects started since have).
  ['the runner shape with the reservation in the save', 'reservation-in-save'],
])('project histories of %s', (_, folder) => {
  it('replay against the current workflow code', async () => {
    const dir = path.join(HISTORIES, folder);
    const names = jsonIn(dir);
    expect(names).toEqual(['completed.json', 'district-overdue.json', 'unreviewed.json']);
    const results = await replayHistoryFiles(dir, names);
    expect(results).toEqual(names.map((f) => ({ workflowId: `replay-${f.replace(/\.json$/, '')}`, error: null })));
  });
});
