import { createServer } from 'node:net';

/** `preferred` when it is free on 127.0.0.1, else any free port. */
export async function freePort(preferred = 0): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const bound = typeof address === 'object' && address ? address.port : null;
        server.close(() => resolve(bound));
      });
    });
  if (preferred) {
    const port = await tryListen(preferred);
    if (port) return port;
  }
  const any = await tryListen(0);
  if (!any) throw new Error('no free TCP port on 127.0.0.1');
  return any;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it resolves true; throws with `describe()` after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, describe: () => string | Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(await describe());
}

/**
 * Where `npm start` writes its embedded engine's `host:port` (relative to
 * DATA_DIR), for the commands that run beside it (`npm run replay`).
 */
export const ENGINE_ADDRESS_FILE = 'engine/address';
