// First-run seeds of `npm start` (dist/seed.js), a one-shot process so the
// supervisor itself never loads Prisma, the Temporal client or argon2: the
// demo district and demo processes into an empty database, unless
// SEED_DEMO_DATA / NODE_ENV say otherwise. A production database never gets
// demo people with a known password unless asked for.
import { loadConfig, withGeneratedSecrets } from '../config';
import { createPrisma } from '../db/prisma';
import { configuredAttachmentStore } from '../api/tasks/attachment-store';
import { runSeeds } from '../seeds';
import { connectEngineClock, createTemporalClient, payloadKeyringFromConfig } from '../temporal';

const say = (line: string) => console.log(`[start] ${line}`);

// The supervisor has printed the configuration's warnings and notes already.
const { config } = loadConfig(withGeneratedSecrets().env);
const { seedDemoData, nodeEnv } = config.app;
const wantsDemo = seedDemoData === 'always' || (seedDemoData === 'auto' && nodeEnv !== 'production');
const databaseUrl = config.database.url;
const temporalAddress = config.temporal.address;
if (!databaseUrl || !temporalAddress) {
  console.error('seeding needs DATABASE_URL and TEMPORAL_ADDRESS; npm start sets them.');
  process.exit(1);
}

const prisma = createPrisma(databaseUrl, { poolSize: 2 });
try {
  // Seeds are idempotent, but they hash a hundred passwords and start demo
  // workflows: only an empty database gets them.
  if (wantsDemo && (await prisma.unit.count()) === 0) {
    say('first run: loading the demo district and demo processes');
    const temporal = await createTemporalClient({ address: temporalAddress, namespace: config.temporal.namespace, payloadKeys: payloadKeyringFromConfig(config.temporal) });
    // CLOCK=virtual: the demo moves time to carry a process through every stage.
    const engineClock = config.app.clock === 'virtual' ? await connectEngineClock({ address: temporalAddress }) : undefined;
    try {
      await runSeeds(prisma, {
        log: (line) => say(`  ${line}`),
        temporal,
        taskQueue: config.temporal.taskQueue,
        attachmentStore: configuredAttachmentStore(config),
        ...(engineClock ? { advance: async (ms: number) => void (await engineClock.advance({ ms })), now: () => engineClock.now() } : {}),
      });
    } finally {
      engineClock?.close();
      await temporal.connection.close();
    }
  }
} finally {
  await prisma.$disconnect();
}
