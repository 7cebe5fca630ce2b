// The process tree of a started platform, read from /proc (Linux): the
// start-and-stop tests look for leftovers, the simulator finds the engine,
// worker and API children to kill them in crash drills, and both read RSS
// (the simulator CPU time too, and how busy the whole machine was).
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcInfo {
  pid: number;
  ppid: number;
  cmdline: string;
}

/** Every live process, with its parent and command line. */
export function processes(): ProcInfo[] {
  const list: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      list.push({ pid: Number(entry), ppid, cmdline });
    } catch {
      // exited while we read
    }
  }
  return list;
}

/** Every live process below `root` (not `root` itself), with its command line. */
export function descendantsWithCommand(root: number): ProcInfo[] {
  const all = processes();
  const found: ProcInfo[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const p of all) {
      if (p.ppid === parent) {
        found.push(p);
        queue.push(p.pid);
      }
    }
  }
  return found;
}

/**
 * The children of `npm start` (below `supervisor`) running dist/<kind>.js: all
 * of them (WORKER_PROCESSES runs several workers), the first started
 * ("worker") without `--instance`, a further one ("worker-2" …) with
 * `--instance <name>` (platform/start.ts).
 */
export function supervisedChildren(supervisor: number, kind: string): ProcInfo[] {
  return descendantsWithCommand(supervisor).filter((p) => p.cmdline.includes(`dist/${kind}.js`));
}

/** The pid of the child named `name` ("engine", "worker", "worker-2", "api"), if it runs. */
export function supervisedChildPid(supervisor: number, name: string): number | undefined {
  const [kind, n] = name.split('-');
  return supervisedChildren(supervisor, kind!).find((p) => (n ? p.cmdline.includes(`--instance ${name}`) : !p.cmdline.includes('--instance')))?.pid;
}

export function descendants(root: number): number[] {
  return descendantsWithCommand(root).map((p) => p.pid);
}

/** A process exists (a zombie not yet reaped counts as gone). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Resident memory of a process in MiB. */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.match(/\d+/)?.[0] ?? 0) / 1024);
}

/**
 * CPU time (user + system) a process has used so far, in seconds. /proc counts
 * it in clock ticks: 100 per second on Linux (USER_HZ).
 */
export function cpuSeconds(pid: number): number {
  return cpuAndStart(pid).cpuSeconds;
}

/** cpuSeconds of one thread of a process: its main thread when `tid` is the pid (a bench's API beside its load thread). */
export function threadCpuSeconds(pid: number, tid: number): number {
  return readStat(`/proc/${pid}/task/${tid}/stat`).cpuSeconds;
}

/**
 * cpuSeconds and the process's start (clock ticks after boot): the two
 * together name one process where the pid alone may not (pids wrap at
 * pid_max, 32,768 on some kernels, and every thread takes one).
 */
export function cpuAndStart(pid: number): { cpuSeconds: number; startTicks: number } {
  return readStat(`/proc/${pid}/stat`);
}

function readStat(file: string): { cpuSeconds: number; startTicks: number } {
  const stat = readFileSync(file, 'utf8');
  // after "pid (comm) ": state is field 3, utime 14, stime 15 and starttime 22
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100, startTicks: Number(fields[19]) };
}

/**
 * The machine's busy CPU seconds so far, every core and process, for how busy
 * the machine was over a stretch: /proc/stat's user, nice, system, irq and
 * softirq time (not idle or iowait, nor steal: a hypervisor's time is not the
 * machine's work; guest time is inside user already).
 */
export function machineBusySeconds(): number {
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq) / 100;
}

/** The PostgreSQL server processes serving database `name` (their command line names it), e.g. a pool's connections. */
export function postgresBackendsOf(name: string): number[] {
  return processes()
    .filter((p) => p.cmdline.startsWith('postgres: ') && p.cmdline.split(' ').includes(name))
    .map((p) => p.pid);
}

/**
 * CPU seconds of a changing set of processes, those that exited included:
 * `sample()` notes each listed process's CPU so far, and `total()` sums
 * every process ever sampled at its last sighting. What a process used
 * after its last sample is missed, so sample about as often as the set
 * changes (a pool's connections to PostgreSQL close after 10 s idle, and
 * their server processes exit with their CPU).
 */
export function cpuTally(list: () => number[]): { sample(): void; total(): number } {
  // "pid@start": the pid alone may name a later process.
  const seen = new Map<string, number>();
  const sample = () => {
    for (const pid of list()) {
      try {
        const { cpuSeconds: seconds, startTicks } = cpuAndStart(pid);
        seen.set(`${pid}@${startTicks}`, seconds);
      } catch {
        // Exited between the listing and the read: its last sighting stands.
      }
    }
  };
  return {
    sample,
    total() {
      sample();
      return [...seen.values()].reduce((sum, seconds) => sum + seconds, 0);
    },
  };
}
