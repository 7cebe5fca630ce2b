// Running cases survive an upgrade: histories recorded by the workflow before
// it ran on the kit's runMachine (histories/, they take the old path: no
// `kit-runner` marker), by the runner (histories/kit-runner/) and by the
// runner with its steps as local activities (histories/local-first/) and
// by the runner whose save sends a step's notices (histories/save-carries-notices/)
// and by the runner that computes periods on the case's calendar snapshot
// (histories/working-days-in-workflow/) replay against today's bundle without a nondeterminism error. Recorded by
// record-histories.test.ts.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayHistoryFiles } from '../helpers/histories';

const HISTORIES = path.join(import.meta.dirname, 'histories');
const json = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const NAMES = ['agreement-closed.json', 'in-round.json', 'overdue-not-mediated.json', 'pre-litigation-returned.json', 'referred-out.json'];

describe('mediation histories', () => {
  it.each([
    ['of the workflow before the runner', HISTORIES],
    ['of the runner', path.join(HISTORIES, 'kit-runner')],
    ['of the runner with local activities', path.join(HISTORIES, 'local-first')],
    ['of the runner whose save sends the notices', path.join(HISTORIES, 'save-carries-notices')],
    ['of the runner that computes periods in the workflow', path.join(HISTORIES, 'working-days-in-workflow')],
  ])('%s replay against the current workflow code', async (_, dir) => {
    expect(json(dir)).toEqual(NAMES);
    const results = await replayHistoryFiles(dir, json(dir));
    expect(results).toEqual(NAMES.map((f) => ({ workflowId: `replay-${f.replace(/\.json$/, '')}`, error: null })));
  });
});
