import { EmptyState } from '../components/PageState';

export default function Page() {
  return <EmptyState description="本页面正在建设中" />;
}
