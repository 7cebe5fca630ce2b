// Ctrl-C handling shared by the entry points: the first SIGINT/SIGTERM runs
// the graceful stop once; another one later exits at once (an operator
// pressing Ctrl-C again means it). A terminal's Ctrl-C reaches us twice in a
// row — from the terminal and relayed by the `npm` parent — so a repeat
// within a second is the same Ctrl-C. A process started by the supervisor
// (platform/supervisor.ts) also stops when its IPC channel closes: the
// supervisor is gone, whatever killed it.
const SAME_PRESS_MS = 1500;

export function onShutdownSignal(stop: (signal: NodeJS.Signals) => Promise<void>, io = { log: (line: string) => console.error(line) }): void {
  let firstAt = 0;
  const handler = (signal: NodeJS.Signals) => {
    if (firstAt) {
      if (Date.now() - firstAt < SAME_PRESS_MS) return;
      io.log(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
    firstAt = Date.now();
    stop(signal).then(
      () => process.exit(0),
      (err) => {
        io.log(`shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  if (process.send) process.once('disconnect', () => handler('SIGTERM'));
}
