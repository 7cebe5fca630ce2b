// The business calendar (GET /api/calendar) as the domain's pure calendar, so
// countdowns count working days exactly as the processes' deadlines do.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createCalendar, type BusinessCalendar } from '../../../domain/calendar';
import { api, unwrap } from '../api/client';

export function useCalendar(): BusinessCalendar | undefined {
  const query = useQuery({ queryKey: ['calendar'], queryFn: () => unwrap(api.GET('/api/calendar')), staleTime: 60 * 60_000 });
  return useMemo(() => (query.data ? createCalendar(query.data.years.map((y) => ({ ...y, source: 'GET /api/calendar' }))) : undefined), [query.data]);
}
