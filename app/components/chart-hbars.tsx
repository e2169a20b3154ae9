/**
 * Horizontal bars, one per unit or category: long Vietnamese names stay readable at 360 px. When the
 * number to compare with is known (expected headcount, registrations) the track is that number and the
 * filled part is the rate — units are judged on rates, and a small unit's full turnout then shows as a
 * full bar. Without it, bars are scaled to the largest value.
 */
export interface HBar {
  key: number | string;
  label: string;
  value: number;
  /** The value to compare with (expected headcount, registrations); null when unknown. */
  of: number | null;
  /** What to print at the end of the bar. */
  text: string;
}

export function ChartHBars({ bars, label }: { bars: readonly HBar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const share = (b: HBar) => (b.of !== null && b.of > 0 ? Math.min(1, b.value / b.of) : b.value / max);
  return (
    <ul
      className="chart chart-hbars"
      role="img"
      aria-label={label}
      style={{ listStyle: "none", padding: 0, margin: 0 }}
    >
      {bars.map((bar) => (
        <li
          key={bar.key}
          style={{
            display: "grid",
            gridTemplateColumns: "minmax(8rem, 2fr) 3fr auto",
            gap: 8,
            alignItems: "center",
            margin: "4px 0",
          }}
        >
          <span style={{ fontSize: 14, overflowWrap: "anywhere" }}>{bar.label}</span>
          <svg
            viewBox="0 0 100 10"
            preserveAspectRatio="none"
            aria-hidden="true"
            style={{ width: "100%", height: 14 }}
          >
            {bar.of !== null && bar.of > 0 ? (
              <rect x={0} y={0} width={100} height={10} fill="#dde7f0" />
            ) : null}
            <rect
              x={0}
              y={0}
              width={Math.max(share(bar) * 100, bar.value > 0 ? 0.8 : 0)}
              height={10}
              fill="#1f6f8b"
            />
          </svg>
          <span style={{ fontSize: 13, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
            {bar.text}
          </span>
        </li>
      ))}
    </ul>
  );
}
