// The frame of a process record's detail page (a mediation case, a grid
// incident): the record fetched by the URL's id and polled while it is open
// (every 1.5 s while it waits for nobody — its workflow has not saved the
// next step yet —, every 5 s otherwise: a step the process takes after an
// action's answer, or a colleague's action, shows without a reload), the
// page states of QueryView, and ?do=<action> opening that action's form.
import { useQuery } from '@tanstack/react-query';
import { Card, Col } from 'antd';
import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { QueryView } from './PageState';
import { RecordTimeline } from './RecordTimeline';

export interface RecordDetailPageProps<T> {
  /** The query key's name; the key is [name, id], which pages invalidate after an action. */
  queryName: string;
  load: (id: string) => Promise<T>;
  /** Stages after which nothing more happens once their last open step is taken: no polling then. */
  finalStages: readonly string[];
  children: (record: T, autoAction: string | null) => ReactNode;
}

export function RecordDetailPage<T extends { stage: string; pendingActions: unknown[] }>({ queryName, load, finalStages, children }: RecordDetailPageProps<T>) {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const query = useQuery({
    queryKey: [queryName, id],
    queryFn: () => load(id),
    refetchInterval: (q) => {
      const record = q.state.data;
      // A final stage with a step still open (an incident closed and awaiting its 回访) is polled like any other.
      if (!record || (finalStages.includes(record.stage) && record.pendingActions.length === 0)) return false;
      return record.pendingActions.length === 0 ? 1500 : 5000;
    },
  });
  return <div className="page"><QueryView query={query}>{(record) => children(record, search.get('do'))}</QueryView></div>;
}

/** The 办理记录 column beside a record's details. */
export function TimelineColumn({ timeline }: { timeline: readonly { at: string; summary: string; actorName?: string | null }[] }) {
  return (
    <Col xs={24} lg={10}>
      <Card title="办理记录" className="section-card">
        <RecordTimeline entries={timeline.map((e) => ({ at: e.at, text: e.summary, actorName: e.actorName }))} />
      </Card>
    </Col>
  );
}
