// Standalone engine: `npm run engine -- --port 7233 --data-dir .data/engine`
// (or `--memory`, `--time-skipping`, `--host 0.0.0.0`, `--log-level debug`).
import { parseArgs } from 'node:util';
import pino from 'pino';
import { onShutdownSignal } from '../platform/signals';
import { reportReady } from '../platform/supervisor';
import { startEngine } from './index';

const USAGE = `usage: npm run engine -- [--port 7233] [--host 127.0.0.1] [--data-dir .data/engine | --memory] [--time-skipping] [--retention-days 30] [--event-cache-mb 64] [--segment-mb 64] [--retention-sweep-seconds 60] [--metrics-port 9233] [--log-level info]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '7233' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      memory: { type: 'boolean', default: false },
      'time-skipping': { type: 'boolean', default: false },
      'retention-days': { type: 'string', default: '30' },
      'metrics-port': { type: 'string' },
      'event-cache-mb': { type: 'string', default: '64' },
      'segment-mb': { type: 'string', default: '64' },
      'retention-sweep-seconds': { type: 'string', default: '60' },
      'log-level': { type: 'string', default: process.env.LOG_LEVEL ?? 'info' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}\n${USAGE}`);
  if (values.memory && values['data-dir']) throw new Error(`--memory and --data-dir exclude each other\n${USAGE}`);
  const dataDir = values.memory ? undefined : (values['data-dir'] ?? '.data/engine');
  const retentionDays = Number(values['retention-days']);
  if (!(retentionDays > 0)) throw new Error(`invalid --retention-days ${values['retention-days']}\n${USAGE}`);
  const eventCacheMb = Number(values['event-cache-mb']);
  if (!(eventCacheMb >= 0)) throw new Error(`invalid --event-cache-mb ${values['event-cache-mb']}\n${USAGE}`);
  const segmentMb = Number(values['segment-mb']);
  if (!(segmentMb > 0)) throw new Error(`invalid --segment-mb ${values['segment-mb']}\n${USAGE}`);
  const sweepSeconds = Number(values['retention-sweep-seconds']);
  if (!(sweepSeconds > 0)) throw new Error(`invalid --retention-sweep-seconds ${values['retention-sweep-seconds']}\n${USAGE}`);
  const logger = pino({ level: values['log-level'], base: { service: 'engine' } });
  const engine = await startEngine({
    port,
    host: values.host,
    dataDir,
    timeSkipping: values['time-skipping'],
    retentionMs: retentionDays * 24 * 3600 * 1000,
    eventCacheBytes: Math.round(eventCacheMb * (1 << 20)),
    segmentBytes: Math.round(segmentMb * (1 << 20)),
    retentionSweepIntervalMs: sweepSeconds * 1000,
    metricsPort: values['metrics-port'] !== undefined ? Number(values['metrics-port']) : undefined,
    logger,
  });
  // One line on stdout that scripts (and tests) can wait for.
  process.stdout.write(`ENGINE_READY ${engine.address}\n`);
  reportReady(engine.address);

  onShutdownSignal(async (signal) => {
    logger.info({ signal }, 'shutting down');
    await engine.close();
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
