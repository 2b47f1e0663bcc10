import { Legend, niceMax, type ChartSeries } from './BarChart';

interface LineChartProps {
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** Fixed axis range, e.g. [0, 100] for rates; otherwise 0…a round maximum. */
  domain?: [number, number];
  format: (value: number) => string;
}

const W = 640;
const H = 220;
const PAD = { top: 12, right: 12, bottom: 26, left: 56 };

/** Lines with a dot per period; a missing value (null) breaks the line. Decorative: see the table. */
export function LineChart({ labels, series, domain, format }: LineChartProps) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const [min, max] = domain ?? [Math.min(0, ...values), niceMax(Math.max(0, ...values))];
  const y = (v: number) => PAD.top + plotH - ((v - min) / (max - min || 1)) * plotH;
  const step = plotW / Math.max(1, labels.length);
  const x = (i: number) => PAD.left + step * i + step / 2;
  const every = Math.ceil(labels.length / 12);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" class="chart__svg">
        {[0, 0.25, 0.5, 0.75, 1].map((f) => {
          const v = min + (max - min) * f;
          return (
            <g key={f}>
              <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
              <text class="axis" x={PAD.left - 6} y={y(v) + 4} text-anchor="end">
                {format(v)}
              </text>
            </g>
          );
        })}
        {labels.map((label, i) =>
          i % every === 0 ? (
            <text key={label} class="axis" x={x(i)} y={H - 8} text-anchor="middle">
              {label}
            </text>
          ) : null,
        )}
        {series.map((s) => {
          const segments: string[] = [];
          let current = '';
          s.values.forEach((v, i) => {
            if (v === null) {
              if (current) segments.push(current);
              current = '';
              return;
            }
            current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
          });
          if (current) segments.push(current);
          return (
            <g key={s.name} class={`line series-${s.tone}`}>
              {segments.map((d) => (
                <path key={d} d={d} />
              ))}
              {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3.5} />))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <Legend series={series} />
      </figcaption>
    </figure>
  );
}
