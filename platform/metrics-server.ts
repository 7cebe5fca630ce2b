// Serves a Prometheus registry at GET /metrics on a port of its own (the
// API's and the worker's METRICS_PORT / WORKER_METRICS_PORT). A separate
// port, loopback by default, rather than /metrics on the API: a scraper
// needs no access token (ours live 15 minutes), nothing about the platform's
// inside is published on the port the public reaches, and the worker, which
// has no HTTP server, gets the same shape.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface MetricsServerOptions {
  registry: Registry;
  /** 0: any free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function serveMetrics({ registry, port, host = '127.0.0.1' }: MetricsServerOptions): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`metrics failed: ${String(err)}\n`),
    );
  });
  server.listen(port, host);
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
