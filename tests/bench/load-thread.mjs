// The API bench's load generator, on a thread of its own (tests/bench/api-bench.ts).
// Sending requests and reading their answers (a page of 50 projects is
// ~40 KB of JSON) on the API's own event loop made every request wait for the
// client's work too, more for a wide list than for the bare route's one-line
// answer: the ratio the bench reports measured part of its client. A real
// client is a browser on another machine. Here it is another thread: its
// own event loop, the same process (so the bench still counts the API's
// database round-trips, log bytes and CPU profile in the main thread).
// Plain JavaScript: a worker thread runs outside vitest's TypeScript transform.
/* global fetch */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';

/**
 * One message per load: `{ id, requests: [{ method, url, headers, body }], connections, bodies }`.
 * Answers `{ id, latencies, statuses, bodies, seconds }` (latencies and statuses in request order).
 */
parentPort.on('message', async ({ id, requests, connections, bodies: wantBodies }) => {
  try {
    const latencies = new Array(requests.length);
    const statuses = new Array(requests.length);
    const bodies = wantBodies ? new Array(requests.length) : null;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(connections, requests.length) }, async () => {
        for (let i = next++; i < requests.length; i = next++) {
          const { method, url, headers, body } = requests[i];
          const t0 = performance.now();
          const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
          const text = await res.text();
          latencies[i] = performance.now() - t0;
          statuses[i] = res.status;
          if (bodies) bodies[i] = text;
        }
      }),
    );
    parentPort.postMessage({ id, latencies, statuses, bodies, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
