// An Apache ECharts chart (only the chart types and components the console
// uses are bundled). Drawn without its growing bars and sweeping pies for a
// person whose system asks for less motion, as the rest of the console.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { usePrefersReducedMotion } from '../hooks/reduced-motion';
import { EmptyState } from './PageState';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];

/** A bar, a slice or a point that was clicked: its place in its series' data, and which series. */
export interface ChartPick {
  dataIndex: number;
  seriesIndex: number;
}

/**
 * `empty`: what to say instead of drawing, when there is nothing to draw (a rate no record has yet): bare axes read
 * as a broken chart. `onPick`: a click on a bar or a slice (a statistics chart opens the records it counts).
 */
export function Chart({ option, label, height = 300, empty, onPick }: { option: ChartOption; label: string; height?: number; empty?: string | false; onPick?: (pick: ChartPick) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const reduced = usePrefersReducedMotion();
  // The latest handler, read at the click: a new function at every render must not redraw the chart.
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({ ...option, animation: !reduced });
    chart.on('click', (params) => {
      if (params.componentType === 'series' && typeof params.dataIndex === 'number') pick.current?.({ dataIndex: params.dataIndex, seriesIndex: params.seriesIndex ?? 0 });
    });
    // The container's own size, not the window's: a page that grows a scrollbar once its data arrives narrows
    // every card without resizing the window, and the chart ran past its card's edge.
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option, reduced, empty]);
  if (empty) {
    return (
      <div className="chart-empty" style={{ height }}>
        <EmptyState description={empty} />
      </div>
    );
  }
  return <div ref={ref} className="chart" role="img" aria-label={label} style={{ width: '100%', height }} />;
}
