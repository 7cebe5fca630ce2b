import { z } from 'zod';
import { defineSection, envVar } from '../define';

/** Blank values count as unset, so `FOO=` in a .env file means "use the default". */
export const optionalString = () =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional());

export const port = (fallback: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be 1–65535').max(65535, 'must be 1–65535').default(fallback);

export const positiveInt = (fallback: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be an integer').positive('must be positive').default(fallback);

export const nonNegativeInt = (fallback: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must be 0 or more').default(fallback);

export const url = (protocols: string[]) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .refine((s) => {
        try {
          return protocols.includes(new URL(s).protocol);
        } catch {
          return false;
        }
      }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`)
      .optional(),
  );

export const appSection = defineSection({
  nodeEnv: envVar({
    env: 'NODE_ENV',
    schema: z.enum(['development', 'test', 'production'], { error: 'must be development, test or production' }).default('development'),
    doc: 'development | test | production. Production refuses insecure defaults (JWT_SECRET, TEMPORAL_PAYLOAD_KEY).',
    example: 'development',
  }),
  dataDir: envVar({
    env: 'DATA_DIR',
    schema: z.string().min(1).default('.data'),
    doc: 'Folder for embedded services (engine state, embedded database, local redis-server).',
    example: '.data',
  }),
  logLevel: envVar({
    env: 'LOG_LEVEL',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be fatal, error, warn, info, debug, trace or silent' }).default('info'),
    doc: 'pino log level: fatal | error | warn | info | debug | trace | silent.',
    example: 'info',
  }),
  demoPassword: envVar({
    env: 'DEMO_PASSWORD',
    secret: true,
    schema: z.string().min(8, 'must be at least 8 characters').default('demo1234'),
    doc: 'Password given to the seeded demo users (printed by `npm start`). Change it on any shared machine.',
    example: 'demo1234',
  }),
  clock: envVar({
    env: 'CLOCK',
    schema: z.enum(['wall', 'virtual'], { error: 'must be wall or virtual' }).default('wall'),
    doc: 'wall = real time; virtual = the embedded engine\'s clock, read by the engine, the worker and the API, and advanced by an admin (POST /api/admin/clock/advance); `npm start -- --demo` sets it. Refused with NODE_ENV=production.',
    example: 'wall',
  }),
  seedDemoData: envVar({
    env: 'SEED_DEMO_DATA',
    schema: z.enum(['auto', 'always', 'never'], { error: 'must be auto, always or never' }).default('auto'),
    doc: 'Demo district and demo processes at start: auto = into an empty database unless NODE_ENV=production; always = into an empty database; never.',
    example: 'auto',
  }),
});
