import { LineChart, type ChartProps, type LineChartPoints } from '@fluentui/react-charts';
import { makeStyles, mergeClasses } from '@griffel/react';
import { useEffect, useState } from 'react';
import { useFluentTheme } from '../theme';

/**
 * The tab's charts over time, on Fluent UI's own chart library so they take the Fluent theme
 * (light, dark, high contrast) from the provider. This module is the only importer of
 * @fluentui/react-charts and is always loaded with import(): the charts never weigh on the first
 * download. Every chart sits next to a table of the same numbers; the charts add the picture,
 * not the facts.
 */
const useStyles = makeStyles({
  // The chart fills this box (it measures its parent), so the box sets the size.
  box: { width: '100%', minWidth: 0, position: 'relative' },
  // In forced-colours mode (Windows high contrast) the browser would repaint the series lines
  // with the background colour; the lines keep the system colours chosen in useChartColors.
  lines: { '& path, & circle, & [class*="line"]': { forcedColorAdjust: 'none' } },
});

export interface Series {
  legend: string;
  color: string;
  points: { x: Date; y: number }[];
}

export function TrendChart({ title, series, yMin, yMax, format, culture, height = 220 }: { title: string; series: Series[]; yMin: number; yMax: number; format(value: number): string; culture: string; height?: number }) {
  const s = useStyles();
  const data: ChartProps = {
    chartTitle: title,
    lineChartData: series.map<LineChartPoints>((x) => ({
      legend: x.legend,
      color: x.color,
      data: x.points.map((p) => ({ x: p.x, y: p.y, yAxisCalloutData: format(p.y) })),
    })),
  };
  return (
    <div className={mergeClasses(s.box, s.lines)} style={{ height }} data-chart="line">
      <LineChart
        data={data}
        yMinValue={yMin}
        yMaxValue={yMax}
        yAxisTickFormat={format}
        culture={culture}
        dateLocalizeOptions={{ month: 'short', day: 'numeric', timeZone: 'UTC' }}
        useUTC
        hideLegend={series.length < 2}
        margins={{ left: 44, right: 28, top: 12, bottom: 32 }}
      />
    </div>
  );
}

/**
 * Series colours as values from the current theme, so they hold in dark and high contrast too;
 * in forced-colours mode, the system's text and highlight colours.
 */
export function useChartColors() {
  const theme = useFluentTheme();
  const forced = useForcedColors();
  if (forced) return { brand: 'CanvasText', second: 'Highlight' };
  return {
    brand: theme.colorBrandForeground1,
    second: theme.colorPaletteMarigoldForeground1,
  };
}

function useForcedColors(): boolean {
  const [forced, setForced] = useState(() => !!window.matchMedia?.('(forced-colors: active)').matches);
  useEffect(() => {
    const q = window.matchMedia?.('(forced-colors: active)');
    if (!q) return;
    const onChange = () => setForced(q.matches);
    q.addEventListener('change', onChange);
    return () => q.removeEventListener('change', onChange);
  }, []);
  return forced;
}
