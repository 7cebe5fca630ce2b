// What `authenticate` may remember between requests, per API process:
//
// - verified access tokens: the signature check is pure (same token, same
//   secret, same answer), so a token seen before is not verified again;
//   its `exp` is still checked on every use. Keyed by the whole token, so a
//   token that differs in any byte is verified afresh.
// - a login session's row and its person's grants (`loadSessionActor`), for
//   `ttlMs` (AUTH_CACHE_MS), and for reads only (GET/HEAD). Every write
//   reads them fresh, so a removed grant, a logout or a deactivation refuses
//   the very next action in every process; a read may still be served with
//   the old grants for at most `ttlMs` in an API process other than the one
//   that made the change (that one forgets everything at once: routes that
//   change who may do what declare `changesAccess`; a load already in flight
//   then, which may have read the old rows, is not kept). Other processes cannot
//   be told without a message bus that can itself lose a message, so the
//   bound is the TTL: a few seconds, well inside the access token's own
//   lifetime (TOKEN_TTL_SECONDS), which is what a removed grant waited for
//   before the session check existed.
//
// Ages are measured on the monotonic clock, not the business clock: a
// virtual or frozen clock must not keep an entry alive.
import type { SessionActor } from './resolve-actor';

export interface AuthCacheOptions {
  /** How long a session's grants serve reads, in ms; 0: never (every request reads them). */
  ttlMs: number;
  /** Entries kept of each kind; the oldest go first. Default 10,000. */
  maxEntries?: number;
}

/** What a verified bearer token says (tokens.ts verifies it; this cache keeps it). */
export interface VerifiedToken {
  personId: string;
  sessionId: string;
}

export type KnownToken = VerifiedToken & { exp: number; secret: string };

export interface AuthCache {
  readonly ttlMs: number;
  /** A token verified before, with its `exp` (seconds) and the secret that verified it. */
  token(token: string): KnownToken | undefined;
  rememberToken(token: string, verified: KnownToken): void;
  /** The session and actor loaded at most `ttlMs` ago. */
  session(sessionId: string): SessionActor | undefined;
  /** Counts forgetSessions(): read before loading a session, handed to rememberSession. */
  epoch(): number;
  /** Keeps `loaded` unless the sessions were forgotten since `epoch` (a load that began before a revocation committed). */
  rememberSession(sessionId: string, loaded: SessionActor, epoch: number): void;
  /** Forgets every session (a grant, a person or a session changed in this process). */
  forgetSessions(): void;
}

/** A Map in insertion order, trimmed from its oldest end. */
function bounded<V>(max: number) {
  const map = new Map<string, V>();
  return {
    map,
    set(key: string, value: V) {
      map.delete(key);
      map.set(key, value);
      if (map.size > max) map.delete(map.keys().next().value!);
    },
  };
}

export function createAuthCache({ ttlMs, maxEntries = 10_000 }: AuthCacheOptions): AuthCache {
  const tokens = bounded<KnownToken>(maxEntries);
  const sessions = bounded<{ loaded: SessionActor; at: number }>(maxEntries);
  let forgotten = 0;
  return {
    ttlMs,
    token: (token) => tokens.map.get(token),
    rememberToken: (token, verified) => tokens.set(token, verified),
    session(sessionId) {
      if (ttlMs <= 0) return undefined;
      const hit = sessions.map.get(sessionId);
      if (!hit) return undefined;
      if (performance.now() - hit.at < ttlMs) return hit.loaded;
      sessions.map.delete(sessionId);
      return undefined;
    },
    epoch: () => forgotten,
    rememberSession(sessionId, loaded, epoch) {
      if (ttlMs <= 0 || epoch !== forgotten) return;
      // Shared by concurrent requests: nobody may change it.
      Object.freeze(loaded.session);
      if (loaded.actor) {
        loaded.actor.grants.forEach((g) => Object.freeze(g));
        Object.freeze(loaded.actor.grants);
        Object.freeze(loaded.actor);
      }
      sessions.set(sessionId, { loaded: Object.freeze(loaded), at: performance.now() });
    },
    forgetSessions() {
      forgotten++;
      sessions.map.clear();
    },
  };
}
