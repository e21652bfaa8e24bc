import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';

/** A tiny line of 1–5 values. Decorative: the caller states the numbers in text too. */
const useStyles = makeStyles({
  svg: { display: 'block', overflow: 'visible' },
  line: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: '2px', strokeLinejoin: 'round', strokeLinecap: 'round' },
  dot: { fill: tokens.colorBrandForeground1 },
  axis: { stroke: tokens.colorNeutralStroke2, strokeWidth: '1px' },
});

export function Sparkline({ values, width = 160, height = 40, min = 1, max = 5 }: { values: number[]; width?: number; height?: number; min?: number; max?: number }) {
  const s = useStyles();
  if (values.length < 2) return null;
  const x = (i: number) => (i / (values.length - 1)) * width;
  const y = (v: number) => height - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * height;
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg className={s.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <line className={s.axis} x1={0} x2={width} y1={height} y2={height} />
      <polyline className={s.line} points={points} />
      <circle className={s.dot} cx={x(values.length - 1)} cy={y(values[values.length - 1])} r={3} />
    </svg>
  );
}
