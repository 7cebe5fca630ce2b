// The what-if's rule sets (simulate/rule-set.ts): every process's rules are
// accepted, the grid's too; anything else, or a value its variable refuses,
// is told before a year runs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeRuleSet, readRuleSet, ruleSetOf } from '../../simulate/rule-set';

it('takes the rules of every process, the grid\'s triage limit among them, as strings', () => {
  expect(ruleSetOf({ MEDIATION_ROUND_DAYS_ORDINARY: 5, PROJECT_YEARLY_FUND_CAP_FEN: '1500000', REPORTING_QUORUM: '3/4', GRID_TRIAGE_DAYS: 2 }, 'a.json')).toEqual({
    MEDIATION_ROUND_DAYS_ORDINARY: '5',
    PROJECT_YEARLY_FUND_CAP_FEN: '1500000',
    REPORTING_QUORUM: '3/4',
    GRID_TRIAGE_DAYS: '2',
  });
  expect(ruleSetOf({}, 'default.json')).toEqual({});
});

it('refuses what is not a process rule, a variable that does not exist and a value its variable refuses, naming it', () => {
  expect(() => ruleSetOf({ DATABASE_URL: 'postgresql://elsewhere/db' }, 'b.json')).toThrow('b.json: DATABASE_URL is not a process rule');
  expect(() => ruleSetOf({ INBOX_SWEEP_SECONDS: '5' }, 'b.json')).toThrow('INBOX_SWEEP_SECONDS is not a process rule');
  expect(() => ruleSetOf({ GRID_TRIAGE_DAY: '2' }, 'b.json')).toThrow('b.json: GRID_TRIAGE_DAY is not a configuration variable');
  expect(() => ruleSetOf({ GRID_TRIAGE_DAYS: 'two' }, 'b.json')).toThrow(/^b\.json: GRID_TRIAGE_DAYS=two: /);
  expect(() => ruleSetOf({ MEDIATION_ROUND_DAYS_ORDINARY: { days: 5 } }, 'b.json')).toThrow('must be a string or a number');
  expect(() => ruleSetOf(['GRID_TRIAGE_DAYS'], 'b.json')).toThrow('a rule set is a JSON object');
});

it('reads the rule sets shipped in simulate/rules, and names a file that is not JSON', () => {
  expect(readRuleSet('simulate/rules/tighter.json')).toEqual({ MEDIATION_ROUND_DAYS_ORDINARY: '5', PROJECT_YEARLY_FUND_CAP_FEN: '1500000' });
  const bad = join(mkdtempSync(join(tmpdir(), 'rules-')), 'bad.json');
  writeFileSync(bad, '{"GRID_TRIAGE_DAYS": 2,}');
  expect(() => readRuleSet(bad)).toThrow(`${bad}: `);
});

it('says what a rule set changes beside each default, and names the empty one the platform\'s defaults', () => {
  expect(describeRuleSet(readRuleSet('simulate/rules/tighter.json'))).toBe('MEDIATION_ROUND_DAYS_ORDINARY=5(默认 7),PROJECT_YEARLY_FUND_CAP_FEN=1500000(默认 20000000)');
  expect(describeRuleSet({ REPORTING_QUORUM: '3/4' })).toBe('REPORTING_QUORUM=3/4(默认 2/3)');
  expect(describeRuleSet(readRuleSet('simulate/rules/default.json'))).toBe('平台默认规则');
});
