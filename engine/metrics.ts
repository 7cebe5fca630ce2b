// Engine metrics in Prometheus' text format, without a client library:
// requests by method and status code, their latency, group-commit latency,
// task schedule-to-start latency and poll wait (from matching), open runs and
// store size. Served on `metricsPort` (GET /metrics).
import http from 'node:http';

const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10000, 60000];

class Histogram {
  readonly counts = new Map<string, { buckets: number[]; sum: number; count: number }>();
  observe(labels: string, ms: number): void {
    let h = this.counts.get(labels);
    if (!h) this.counts.set(labels, (h = { buckets: LATENCY_BUCKETS_MS.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < LATENCY_BUCKETS_MS.length; i++) if (ms <= LATENCY_BUCKETS_MS[i]!) h.buckets[i]!++;
    h.sum += ms / 1000;
    h.count++;
  }
  render(name: string, help: string): string[] {
    const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
    for (const [labels, h] of this.counts) {
      const sep = labels ? ',' : '';
      LATENCY_BUCKETS_MS.forEach((le, i) => lines.push(`${name}_bucket{${labels}${sep}le="${le / 1000}"} ${h.buckets[i]}`));
      lines.push(`${name}_bucket{${labels}${sep}le="+Inf"} ${h.count}`);
      lines.push(`${name}_sum${labels ? `{${labels}}` : ''} ${h.sum}`);
      lines.push(`${name}_count${labels ? `{${labels}}` : ''} ${h.count}`);
    }
    return lines;
  }
}

export interface MetricsSources {
  openRuns(): number;
  runs(): number;
  storeBytes(): number;
}

export class EngineMetrics {
  private readonly requests = new Map<string, number>();
  private readonly requestLatency = new Histogram();
  private readonly commitLatency = new Histogram();
  private readonly scheduleToStart = new Histogram();
  private readonly pollWait = new Histogram();
  private readonly handovers = { workflow: 0, activity: 0 };
  private sources: MetricsSources | undefined;

  attach(sources: MetricsSources): void {
    this.sources = sources;
  }

  request(method: string, code: string, ms: number): void {
    const labels = `method="${method}",code="${code}"`;
    this.requests.set(labels, (this.requests.get(labels) ?? 0) + 1);
    // Long polls wait up to a minute by design; their latency is the poll wait.
    this.requestLatency.observe(`method="${method}"`, ms);
  }

  commit(ms: number): void {
    this.commitLatency.observe('', ms);
  }

  /** A task (workflow, query or activity) handed to a poller `ms` after it was put on its queue. */
  taskStarted(taskType: 'workflow' | 'query' | 'activity', ms: number): void {
    this.scheduleToStart.observe(`task_type="${taskType}"`, ms);
  }

  /** A poll of a workflow or activity queue ended, with a task or empty. */
  pollEnded(queueType: 'workflow' | 'activity', gotTask: boolean, ms: number): void {
    this.pollWait.observe(`task_type="${queueType}",result="${gotTask ? 'task' : 'empty'}"`, ms);
  }

  /** A task handed to the worker in its workflow task completion's answer (eager activity, next workflow task): no poll ended with it. */
  handedOver(taskType: 'workflow' | 'activity'): void {
    this.handovers[taskType]++;
  }

  render(): string {
    const lines: string[] = ['# HELP engine_requests_total gRPC requests by method and status code', '# TYPE engine_requests_total counter'];
    for (const [labels, n] of this.requests) lines.push(`engine_requests_total{${labels}} ${n}`);
    lines.push(...this.requestLatency.render('engine_request_duration_seconds', 'gRPC request duration (for polls: the poll wait)'));
    lines.push(...this.commitLatency.render('engine_commit_duration_seconds', 'group commit: write + fdatasync of one batch'));
    lines.push(
      ...this.scheduleToStart.render('engine_task_schedule_to_start_seconds', 'wall time from a task being put on its queue to a poller taking it'),
    );
    lines.push(...this.pollWait.render('engine_poll_wait_seconds', 'wall time a poll waited, by queue type and whether it got a task'));
    lines.push(
      '# HELP engine_tasks_handed_over_total Tasks handed to a worker in the answer to its workflow task completion (eager activities, the next workflow task) instead of to a poller',
      '# TYPE engine_tasks_handed_over_total counter',
    );
    for (const [taskType, n] of Object.entries(this.handovers)) lines.push(`engine_tasks_handed_over_total{task_type="${taskType}"} ${n}`);
    if (this.sources) {
      lines.push('# HELP engine_open_runs Workflow runs not closed', '# TYPE engine_open_runs gauge', `engine_open_runs ${this.sources.openRuns()}`);
      lines.push('# HELP engine_runs Workflow runs kept (open and closed)', '# TYPE engine_runs gauge', `engine_runs ${this.sources.runs()}`);
      lines.push('# HELP engine_store_bytes Bytes of the data directory', '# TYPE engine_store_bytes gauge', `engine_store_bytes ${this.sources.storeBytes()}`);
    }
    return lines.join('\n') + '\n';
  }

  /** Serves GET /metrics; resolves with the bound port. */
  serve(host: string, port: number): Promise<{ port: number; close: () => Promise<void> }> {
    const server = http.createServer((req, res) => {
      if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(this.render());
      } else {
        res.writeHead(404).end();
      }
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        const bound = (server.address() as { port: number }).port;
        resolve({ port: bound, close: () => new Promise((r) => server.close(() => r())) });
      });
    });
  }
}
