// The supervisor's handling of one child, with real Node child processes
// (small scripts written per test): a child that ignores SIGTERM and spins
// is killed after its stop timeout; a child that keeps dying is restarted
// with growing delays; a child that dies before it is ready fails the start.
// And a service (redis-server) does not outlive a supervisor killed outright.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../platform/ports';
import { superviseChild } from '../../platform/supervisor';
import { alive, listening } from './processes';

const dir = mkdtempSync(join(tmpdir(), 'cg-supervisor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(path, body);
  return path;
}

const lines: string[] = [];
const base = (name: string) => ({ name, env: process.env, logFile: join(dir, `${name}.log`), log: (line: string) => lines.push(line) });

describe('a supervised child', () => {
  it('that ignores SIGTERM and keeps its CPU busy is killed after its stop timeout', async () => {
    const busy = script('busy', `process.on('SIGTERM', () => {}); process.send({ type: 'ready' }); setTimeout(() => { for (;;) {} }, 10);`);
    const { child } = await superviseChild({ ...base('busy'), script: busy, stopTimeoutMs: 1_000 });
    const pid = child.pid()!;
    const result = await child.stop();
    expect(result.forced).toBe(true);
    expect(alive(pid)).toBe(false);
    expect(lines.some((l) => l.startsWith('busy did not stop within 1 s'))).toBe(true);
  });

  it('that stops on SIGTERM is not forced, and is not restarted', async () => {
    const polite = script('polite', `process.on('SIGTERM', () => process.exit(0)); process.send({ type: 'ready', address: 'here' }); setInterval(() => {}, 1000);`);
    const { child, ready } = await superviseChild({ ...base('polite'), script: polite, stopTimeoutMs: 10_000 });
    expect(ready.address).toBe('here');
    expect(await child.stop()).toMatchObject({ forced: false });
    expect(child.pid()).toBeUndefined();
    expect(child.starts()).toBe(1);
  });

  it('that keeps dying is restarted with doubling delays, each start in its log', async () => {
    // Ready, then dies a moment later; the first incarnation only is expected to be ready.
    const crashing = script('crashing', `process.send({ type: 'ready' }); setTimeout(() => process.exit(3), 20);`);
    const { child } = await superviseChild({ ...base('crashing'), script: crashing, stopTimeoutMs: 1_000, initialDelayMs: 50, maxDelayMs: 200 });
    await waitUntil(async () => child.starts() >= 4, 30_000, () => `only ${child.starts()} starts`);
    await child.stop();
    const restarts = lines.filter((l) => l.startsWith('crashing exited (3); restarting in'));
    expect(restarts.slice(0, 3).map((l) => /in ([\d.]+) s/.exec(l)![1])).toEqual(['0.1', '0.1', '0.2']);
    expect(readFileSync(join(dir, 'crashing.log'), 'utf8')).toMatch(/crashing start #4/);
  });

  it('that dies before it is ready fails the start, pointing at its log', async () => {
    const broken = script('broken', `console.error('no such database'); process.exit(1);`);
    await expect(superviseChild({ ...base('broken'), script: broken, stopTimeoutMs: 1_000 })).rejects.toThrow(/broken exited \(1\) before it was ready; see .*broken\.log/);
    expect(readFileSync(join(dir, 'broken.log'), 'utf8')).toContain('no such database');
  });

  it('leaves no service behind when the supervisor itself is killed with SIGKILL', async () => {
    const redisModule = new URL('../../platform/redis.ts', import.meta.url).pathname;
    const supervisor = join(dir, 'killed-supervisor.mts');
    writeFileSync(
      supervisor,
      `import { startLocalRedis } from '${redisModule}';
const redis = await startLocalRedis({ dataDir: '${dir}', logsDir: '${dir}', log: () => {} });
console.log('READY', redis ? redis.url : 'none');
setInterval(() => {}, 1000);`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', supervisor], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await waitUntil(async () => out.includes('READY') || child.exitCode !== null, 60_000, () => `no READY: ${out}`);
    expect(child.exitCode).toBeNull();
    if (out.includes('READY none')) return child.kill('SIGKILL'); // redis-server is not installed
    const port = Number(/:(\d+)/.exec(out)![1]);
    const redisPid = Number(readFileSync(join(dir, 'redis', 'redis.pid'), 'utf8'));
    expect(alive(redisPid)).toBe(true);
    child.kill('SIGKILL');
    await waitUntil(async () => !alive(redisPid) && !(await listening(port)), 30_000, () => `redis-server ${redisPid} outlived its supervisor`);
  });
});
