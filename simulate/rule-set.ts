// A what-if's rule set (`npm run simulate -- --compare a.json b.json`): a
// JSON object of the processes' configuration variables, as .env.example
// names them, e.g. {"MEDIATION_ROUND_DAYS_ORDINARY": "5"}. They reach the
// processes through config/ like any deployment's; this checks them first, so
// that a typo or a bad value is told in one line before minutes of a year,
// not as a platform that would not start.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { listEnvVars } from '../config';
import { defaultText } from '../config/env-example';

/**
 * The configuration sections whose variables are rules of a process (time
 * limits, caps, quorum, triage). The rest (services, secrets, the inbox's
 * sweep on wall time, attachments) are not: a year under one rule set must
 * be as deterministic as under the other.
 */
const PROCESS_SECTIONS: ReadonlySet<string> = new Set(['project', 'mediation', 'reporting', 'grid']);

/** config/'s variables by name. */
const envSpecs = () => new Map(listEnvVars().map((v) => [v.env, v]));

/** The rule set in `raw` (a parsed JSON file named `name`), as environment variables; throws naming the first problem. */
export function ruleSetOf(raw: unknown, name: string): Record<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${name}: a rule set is a JSON object of configuration variables, e.g. {"MEDIATION_ROUND_DAYS_ORDINARY": "5"}`);
  const specs = envSpecs();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const spec = specs.get(k);
    if (!spec) throw new Error(`${name}: ${k} is not a configuration variable (see .env.example)`);
    if (!PROCESS_SECTIONS.has(spec.section)) throw new Error(`${name}: ${k} is not a process rule (the rule variables are those of .env.example's project, mediation, reporting and grid parts)`);
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new Error(`${name}: ${k} must be a string or a number, as in .env.example`);
    const value = String(v);
    const parsed = (spec.schema as z.ZodType).safeParse(value);
    if (!parsed.success) throw new Error(`${name}: ${k}=${value}: ${parsed.error.issues.map((i) => i.message).join('; ')} — ${spec.doc}`);
    env[k] = value;
  }
  return env;
}

/** The rule set in the JSON file `file`. */
export function readRuleSet(file: string): Record<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return ruleSetOf(raw, file);
}

/**
 * What a rule set changes, for the reader of a comparison: each variable as
 * set, beside its default (`GRID_VERIFY_DAYS=1(默认 2)`); 平台默认规则 for
 * an empty set.
 */
export function describeRuleSet(env: Record<string, string>): string {
  const specs = envSpecs();
  const items = Object.entries(env).map(([k, v]) => {
    const spec = specs.get(k);
    const fallback = spec && defaultText(spec);
    return `${k}=${v}${fallback !== undefined ? `(默认 ${fallback})` : ''}`;
  });
  return items.length ? items.join(',') : '平台默认规则';
}
