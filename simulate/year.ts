// One district-year on a fresh platform: build the district, plan the year
// from the seed, then day by day (09:00 Beijing, the platform's clock) let
// every persona act on what waits for them, and move the clock on a day only
// once the engine has no task left running or waiting — the work of every
// acknowledged action done. Crash drills strike between actions.
import { setTimeout as sleep } from 'node:timers/promises';
import { daysBetweenLocal, toLocalDate, yearOf } from '../domain/calendar';
import { DEFAULT_PROCESS_RULES } from '../config/rules';
import { createPrisma } from '../db/prisma';
import { readServerSettings, serverSettingWarnings } from '../db/server-settings';
import { machineBusySeconds } from '../platform/proc';
import { connectEngineClock, type EngineClock } from '../temporal/engine-clock';
import { checkAcknowledged, checkLedger, type CheckResult } from './checks';
import { SimApi } from './client';
import { MediationPersonas } from './mediation';
import { buildOrg, writeOrg } from './org';
import { planYear, workingDays } from './plan';
import { CHILD_NAMES, startSimPlatform, type ChildName, type SimPlatform } from './platform';
import { GridPersonas } from './grid';
import { ProjectPersonas } from './projects';
import { recordLines } from './records';
import { ReportingPersonas } from './reporting';
import { createRng } from './rng';
import { collectFigures, formatSummary, type YearFigures } from './summary';
import { Lanes, type World } from './world';

/** More than any record's steps on one day (a 述职 report's upward step with its 质询 is the longest chain). */
const MAX_PASSES_A_DAY = 12;
/**
 * Worker processes of the simulated platform unless told otherwise: npm
 * start's one, whose two workflow threads (WORKFLOW_THREADS) keep both cores
 * busy as two processes did, with less CPU and memory (docs/performance-log.md,
 * "One worker process, two workflow threads"). The year does not depend on it (the same
 * records with one or two, tested at a tenth and at full scale).
 */
const DEFAULT_WORKERS = 1;
const HOUR_MS = 3_600_000;
const PASSWORD = 'sim-password-not-a-secret';

export interface YearOptions {
  scale: number;
  seed: number;
  /** Environment overrides: process rules (config/), as a deployment sets them. */
  env?: Record<string, string>;
  /** Kill one of engine, worker, API this many times at seeded moments. */
  chaos?: number;
  /** Actions in flight at once (different records), shared by the strands. Default 12. */
  lanes?: number;
  /** Worker processes of the platform (WORKER_PROCESSES). Default: npm start's (1). */
  workers?: number;
  log?: (line: string) => void;
  /** Runs once the year is over, before the platform stops (the bench measures here). */
  afterYear?: (ctx: { platform: SimPlatform; api: SimApi; world: World }) => Promise<void>;
}

export interface YearRun {
  figures: YearFigures;
  summary: string;
  checks: CheckResult[];
  wallMs: number;
  stats: SimApi['stats'];
  refusals: Record<string, number>;
  kills: string[];
  rss: Record<string, number>;
  /** CPU seconds of each process since it started (platform.cpu()), and of the simulator since the year's start. */
  cpu: Record<string, number>;
  /** The part of `cpu` on each process's main thread (platform.mainThreadCpu()). */
  mainThreadCpu: Record<string, number>;
  /** Every record's timeline, a line per event (records.ts): what to diff when two runs' summaries differ. */
  records: string[];
}

/** Actions in flight at once: four for each of the three strands, which share them. */
export const DEFAULT_LANES = 12;

export async function runYear(options: YearOptions): Promise<YearRun> {
  const log = options.log ?? (() => {});
  const began = Date.now();
  const simulatorCpu = process.cpuUsage();
  const rng = createRng(options.seed);
  const org = buildOrg(options.scale);
  const platform = await startSimPlatform({ env: { DEMO_PASSWORD: PASSWORD, WORKER_PROCESSES: String(options.workers ?? DEFAULT_WORKERS), ...options.env }, log });
  const prisma = createPrisma(platform.databaseUrl, { poolSize: 4 });
  // Inside the try: a platform stopped meanwhile (Ctrl-C during its start) refuses the connection, and is still cleaned up.
  let engine: EngineClock | undefined;
  try {
    engine = await connectEngineClock({ address: platform.engineAddress });
    // The year's figures depend on it: said beside them (npm start says it too).
    for (const warning of serverSettingWarnings(await readServerSettings(platform.databaseUrl))) log(`PostgreSQL: ${warning}`);
    await writeOrg(prisma, org, PASSWORD);
    const api = new SimApi(platform.base, PASSWORD);
    const admin = `admin.${org.district.id}`;
    const clock = await api.get(admin, '/api/admin/clock');
    const year = yearOf(new Date(clock.now)) + 1;
    const plan = planYear(rng, org, year, options.scale);
    log(`year ${year}: ${org.streets.length} streets, ${org.communities.length} communities, ${org.grids.length} grids; ${plan.cases.length} cases, ${plan.projects.length} projects, ${plan.incidents.length} grid incidents planned`);

    // Crash drills: which action (by count) each kill follows, and whom it kills.
    const chaosRng = rng.fork('chaos');
    const expectedActions = plan.cases.length * 6 + plan.projects.length * 10 + org.communities.length * 12 + plan.incidents.length * 4;
    const strikes = Array.from({ length: options.chaos ?? 0 }, () => ({ at: chaosRng.int(1, expectedActions), who: chaosRng.pick(CHILD_NAMES) as ChildName })).sort((a, b) => a.at - b.at);
    const kills: string[] = [];
    let actions = 0;

    const w: World = { api, prisma, org, year, seed: options.seed, today: `${year}-01-01`, acks: [], refusals: new Map() };
    if (strikes.length > 0) {
      w.between = async () => {
        actions++;
        while (strikes[0] && strikes[0].at <= actions) {
          const { who } = strikes.shift()!;
          // The kill lands while this action is in flight: inside a payment when it is one.
          setTimeout(() => {
            kills.push(`${w.today} #${actions} ${who}`);
            void platform.killAndAwaitRestart(who).catch((err) => log(`chaos: ${String(err)}`));
          }, chaosRng.int(0, 40));
          await sleep(0);
        }
      };
    }
    const lanes = new Lanes(options.lanes ?? DEFAULT_LANES);
    const mediation = new MediationPersonas(w, plan.cases, lanes);
    const projects = new ProjectPersonas(w, plan.projects, lanes);
    const reporting = new ReportingPersonas(w, plan.reporting, lanes);
    const grid = new GridPersonas(w, plan.incidents, lanes);

    // The clock to 09:00 of 1 January (Beijing), then a day at a time.
    const first = Date.parse(`${workingDays(year)[0]}T09:00:00+08:00`);
    await advanceHours(api, admin, Math.ceil((first - Date.parse(clock.now)) / HOUR_MS));
    const phases = phaseClock();
    // Nobody acts on days off: the clock jumps from one working day to the
    // next, and every deadline in between fires on the way, in order.
    const days = workingDays(year);
    const yearEnd = `${year + 1}-01-01`;
    let month = '';
    for (const [i, day] of days.entries()) {
      w.today = day;
      phases.start();
      // The day in passes: each persona takes one step on each record that
      // has one due, then the platform settles (every acknowledged action
      // and whatever the processes did by themselves after it), and the next
      // pass reads what that left. So a record's second step of the day sees
      // the same state however fast the platform was. Three independent
      // strands act at once: mediation, the grid (its personas never turn
      // an incident into a case), and the projects then 述职, in that order
      // because 述职 reads the projects' ratings after the projects have
      // moved. Mediation and the grid were one strand until 2026-12-04:
      // together they carry most of a year's actions, and the projects'
      // strand sat idle while they acted one after the other.
      for (let pass = 0; pass < MAX_PASSES_A_DAY; pass++) {
        const acted = await Promise.all([
          mediation.pass(pass === 0),
          grid.pass(pass === 0),
          projects.pass(pass === 0).then(async (n) => n + (await reporting.pass(pass === 0))),
        ]);
        phases.end('act');
        if (acted[0] + acted[1] + acted[2] === 0) break;
        await quiesce(engine, platform);
        phases.end('quiesce');
      }
      await advanceHours(api, admin, 24 * daysBetweenLocal(day, days[i + 1] ?? yearEnd));
      phases.end('advance');
      platform.samplePostgres();
      if (day.slice(0, 7) !== month) {
        month = day.slice(0, 7);
        log(`${day}: ${api.stats.acknowledged} actions acknowledged, ${((Date.now() - began) / 1000).toFixed(0)} s (${phases.line()})`);
      }
    }
    await quiesce(engine, platform);
    const now = toLocalDate((await api.get(admin, '/api/admin/clock')).now);
    log(`year over at ${now}`);
    // The year's wall time ends here: the checks, the figures and afterYear's measurements are not part of it.
    const wallMs = Date.now() - began;

    const rss = platform.rss();
    const ownCpu = process.cpuUsage(simulatorCpu);
    const cpu = { ...platform.cpu(), simulator: (ownCpu.user + ownCpu.system) / 1e6 };
    const mainThreadCpu = platform.mainThreadCpu();
    // The checks read the year as the personas left it, before afterYear adds requests of its own (the bench's case).
    const checks = [...(await checkLedger(prisma)), await checkAcknowledged(prisma, w.acks)];
    const figures = await collectFigures(prisma, {
      year,
      scale: options.scale,
      seed: options.seed,
      org: { streets: org.streets.length, communities: org.communities.length, grids: org.grids.length },
      capFen: Number(options.env?.PROJECT_YEARLY_FUND_CAP_FEN ?? DEFAULT_PROCESS_RULES.project.yearlyFundCapFen),
      communities: org.communities.length,
      // Applications the cap turned away, as act() tallied them (a replayed answer is not a second refusal).
      refusedOverCap: w.refusals.get('createProject:FUND_CAP_EXCEEDED') ?? 0,
    });
    figures.checks = Object.fromEntries(checks.map((c) => [c.name, c.ok ? '通过' : '不通过']));
    const records = await recordLines(prisma);
    await options.afterYear?.({ platform, api, world: w });
    return {
      figures,
      summary: formatSummary(figures),
      checks,
      wallMs,
      stats: api.stats,
      refusals: Object.fromEntries([...w.refusals].sort(([a], [b]) => (a < b ? -1 : 1))),
      kills,
      rss,
      cpu,
      mainThreadCpu,
      records,
    };
  } finally {
    engine?.close();
    await prisma.$disconnect();
    await platform.stop();
  }
}

/**
 * Wall time and the machine's busy cores (every process, /proc/stat) in each
 * phase of a day: acting, settling, advancing. Where the year waits rather
 * than works shows as fewer busy cores.
 */
function phaseClock() {
  const spent = { act: { ms: 0, busy: 0 }, quiesce: { ms: 0, busy: 0 }, advance: { ms: 0, busy: 0 } };
  let at = { ms: Date.now(), busy: machineBusySeconds() };
  const start = () => void (at = { ms: Date.now(), busy: machineBusySeconds() });
  const cores = ({ ms, busy }: { ms: number; busy: number }) => (ms > 0 ? ((busy * 1000) / ms).toFixed(2) : '-');
  return {
    /** Starts timing (the day's first phase; what happens between days is left out). */
    start,
    /** Ends the phase running since the last start or end, and starts the next. */
    end(name: keyof typeof spent) {
      const from = at;
      start();
      spent[name].ms += at.ms - from.ms;
      spent[name].busy += at.busy - from.busy;
    },
    line: () =>
      `acting ${spent.act.ms} ms, settling ${spent.quiesce.ms} ms, advancing ${spent.advance.ms} ms; cores busy ${cores(spent.act)}, ${cores(spent.quiesce)}, ${cores(spent.advance)}`,
  };
}

async function advanceHours(api: SimApi, admin: string, hours: number): Promise<void> {
  if (hours <= 0) return;
  const res = await api.as(admin, 'POST', '/api/admin/clock/advance', { hours });
  if (res.status !== 200) throw new Error(`advance ${hours} h: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Waits until every child runs and the engine has nothing running or
 * waiting for a worker. Every action of the pass has its answer by then, and
 * whatever a process does by itself after an answer is a task the engine
 * already holds (its completion scheduled it), so one quiet look is enough.
 * The engine's own advance waits for idle workers too, but gives up after
 * 10 s; a worker killed mid-activity leaves the activity running until its
 * timeout, which must pass before the day may end.
 */
async function quiesce(engine: Awaited<ReturnType<typeof connectEngineClock>>, platform: Awaited<ReturnType<typeof startSimPlatform>>): Promise<void> {
  const giveUpAt = Date.now() + 10 * 60_000;
  for (;;) {
    const running = CHILD_NAMES.every((n) => platform.pidOf(n) !== undefined) && !platform.restarting();
    const state = running ? await engine.state().catch(() => null) : null;
    if (state && !state.busy) return;
    if (Date.now() > giveUpAt) throw new Error('the platform did not settle within 10 minutes');
    await sleep(5);
  }
}
