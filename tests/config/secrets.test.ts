// Several processes of one installation starting at the same moment (the
// supervisor's API, worker and engine children) must agree on one generated
// value per secret: real processes on one fresh DATA_DIR.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = `
import { loadOrCreateSecrets } from './config/secrets.ts';
const { env } = loadOrCreateSecrets({ dataDir: process.env.DIR, env: {} });
process.stdout.write(JSON.stringify([env.JWT_SECRET, env.TEMPORAL_PAYLOAD_KEY]));
`;

function runOne(dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), env: { ...process.env, DIR: dir } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
  });
}

describe('loadOrCreateSecrets across processes', () => {
  it('processes starting together on a fresh DATA_DIR all read the same values, and no temporary file is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-secrets-race-'));
    try {
      const outputs = await Promise.all([runOne(dir), runOne(dir), runOne(dir), runOne(dir)]);
      expect(new Set(outputs).size).toBe(1);
      const [jwt, payloadKey] = JSON.parse(outputs[0]) as string[];
      expect(jwt.length).toBeGreaterThanOrEqual(32);
      expect(Buffer.from(payloadKey, 'base64')).toHaveLength(32);
      expect(readdirSync(join(dir, 'secrets')).sort()).toEqual(['JWT_SECRET', 'TEMPORAL_PAYLOAD_KEY']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
