// The person's "reduce motion" setting (Windows: 显示动画 off; macOS / iOS:
// 减弱动态效果): antd's modals, drawers, menus and messages then appear
// without zooming or sliding (WCAG 2.3.3), and follow the setting when it
// changes while the console is open.
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
