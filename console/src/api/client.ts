// The typed API client (openapi-fetch over the generated schema.d.ts) and the
// one way a failed response becomes an error: ApiError carrying the API's
// problem (RFC 9457) — its detail (or title) is what the console shows.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  requestId?: string;
  errors?: Array<{ in?: string; field?: string; code?: string; message?: string }>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    const base = problem.detail || problem.title || `请求失败(${status})`;
    // A field message the detail already says is not repeated.
    const fieldMessages = (problem.errors ?? []).map((e) => (e.field ? `${e.field}:${e.message ?? ''}` : (e.message ?? ''))).filter((m) => m && !base.includes(m));
    super(fieldMessages.length > 0 ? `${base}(${fieldMessages.join(';')})` : base);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? String(status);
    this.problem = problem;
  }
}

const TOKEN_KEY = 'cg.console.token';

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** Listeners told when the API answers 401 (token expired or revoked). */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/**
 * The last refresh, as "token `from` was replaced by `to`", shared by the tabs
 * in IndexedDB. localStorage is not enough: Chromium propagates its writes to
 * other tabs asynchronously, so the tab next in the lock could still read the
 * stale token and refresh a second time. An IndexedDB transaction committed
 * before the lock is released is what the next holder reads.
 */
const lastRefresh = {
  open(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open('cg.console', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('session');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  },
  async get(): Promise<{ from: string; to: string } | undefined> {
    const db = await lastRefresh.open();
    return new Promise((resolve, reject) => {
      const req = db.transaction('session', 'readonly').objectStore('session').get('lastRefresh');
      req.onsuccess = () => resolve(req.result as { from: string; to: string } | undefined);
      req.onerror = () => reject(req.error);
    }).finally(() => db.close()) as Promise<{ from: string; to: string } | undefined>;
  },
  async set(value: { from: string; to: string }): Promise<void> {
    const db = await lastRefresh.open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('session', 'readwrite');
      tx.objectStore('session').put(value, 'lastRefresh');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    }).finally(() => db.close());
  },
};

/**
 * The access token is short-lived; the refresh token is an HttpOnly cookie on
 * /api/auth (login with refreshTokenIn: 'cookie'), single use: a rotated one
 * used again ends the session. So refreshes are serialised — one in flight per
 * tab (`refreshing`), one at a time across tabs (a Web Lock) — and a tab that
 * waited takes the token the refresh before it got instead of refreshing again.
 */
let refreshing: Promise<string | null> | null = null;

/**
 * Whether this page is on its way out (reloading, closing, navigating away).
 * Such a page starts no refresh: its answer could never be kept, and the token
 * it would spend is the one the next page, or another tab, needs — the API
 * forgives one lost answer, not two. Two tabs reloading at once could
 * otherwise each send one as the other's reload released the Web Lock.
 * `beforeunload` comes first; a page still here a few seconds after it (the
 * navigation became a download, or was cancelled) and a page restored from
 * the back/forward cache are live again.
 */
let leaving = false;
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', () => {
    leaving = true;
    setTimeout(() => (leaving = false), 5_000);
  });
  window.addEventListener('pagehide', () => (leaving = true));
  window.addEventListener('pageshow', () => (leaving = false));
}

/** The new access token; null when the API refused the refresh; rejects when it gave no usable answer. */
async function refreshAccessToken(stale: string): Promise<string | null> {
  const run = async () => {
    if (leaving) throw new Error('页面正在关闭,未刷新登录状态。');
    const current = tokenStore.get();
    if (current && current !== stale) return current; // this tab already has a newer token
    const last = typeof indexedDB === 'undefined' ? undefined : await lastRefresh.get().catch(() => undefined);
    if (last && last.from === stale) {
      tokenStore.set(last.to); // another tab refreshed while this one waited
      return last.to;
    }
    const res = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: 'same-origin' });
    if (res.status === 400 || res.status === 401) return null; // refused: the session is over
    if (!res.ok) throw new Error(`刷新登录状态失败(HTTP ${res.status}),请稍后重试。`);
    const body = (await res.json()) as { accessToken?: string };
    if (!body.accessToken) return null;
    tokenStore.set(body.accessToken);
    if (typeof indexedDB !== 'undefined') await lastRefresh.set({ from: stale, to: body.accessToken }).catch(() => undefined);
    return body.accessToken;
  };
  refreshing ??= (typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request('cg.console.refresh', run) as unknown as Promise<string | null>) : run()).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

const retries = new WeakMap<Request, Request>();

const auth: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get();
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    if (!new URL(request.url).pathname.startsWith('/api/auth/')) retries.set(request, request.clone());
    return request;
  },
  async onResponse({ response, request }) {
    if (response.status !== 401 || !request.headers.has('Authorization')) return response;
    const retry = retries.get(request);
    const stale = (request.headers.get('Authorization') ?? '').replace(/^Bearer /, '');
    // Only a refresh the API refused ends the session here. One that never got
    // an answer (the tab is reloading or closing, the network dropped) rejects
    // and leaves the token alone: clearing it then would log out every tab of
    // the browser, though the refresh token may well still be good (and if the
    // API did exchange it, it accepts the old one again for a short grace).
    const fresh = retry ? await refreshAccessToken(stale) : null;
    if (retry && fresh) {
      retry.headers.set('Authorization', `Bearer ${fresh}`);
      return fetch(retry);
    }
    tokenStore.clear();
    unauthorizedListeners.forEach((l) => l());
    return response;
  },
};

/**
 * 503 PROCESS_BUSY: the process was still on an earlier step and did not
 * answer in time; 409 IDEMPOTENCY_KEY_IN_PROGRESS: the same submission is
 * still being done (a 提交 pressed again after the first one's answer was
 * lost). A request carrying an Idempotency-Key is sent again after the
 * Retry-After the API gave (a few times): the key makes the API attach to
 * the same action rather than take it twice, so a clerk's 提交 goes through
 * with the first one's answer instead of asking them to press it again.
 */
const BUSY_RETRIES = 3;
const waitAndRetry = (status: number) => status === 503 || status === 409;
const busyRetry: Middleware = {
  async onResponse({ response, request }) {
    let current = response;
    const original = retries.get(request);
    if (!original || !request.headers.has('Idempotency-Key')) return current;
    // Only answers that say when to come back (Retry-After) are retried: a 409 without it is a refusal.
    for (let attempt = 0; attempt < BUSY_RETRIES && waitAndRetry(current.status); attempt++) {
      const seconds = Number(current.headers.get('Retry-After'));
      if (!Number.isFinite(seconds) || seconds <= 0) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(seconds, 5) * 1000));
      const again = original.clone();
      const token = tokenStore.get();
      if (token) again.headers.set('Authorization', `Bearer ${token}`);
      current = await fetch(again);
    }
    return current;
  },
};

/** Ends the session on the server (refresh cookie and token) and forgets the access token. */
export async function logOutSession(): Promise<void> {
  const token = tokenStore.get();
  tokenStore.clear();
  await fetch('/api/auth/logout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: '{}',
    credentials: 'same-origin',
  }).catch(() => undefined);
}

export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? '' : window.location.origin });
api.use(auth, busyRetry);

/** Awaits an openapi-fetch call: its data, or an ApiError with the API's problem. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, { title: '无法连接服务器,请检查网络后重试' });
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    const problem = (error && typeof error === 'object' ? error : { title: typeof error === 'string' ? error : undefined }) as Problem;
    throw new ApiError(response.status, problem);
  }
  return data as T;
}

/** A fresh Idempotency-Key for one user intent (one form submission). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of a path's successful (200/201/202) response, from the generated schema. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : R extends { 202: infer C }
        ? JsonOf<C>
        : never
  : never;

/** The query parameters an operation takes (`QueryOf<'/api/mediation-cases', 'get'>`). */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
