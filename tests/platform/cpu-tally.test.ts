// The simulator's CPU count of PostgreSQL's server processes (platform/proc.ts,
// cpuTally): a process that has exited still counts, at its last sighting.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { cpuSeconds, cpuTally } from '../../platform/proc';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/**
 * A process that burns `ms` of CPU (counted by its own CPU clock, so a loaded
 * machine only makes it take longer), says so on stdout, then idles until killed.
 */
async function burner(ms: number): Promise<ChildProcess> {
  const script = `const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }; while (cpu() < ${ms}); console.log('burnt'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await once(child.stdout!, 'data');
  return child;
}

describe('cpuTally', () => {
  it('keeps the CPU of a process that exited after it was sampled, and adds the ones still running', async () => {
    const listed = new Set<number>();
    const tally = cpuTally(() => [...listed]);
    const first = await burner(400);
    listed.add(first.pid!);
    tally.sample();
    const firstCpu = cpuSeconds(first.pid!);
    expect(firstCpu).toBeGreaterThanOrEqual(0.3);

    first.kill('SIGKILL');
    await once(first, 'exit');
    // Still listed (as a listing taken just before the exit would be): the read fails and the sighting stands.
    tally.sample();
    expect(tally.total()).toBeCloseTo(firstCpu, 1);

    listed.delete(first.pid!);
    const second = await burner(300);
    listed.add(second.pid!);
    const total = tally.total();
    expect(total).toBeGreaterThanOrEqual(firstCpu + 0.2);
    expect(total).toBeCloseTo(firstCpu + cpuSeconds(second.pid!), 1);
  });

  it('counts only the processes its listing names, not every process that burns CPU', async () => {
    const listed = await burner(300);
    const other = await burner(300);
    const tally = cpuTally(() => [listed.pid!]);
    const total = tally.total();
    expect(total).toBeCloseTo(cpuSeconds(listed.pid!), 1);
    // The other burner spent as much: counted, it would double the total.
    expect(cpuSeconds(other.pid!)).toBeGreaterThanOrEqual(0.25);
    expect(total).toBeLessThan(cpuSeconds(listed.pid!) + 0.2);
    expect(cpuTally(() => []).total()).toBe(0);
  });
});
