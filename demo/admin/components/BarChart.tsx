export interface ChartSeries {
  name: string;
  /** 1…4: the series colour (CSS class `series-n`). */
  tone: 1 | 2 | 3 | 4;
  values: ReadonlyArray<number | null>;
}

interface BarChartProps {
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** Bars on top of each other instead of side by side. */
  stacked?: boolean;
  format: (value: number) => string;
}

const W = 640;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 26, left: 56 };

/** A nice round upper bound for the axis. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= value)!;
  return step * magnitude;
}

export function Legend({ series }: { series: readonly ChartSeries[] }) {
  return (
    <ul class="legend">
      {series.map((s) => (
        <li key={s.name}>
          <span class={`swatch series-${s.tone}`} aria-hidden="true" />
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * Vertical bars as plain SVG elements. Decorative for assistive technology: every chart is
 * followed by a table with the same figures, which is what screen readers read.
 */
export function BarChart({ labels, series, stacked = false, format }: BarChartProps) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const totals = labels.map((_, i) => (stacked ? series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0) : Math.max(0, ...series.map((s) => s.values[i] ?? 0))));
  const max = niceMax(Math.max(0, ...totals));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const group = plotW / Math.max(1, labels.length);
  const barW = stacked ? group * 0.6 : (group * 0.75) / series.length;
  const every = Math.ceil(labels.length / 12);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" class="chart__svg">
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} />
            <text class="axis" x={PAD.left - 6} y={y(max * f) + 4} text-anchor="end">
              {format(max * f)}
            </text>
          </g>
        ))}
        {labels.map((label, i) => {
          const x0 = PAD.left + i * group;
          let stackTop = 0;
          return (
            <g key={label}>
              {series.map((s, j) => {
                const v = Math.max(0, s.values[i] ?? 0);
                if (stacked) {
                  const top = y(stackTop + v);
                  const height = y(stackTop) - top;
                  stackTop += v;
                  return <rect key={s.name} class={`bar series-${s.tone}`} x={x0 + (group - barW) / 2} y={top} width={barW} height={Math.max(0, height)} />;
                }
                return <rect key={s.name} class={`bar series-${s.tone}`} x={x0 + group * 0.125 + j * barW} y={y(v)} width={Math.max(1, barW - 2)} height={y(0) - y(v)} />;
              })}
              {i % every === 0 ? (
                <text class="axis" x={x0 + group / 2} y={H - 8} text-anchor="middle">
                  {label}
                </text>
              ) : null}
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
