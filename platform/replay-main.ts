// `npm run replay [-- --workflows <path/to/index.ts>]`: replays every open
// workflow of the configured Temporal against the workflow code about to be
// deployed (the sources of this checkout, or another workflows module) and
// exits 1 when any of them fails — run it before replacing the workers.
//
// Temporal is TEMPORAL_ADDRESS, else the embedded engine `npm start` runs
// for DATA_DIR (its address is in DATA_DIR/engine/address while it runs).
// The payload keys are the platform's: TEMPORAL_PAYLOAD_KEY, else the one
// generated into DATA_DIR/secrets on the first start.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { loadConfigOrExit } from '../config';
import { createTemporalClient, payloadKeyringFromConfig } from '../temporal';
import { getWorkflowBundle } from '../worker/bundle';
import { installTemporalRuntime } from '../worker/runtime';
import { ENGINE_ADDRESS_FILE } from './ports';
import { replayOpenWorkflows } from './replay';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (args.includes('--help')) {
  console.log('usage: npm run replay [-- --workflows <workflows module>] [--query <visibility query>]');
  process.exit(0);
}

const config = loadConfigOrExit();
const addressFile = join(resolve(config.app.dataDir), ENGINE_ADDRESS_FILE);
const address = config.temporal.address ?? (existsSync(addressFile) ? readFileSync(addressFile, 'utf8').trim() : undefined);
if (!address) {
  console.error(`replay: no Temporal to read from: set TEMPORAL_ADDRESS, or start the platform (npm start) so that ${addressFile} names its engine.`);
  process.exit(2);
}

installTemporalRuntime('ERROR');
const workflowsPath = flag('--workflows');
const quiet = () => undefined;
const workflowBundle = workflowsPath
  ? { code: (await bundleWorkflowCode({ workflowsPath: resolve(workflowsPath), logger: { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: (m) => console.error(m) } })).code }
  : await getWorkflowBundle();

const client = await createTemporalClient({ address, namespace: config.temporal.namespace, payloadKeys: payloadKeyringFromConfig(config.temporal) });
try {
  const query = flag('--query');
  console.log(`replay: open workflows of ${address} (namespace ${config.temporal.namespace}) against ${workflowsPath ?? 'workflows/index.ts'}`);
  const summary = await replayOpenWorkflows({
    client,
    workflowBundle,
    payloadKeys: payloadKeyringFromConfig(config.temporal),
    ...(query ? { query } : {}),
    log: (line) => console.log(line),
  });
  const total = summary.outcomes.length;
  console.log(`replay: ${total} open workflow(s), ${total - summary.failed} replayed, ${summary.failed} failed`);
  process.exitCode = summary.failed > 0 ? 1 : 0;
} finally {
  await client.connection.close();
}
