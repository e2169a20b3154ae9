/**
 * A column chart drawn as inline SVG: no chart library, no script needed to read it. The numbers are
 * always also in a table (`ChartTable`), which is what screen readers and printouts rely on; the SVG is
 * labelled as an image that points to it.
 */
export interface ChartBar {
  label: string;
  value: number;
}

export function ChartBars({
  bars,
  label,
  height = 180,
  color = "#1f6f8b",
}: {
  bars: readonly ChartBar[];
  label: string;
  height?: number;
  color?: string;
}) {
  const width = 640;
  const top = 16;
  const bottom = 34;
  const left = 40;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = (width - left - 8) / Math.max(1, bars.length);
  const barWidth = Math.max(2, step * 0.78);
  // Label every nth bar so that labels never overlap (about 12 at most).
  const every = Math.max(1, Math.ceil(bars.length / 12));
  const ticks = niceTicks(max);
  return (
    <svg
      className="chart chart-bars"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
      style={{ width: "100%", height: "auto", display: "block" }}
    >
      {ticks.map((tick) => {
        const y = top + plotHeight - (tick / max) * plotHeight;
        return (
          <g key={tick}>
            <line x1={left} x2={width - 4} y1={y} y2={y} stroke="#d6dde4" strokeWidth={1} />
            <text x={left - 6} y={y + 4} textAnchor="end" fontSize={11} fill="#4a5663">
              {tick.toLocaleString("vi-VN")}
            </text>
          </g>
        );
      })}
      {bars.map((bar, i) => {
        const h = (bar.value / max) * plotHeight;
        const x = left + i * step + (step - barWidth) / 2;
        return (
          <g key={`${bar.label}-${i}`}>
            <rect x={x} y={top + plotHeight - h} width={barWidth} height={h} fill={color} rx={1.5}>
              <title>{`${bar.label}: ${bar.value.toLocaleString("vi-VN")}`}</title>
            </rect>
            {i % every === 0 ? (
              <text
                x={x + barWidth / 2}
                y={height - bottom + 16}
                textAnchor="middle"
                fontSize={11}
                fill="#4a5663"
              >
                {bar.label}
              </text>
            ) : null}
          </g>
        );
      })}
      <line
        x1={left}
        x2={width - 4}
        y1={top + plotHeight}
        y2={top + plotHeight}
        stroke="#4a5663"
        strokeWidth={1}
      />
    </svg>
  );
}

/** Up to five round gridline values from 0 to max. */
export function niceTicks(max: number): number[] {
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? magnitude * 10;
  const ticks: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) ticks.push(Math.round(v * 100) / 100);
  return ticks;
}
