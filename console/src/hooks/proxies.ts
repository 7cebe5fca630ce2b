// 代理: the caller's out-of-office arrangements (GET /api/me/proxies).
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export function useProxies() {
  return useQuery({ queryKey: ['proxies'], queryFn: () => unwrap(api.GET('/api/me/proxies')), staleTime: 30_000 });
}

/** The people the caller covers for today: person id → name, for "代 X" on their tasks. */
export function useCovering(): Map<string, string> {
  const proxies = useProxies();
  return new Map((proxies.data?.covering ?? []).filter((p) => p.active && !p.cancelled).map((p) => [p.personId, p.personName]));
}
