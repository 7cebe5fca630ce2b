// The logged-in session: token, GET /api/me, and the unit the person is
// working as (unit switcher). Everything role-dependent reads from here.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, logOutSession, onUnauthorized, tokenStore, unwrap } from './api/client';
import { unitsOf, type Me } from './access';
import { forgetDrafts } from './drafts';

interface Session {
  token: string | null;
  me: Me | undefined;
  meLoading: boolean;
  meError: unknown;
  /** Selected unit (null: all units the person holds roles on). */
  unitId: string | null;
  setUnitId(unitId: string | null): void;
  logIn(token: string): void;
  logOut(): void;
  /** The platform's time now: wall time, or the demo (virtual) clock as /api/me last reported it, moving on with the wall. */
  now(): Date;
}

const SessionContext = createContext<Session | null>(null);

/** GET /api/me for `token`: one definition for the session and for main.tsx, which starts it before the first render. */
export const meQueryOptions = (token: string | null) =>
  queryOptions({
    queryKey: ['me', token],
    enabled: Boolean(token),
    queryFn: () => unwrap(api.GET('/api/me')),
    staleTime: 5 * 60_000,
  });
const UNIT_KEY = 'cg.console.unit';

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(() => tokenStore.get());
  const [unitId, setUnitIdState] = useState<string | null>(() => localStorage.getItem(UNIT_KEY));
  const meQuery = useQuery(meQueryOptions(token));

  const logOut = useCallback(() => {
    void logOutSession();
    localStorage.removeItem(UNIT_KEY);
    forgetDrafts();
    setToken(null);
    setUnitIdState(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => onUnauthorized(() => setToken(null)), []);

  const setUnitId = useCallback((id: string | null) => {
    if (id) localStorage.setItem(UNIT_KEY, id);
    else localStorage.removeItem(UNIT_KEY);
    setUnitIdState(id);
  }, []);

  // A remembered unit the person no longer holds is dropped.
  const me = meQuery.data;
  const effectiveUnitId = unitId && me && !unitsOf(me).some((u) => u.unitId === unitId) ? null : unitId;

  // Offset of the platform clock from this browser's, measured when /api/me answered.
  const clockOffset = me?.clock ? Date.parse(me.clock.now) - meQuery.dataUpdatedAt : 0;
  const now = useCallback(() => new Date(Date.now() + clockOffset), [clockOffset]);

  const value = useMemo<Session>(
    () => ({
      token,
      me,
      meLoading: meQuery.isLoading,
      meError: meQuery.error,
      unitId: effectiveUnitId,
      setUnitId,
      logIn: (t: string) => {
        tokenStore.set(t);
        queryClient.clear();
        setToken(t);
      },
      logOut,
      now,
    }),
    [token, me, meQuery.isLoading, meQuery.error, effectiveUnitId, setUnitId, logOut, queryClient, now],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
