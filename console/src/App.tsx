// Routes of the console. Pages load as their own chunks.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { canSee, entryByKey } from './access';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorState, Forbidden, Loading } from './components/PageState';
import { Shell } from './layout/Shell';
import LoginPage from './pages/Login';
import { useSession } from './session';

const WorkbenchPage = lazy(() => import('./pages/Workbench'));
const ProjectListPage = lazy(() => import('./pages/projects/ProjectList'));
const ProjectNewPage = lazy(() => import('./pages/projects/ProjectNew'));
const ProjectDetailPage = lazy(() => import('./pages/projects/ProjectDetail'));
const DisbursementsPage = lazy(() => import('./pages/projects/Disbursements'));
const SupervisionPage = lazy(() => import('./pages/projects/Supervision'));
const ReportListPage = lazy(() => import('./pages/reporting/ReportList'));
const ReportDetailPage = lazy(() => import('./pages/reporting/ReportDetail'));
const ReportResultsPage = lazy(() => import('./pages/reporting/Results'));
const VotePage = lazy(() => import('./pages/reporting/Vote'));
const CaseListPage = lazy(() => import('./pages/mediation/CaseList'));
const CaseNewPage = lazy(() => import('./pages/mediation/CaseNew'));
const CaseDetailPage = lazy(() => import('./pages/mediation/CaseDetail'));
const StatisticsPage = lazy(() => import('./pages/mediation/Statistics'));
const IncidentListPage = lazy(() => import('./pages/grid/IncidentList'));
const IncidentNewPage = lazy(() => import('./pages/grid/IncidentNew'));
const IncidentDetailPage = lazy(() => import('./pages/grid/IncidentDetail'));
const GridStatisticsPage = lazy(() => import('./pages/grid/Statistics'));
const BoardPage = lazy(() => import('./pages/Board'));
const ManagePage = lazy(() => import('./pages/manage/Manage'));
const PeoplePage = lazy(() => import('./pages/manage/People'));
const CalendarPage = lazy(() => import('./pages/manage/Calendar'));
const ProxiesPage = lazy(() => import('./pages/me/Proxies'));

/** Logged in, /api/me loaded, and (with `menu`) a role that shows the page. */
function Private({ children, menu, bare }: { children: ReactNode; menu?: string; bare?: boolean }) {
  const { token, me, meLoading, meError } = useSession();
  const location = useLocation();
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  const frame = (content: ReactNode) => (bare ? <main className="bare-page">{content}</main> : <Shell>{content}</Shell>);
  if (meLoading || (!me && !meError)) return <Loading rows={8} />;
  if (meError) return <ErrorState error={meError} />;
  if (menu && !canSee(me, entryByKey(menu))) return frame(<Forbidden />);
  return frame(<ErrorBoundary key={location.pathname}><Suspense fallback={<Loading />}>{children}</Suspense></ErrorBoundary>);
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/board" element={<Suspense fallback={<Loading />}><BoardPage /></Suspense>} />
      <Route path="/" element={<Private><WorkbenchPage /></Private>} />
      <Route path="/projects" element={<Private menu="projects"><ProjectListPage /></Private>} />
      <Route path="/projects/new" element={<Private menu="project-new"><ProjectNewPage /></Private>} />
      <Route path="/projects/supervision" element={<Private menu="supervision"><SupervisionPage /></Private>} />
      <Route path="/projects/:id" element={<Private><ProjectDetailPage /></Private>} />
      <Route path="/finance/disbursements" element={<Private menu="disbursements"><DisbursementsPage /></Private>} />
      <Route path="/reporting" element={<Private menu="reporting"><ReportListPage /></Private>} />
      <Route path="/reporting/results" element={<Private menu="reporting-results"><ReportResultsPage /></Private>} />
      <Route path="/reporting/:id/vote" element={<Private bare><VotePage /></Private>} />
      <Route path="/reporting/:id" element={<Private><ReportDetailPage /></Private>} />
      <Route path="/mediation" element={<Private menu="mediation"><CaseListPage /></Private>} />
      <Route path="/mediation/new" element={<Private menu="mediation-new"><CaseNewPage /></Private>} />
      <Route path="/mediation/statistics" element={<Private menu="mediation-stats"><StatisticsPage /></Private>} />
      <Route path="/mediation/:id" element={<Private><CaseDetailPage /></Private>} />
      <Route path="/grid" element={<Private menu="grid"><IncidentListPage /></Private>} />
      <Route path="/grid/new" element={<Private menu="grid-new"><IncidentNewPage /></Private>} />
      <Route path="/grid/statistics" element={<Private menu="grid-stats"><GridStatisticsPage /></Private>} />
      <Route path="/grid/:id" element={<Private><IncidentDetailPage /></Private>} />
      <Route path="/manage" element={<Private menu="manage"><ManagePage /></Private>} />
      <Route path="/manage/people" element={<Private menu="manage-people"><PeoplePage /></Private>} />
      <Route path="/manage/calendar" element={<Private menu="manage-calendar"><CalendarPage /></Private>} />
      <Route path="/me/proxies" element={<Private><ProxiesPage /></Private>} />
      <Route path="*" element={<Private><ErrorState error={Object.assign(new Error('页面不存在'), {})} /></Private>} />
    </Routes>
  );
}
