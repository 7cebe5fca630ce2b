// A record's page, seen by a district administrator: a link to its process in
// 流程运维, for the call "this case does not move". Found there by the
// record's number or title (the API turns it into the process's workflow id),
// so the record's pages need not know workflow ids.
import { Link } from 'react-router-dom';
import { isDistrictAdmin } from '../access';
import { useSession } from '../session';

export function OperatorLink({ find }: { /** The record's number, or its title when it has none. */ find: string }) {
  const { me } = useSession();
  // Operator actions reach every process of the district: only its administrators may (api/admin/workflows.ts).
  if (!isDistrictAdmin(me)) return null;
  // Every state (status empty: 全部), not only the running ones: the process may have failed or ended.
  return <Link to={`/manage/workflows?${new URLSearchParams({ subject: find, status: '' })}`}>在流程运维中查看</Link>;
}
