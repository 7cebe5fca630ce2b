// The simulator's personas speak HTTP to the API like any client: a login
// per person (tokens cached), JSON in and out, and an Idempotency-Key on
// every action. An action that got no answer (connection refused or reset,
// a gateway error, 503 PROCESS_BUSY while a process restarts) is sent again
// with the same key until it is answered: the API either replays the first
// answer or runs it once — never twice.
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

// node:http on kept-alive connections rather than fetch: fetch cost the
// simulator about 1.2 ms of CPU a request (a sixth of its CPU at a tenth of
// the district), on the same two cores as the platform it measures.
const agent = new Agent({ keepAlive: true });

export interface ApiResult {
  status: number;
  body: any;
  /** The API replayed the stored answer of an earlier request with the same Idempotency-Key. */
  replayed?: boolean;
}

export interface ApiStats {
  requests: number;
  /** Answers with a 5xx status other than 503 (PROCESS_BUSY is an answer a client retries). */
  serverErrors: number;
  busy: number;
  /** Requests sent again after no answer (or a 502/503/504). */
  retries: number;
  /** Why each was sent again: the error's code (ECONNRESET, ECONNREFUSED …), `timeout` (no answer in 120 s) or the status. */
  retryCauses: Record<string, number>;
  /** Acknowledged (2xx) actions. */
  acknowledged: number;
  /** Milliseconds from sending to the whole answer, of every POST (an action, or a login) and of every other request. */
  latencyMs: { post: number[]; other: number[] };
}

export class SimApi {
  readonly stats: ApiStats = { requests: 0, serverErrors: 0, busy: 0, retries: 0, retryCauses: {}, acknowledged: 0, latencyMs: { post: [], other: [] } };
  private tokens = new Map<string, string>();

  constructor(
    readonly base: string,
    private readonly password: string,
    private readonly retryForMs = 300_000,
  ) {}

  private raw(method: string, path: string, token: string | undefined, body: unknown, key: string | undefined): Promise<ApiResult> {
    this.stats.requests++;
    const sent = performance.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<ApiResult>((resolve, reject) => {
      const req = request(
        `${this.base}${path}`,
        {
          method,
          agent,
          timeout: 120_000,
          headers: {
            'content-type': 'application/json',
            ...(payload === undefined ? {} : { 'content-length': Buffer.byteLength(payload) }),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(key ? { 'idempotency-key': key } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            this.stats.latencyMs[method === 'POST' ? 'post' : 'other'].push(performance.now() - sent);
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON (a proxy's page): kept as text
            }
            if (status >= 500 && status !== 503) this.stats.serverErrors++;
            if (status === 503) this.stats.busy++;
            resolve({ status, body: parsed, replayed: res.headers['idempotent-replayed'] === 'true' });
          });
        },
      );
      // No answer in time, a refused or reset connection (a process killed by a drill): the caller sends again.
      req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer to ${method} ${path} within 120 s`), { code: 'timeout' })));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Sends until answered: network failures, 502/503/504 are retried with the same Idempotency-Key. */
  private async answered(send: () => Promise<ApiResult>, what: string): Promise<ApiResult> {
    const deadline = Date.now() + this.retryForMs;
    for (let attempt = 0; ; attempt++) {
      let result: ApiResult | undefined;
      let error: unknown;
      try {
        result = await send();
      } catch (err) {
        error = err;
      }
      if (result && ![502, 503, 504].includes(result.status)) return result;
      if (Date.now() > deadline) throw new Error(`${what}: no answer after ${this.retryForMs / 1000} s (${result ? result.status : String(error)})`);
      this.stats.retries++;
      const cause = result ? String(result.status) : String((error as { code?: unknown })?.code ?? (error as Error)?.message ?? error);
      this.stats.retryCauses[cause] = (this.stats.retryCauses[cause] ?? 0) + 1;
      await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)));
    }
  }

  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await this.answered(() => this.raw('POST', '/api/auth/login', undefined, { username, password: this.password }, undefined), `login ${username}`);
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  /** A request as `username`; a 401 (token expired, session gone after a restart) logs in again once. */
  async as(username: string, method: string, path: string, body?: unknown, key?: string): Promise<ApiResult> {
    const send = async () => this.raw(method, path, await this.token(username), body, key);
    let res = await this.answered(send, `${method} ${path}`);
    if (res.status === 401) {
      this.tokens.delete(username);
      res = await this.answered(send, `${method} ${path}`);
    }
    return res;
  }

  async get(username: string, path: string): Promise<any> {
    const res = await this.as(username, 'GET', path);
    if (res.status !== 200) throw new Error(`GET ${path} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}
