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
    const fieldMessages = (problem.errors ?? []).map((e) => (e.field ? `${e.field}:${e.message ?? ''}` : (e.message ?? ''))).filter(Boolean);
    const base = problem.detail || problem.title || `请求失败(${status})`;
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

const auth: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get();
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has('Authorization')) {
      tokenStore.clear();
      unauthorizedListeners.forEach((l) => l());
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? '' : window.location.origin });
api.use(auth);

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
