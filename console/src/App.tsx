// Routes of the console. Pages load as their own chunks.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { matchRoutes, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { canSee, entryByKey } from './access';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorState, Forbidden, Loading } from './components/PageState';
import { Shell } from './layout/Shell';
import LoginPage from './pages/Login';
import { useSession } from './session';

/**
 * Every page: its path, its chunk, and who may open it (`menu`: the menu
 * entry whose roles it needs; `bare`: without the shell, e.g. the phone vote
 * page; `open`: no login). One table, so that main.tsx can start loading the
 * first page's chunk while /api/me is still on its way.
 */
interface PageRoute {
  path: string;
  load: () => Promise<{ default: ComponentType }>;
  menu?: string;
  bare?: boolean;
  open?: boolean;
}

const PAGES: PageRoute[] = [
  { path: '/board', load: () => import('./pages/Board'), open: true },
  { path: '/', load: () => import('./pages/Workbench') },
  { path: '/projects', load: () => import('./pages/projects/ProjectList'), menu: 'projects' },
  { path: '/projects/new', load: () => import('./pages/projects/ProjectNew'), menu: 'project-new' },
  { path: '/projects/supervision', load: () => import('./pages/projects/Supervision'), menu: 'supervision' },
  { path: '/projects/:id', load: () => import('./pages/projects/ProjectDetail') },
  { path: '/finance/disbursements', load: () => import('./pages/projects/Disbursements'), menu: 'disbursements' },
  { path: '/reporting', load: () => import('./pages/reporting/ReportList'), menu: 'reporting' },
  { path: '/reporting/results', load: () => import('./pages/reporting/Results'), menu: 'reporting-results' },
  { path: '/reporting/:id/vote', load: () => import('./pages/reporting/Vote'), bare: true },
  { path: '/reporting/:id', load: () => import('./pages/reporting/ReportDetail') },
  { path: '/mediation', load: () => import('./pages/mediation/CaseList'), menu: 'mediation' },
  { path: '/mediation/new', load: () => import('./pages/mediation/CaseNew'), menu: 'mediation-new' },
  { path: '/mediation/statistics', load: () => import('./pages/mediation/Statistics'), menu: 'mediation-stats' },
  { path: '/mediation/:id', load: () => import('./pages/mediation/CaseDetail') },
  { path: '/grid', load: () => import('./pages/grid/IncidentList'), menu: 'grid' },
  { path: '/grid/new', load: () => import('./pages/grid/IncidentNew'), menu: 'grid-new' },
  { path: '/grid/statistics', load: () => import('./pages/grid/Statistics'), menu: 'grid-stats' },
  { path: '/grid/:id', load: () => import('./pages/grid/IncidentDetail') },
  { path: '/manage', load: () => import('./pages/manage/Manage'), menu: 'manage' },
  { path: '/manage/people', load: () => import('./pages/manage/People'), menu: 'manage-people' },
  { path: '/manage/calendar', load: () => import('./pages/manage/Calendar'), menu: 'manage-calendar' },
  { path: '/manage/workflows', load: () => import('./pages/manage/Workflows'), menu: 'manage-workflows' },
  { path: '/me/proxies', load: () => import('./pages/me/Proxies') },
];

const components = new Map(PAGES.map((p) => [p, lazy(p.load)]));

/** Starts loading the chunk of the page at `pathname` (the same import React.lazy makes, so it is fetched once). */
export function preloadPage(pathname: string): void {
  const matches = matchRoutes(PAGES.map((p) => ({ path: p.path })), pathname);
  const page = matches && PAGES.find((p) => p.path === matches[matches.length - 1].route.path);
  if (page) void page.load();
}

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
      {PAGES.map((p) => {
        const Page = components.get(p)!;
        const element = p.open
          ? <Suspense fallback={<Loading />}><Page /></Suspense>
          : <Private menu={p.menu} bare={p.bare}><Page /></Private>;
        return <Route key={p.path} path={p.path} element={element} />;
      })}
      <Route path="*" element={<Private><ErrorState error={Object.assign(new Error('页面不存在'), {})} /></Private>} />
    </Routes>
  );
}
