// Namespace retention: closed runs (state and history) are deleted once
// they have been closed longer than their namespace's retention, measured on
// the virtual clock (so time skipping moves it too). A background sweep
// visits the run registry in small slices between requests, so it never
// holds the event loop for long.
import { DEFAULT_RETENTION_MS, type WorkflowEngine } from './engine';
import { invalidArgument } from './errors';
import { durationToMs, msToDuration } from './clock';
import type { Handler } from './grpc-server';
import type { Request } from './wire';

/** What namespaces and the retention sweep need of the core. */
export type RetentionCore = Pick<
  WorkflowEngine,
  'checkNamespace' | 'commit' | 'deleteRun' | 'isClosed' | 'logger' | 'mutate' | 'namespaces' | 'now' | 'retentionOf' | 'runs' | 'setRetention'
>;

export { DEFAULT_RETENTION_MS };
/** Runs looked at per slice of the sweep. */
const SLICE = 500;

export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(
    private readonly engine: RetentionCore,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (!(this.intervalMs > 0)) return;
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass over the registry; returns how many runs were deleted. */
  async sweep(): Promise<number> {
    if (this.sweeping || this.engine.isClosed) return 0;
    this.sweeping = true;
    let deleted = 0;
    try {
      const keys = [...this.engine.runs.keys()];
      for (let i = 0; i < keys.length && !this.engine.isClosed; i += SLICE) {
        deleted += this.engine.mutate(() => {
          let n = 0;
          const now = this.engine.now();
          for (const key of keys.slice(i, i + SLICE)) {
            const run = this.engine.runs.get(key);
            if (!run || run.running || run.s.closeTime === undefined) continue;
            if (run.s.closeTime + this.engine.retentionOf(run.s.namespace) > now) continue;
            this.engine.deleteRun(run);
            n++;
          }
          return n;
        });
        // Let requests in between slices.
        await new Promise((r) => setImmediate(r));
      }
      if (deleted > 0) {
        await this.engine.commit();
        this.engine.logger.info({ deleted }, 'retention: closed runs deleted');
      }
    } finally {
      this.sweeping = false;
    }
    return deleted;
  }
}

function namespaceConfig(engine: RetentionCore, name: string): Record<string, unknown> {
  return { workflowExecutionRetentionTtl: msToDuration(engine.retentionOf(name)) };
}

export function namespaceHandlers(engine: RetentionCore): Record<string, Handler> {
  const describe = (name: string) => ({
    namespaceInfo: {
      name,
      state: 'NAMESPACE_STATE_REGISTERED',
      id: name,
      description: 'embedded engine namespace',
      capabilities: { eagerWorkflowStart: false, syncUpdate: true, asyncUpdate: true },
    },
    config: namespaceConfig(engine, name),
    isGlobalNamespace: false,
  });
  return {
    DescribeNamespace: async (req: Request<'DescribeNamespace'>) => describe(engine.checkNamespace(req.namespace || (req.id ? 'default' : undefined))),
    ListNamespaces: async () => ({ namespaces: [...engine.namespaces].map(describe) }),
    UpdateNamespace: async (req: Request<'UpdateNamespace'>) => {
      const name = engine.checkNamespace(req.namespace);
      const ttl = req.config?.workflowExecutionRetentionTtl;
      if (ttl) {
        const ms = durationToMs(ttl);
        if (!(ms > 0)) throw invalidArgument('WorkflowExecutionRetentionTtl must be positive.');
        engine.mutate(() => engine.setRetention(name, ms));
        await engine.commit();
      }
      return describe(name);
    },
  };
}
