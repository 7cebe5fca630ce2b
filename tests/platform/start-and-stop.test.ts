// `npm start` itself, as a child process with its own DATA_DIR and port:
// the compiled supervisor with the embedded PostgreSQL and Redis and the
// engine, two worker processes (WORKER_PROCESSES=2) and API child processes.
// One start serves both tests (the first run seeds the demo district, which
// takes most of the time):
//  1. both worker children killed with SIGKILL come back and finish the work
//     (a project application, then the street's approval, which needs an
//     activity to reserve the funds);
//  2. Ctrl-C in the middle of work stops every process of the tree and
//     frees every port.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitUntil } from '../../platform/ports';
import { alive, descendants, descendantsWithCommand, listening, npmStart, rssMiB, supervisedChildPid, supervisedChildren, type NpmStart, platformClient } from './processes';

const dataDir = mkdtempSync(join(tmpdir(), 'cg-npm-start-'));
let port: number;
let app: NpmStart;
let base: string;

const COMMUNITY = 'community.qindu-renmin-furong';
const STREET = 'street_office.qindu-renmin';

beforeAll(async () => {
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = npmStart({ dataDir, port, env: { WORKER_PROCESSES: '2' } });
  // First run: build (when stale), initdb, migrations, demo seeds.
  await waitUntil(
    async () => {
      const out = app.stdout();
      if (out.includes('[start] failed') || app.child.exitCode !== null) throw new Error('npm start failed');
      return out.includes('Press Ctrl-C to stop.');
    },
    240_000,
    () => `npm start did not print its banner:\n${app.stdout().slice(-3000)}\n${app.stderr().slice(-3000)}`,
  );
}, 250_000);

afterAll(async () => {
  if (app && app.child.exitCode === null) app.killTree();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The ports of the embedded services, from the lines `npm start` printed. */
function servicePorts(): Record<string, number> {
  const out = app.stdout();
  const found = (re: RegExp) => Number(re.exec(out)?.[1]);
  return {
    api: port,
    postgres: found(/database: embedded postgres .*127\.0\.0\.1:(\d+)\//),
    redis: found(/redis: local redis-server .*redis:\/\/127\.0\.0\.1:(\d+)\)/),
    engine: found(/engine: embedded at 127\.0\.0\.1:(\d+)/),
  };
}

const { http, logIn } = platformClient(() => base);

const year = new Date().getFullYear() + 1;
const application = (title: string) => ({
  title,
  category: 'community_service',
  goals: '推动物业党建联建,解决楼院环境问题',
  budgetFen: 300_000,
  finalPaymentFen: 100_000,
  milestones: [{ title: '第1阶段', amountFen: 200_000, dueDate: `${year}-06-30` }],
  year,
});

/** The pid of the child process named `name` ("engine", "worker", "worker-2", "api"). */
const childPid = (name: string) => supervisedChildPid(app.child.pid!, name);

describe('npm start', () => {
  it('is ready with the banner last, child logs in DATA_DIR/logs, one process per part and WORKER_PROCESSES workers', async () => {
    expect((await http('GET', '/api/ready')).body).toMatchObject({ ready: true });
    const stdout = app.stdout().trimEnd();
    expect(stdout.split('\n').at(-1)).toBe('Press Ctrl-C to stop.');
    // The children's JSON lines go to their files, not over the banner.
    expect(stdout.split('\n').filter((l) => l.startsWith('{'))).toEqual([]);
    for (const name of ['engine', 'worker', 'worker-2', 'api', 'postgres', 'redis']) {
      expect(existsSync(join(dataDir, 'logs', `${name}.log`)), name).toBe(true);
    }
    // Each with WORKFLOW_THREADS' default of two workflow threads, as the SDK took it.
    for (const name of ['worker', 'worker-2']) expect(readFileSync(join(dataDir, 'logs', `${name}.log`), 'utf8'), name).toMatch(/"workflowThreads":2,.*"msg":"workers running"/);
    expect(readFileSync(join(dataDir, 'logs', 'worker-2.log'), 'utf8')).toContain('"service":"worker-2"');
    expect(supervisedChildren(app.child.pid!, 'worker')).toHaveLength(2);
    expect(stdout).toContain('in 2 processes');
    const rss = Object.fromEntries(['start', 'engine', 'worker', 'worker-2', 'api'].map((name) => {
      const pid = name === 'start' ? descendantsWithCommand(app.child.pid!).find((p) => p.cmdline.includes('launch.mjs'))?.pid : childPid(name);
      expect(pid, name).toBeDefined();
      return [name, rssMiB(pid!)];
    }));
    console.log(`RSS after start (MiB): ${JSON.stringify(rss)}`);
  });

  it('brings the workers back after SIGKILL and the work finishes', async () => {
    const [community, street] = [await logIn(COMMUNITY), await logIn(STREET)];
    const killed = { worker: childPid('worker')!, 'worker-2': childPid('worker-2')! };
    for (const pid of Object.values(killed)) process.kill(pid, 'SIGKILL');

    // Applied while no worker runs: the workflow waits for the next one.
    const created = await http('POST', '/api/projects', community, application('断电重启测试项目'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.projectId as string;

    for (const [name, pid] of Object.entries(killed)) {
      await waitUntil(async () => (childPid(name) ?? pid) !== pid, 60_000, () => `no new ${name}:\n${app.stdout().slice(-2000)}`);
      expect(app.stdout()).toMatch(new RegExp(`${name} exited \\(SIGKILL\\); restarting`));
    }

    await waitUntil(
      async () => (await http('GET', `/api/projects/${id}`, street)).body?.availableActions?.some((a: any) => a.action === 'reviewApplication'),
      60_000,
      () => `the project never reached the street's review`,
    );
    // The approval reserves the funds in an activity of the new worker.
    const approved = await http('POST', `/api/projects/${id}/actions/reviewApplication`, street, { decision: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((await http('GET', `/api/projects/${id}`, street)).body).toMatchObject({ stage: 'notice', reservedFen: 300_000 });
  });

  it('stops every process and frees every port on Ctrl-C in the middle of work', async () => {
    const ports = servicePorts();
    expect(Object.values(ports).every((p) => p > 0), JSON.stringify(ports)).toBe(true);
    const community = await logIn(COMMUNITY);

    // Work in flight: applications whose workflows and activities are running.
    const first = await http('POST', '/api/projects', community, application('停止测试项目 1'));
    expect(first.status).toBe(201);
    const inFlight = [2, 3, 4].map((n) => http('POST', '/api/projects', community, application(`停止测试项目 ${n}`)).catch(() => undefined));
    const tree = descendants(app.child.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(8); // sh/node supervisor, engine, worker, api, redis, postgres and its backends

    const began = Date.now();
    app.interrupt();
    await app.exited;
    await Promise.all(inFlight);
    await waitUntil(async () => !tree.some(alive), 60_000, () => `still running: ${tree.filter(alive).join(', ')}`);
    const stoppedMs = Date.now() - began;
    for (const [name, p] of Object.entries(ports)) expect(await listening(p), `${name} port ${p}`).toBe(false);
    expect(app.stdout()).toMatch(/stopped everything in/);
    console.log(`Ctrl-C to no process left: ${(stoppedMs / 1000).toFixed(1)} s\n${app.stdout().split('Press Ctrl-C to stop.')[1]}`);
  });
});
