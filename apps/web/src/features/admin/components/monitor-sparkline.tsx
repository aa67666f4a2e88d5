const WIDTH = 240;
const HEIGHT = 48;
const PAD = 3;

/** SVG polyline points for values scaled into the box; the top is the largest value (or 1). */
export function sparklinePoints(values: readonly number[]): string {
  if (values.length === 0) return '';
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const x = PAD + i * step;
      const y = HEIGHT - PAD - (v / max) * (HEIGHT - 2 * PAD);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** A hand-drawn line of recent samples; `label` is its text alternative (role=img). */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  return (
    <svg
      className="monitor-sparkline"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
    >
      <line
        x1={PAD}
        x2={WIDTH - PAD}
        y1={HEIGHT - PAD}
        y2={HEIGHT - PAD}
        className="monitor-sparkline-axis"
      />
      {values.length > 1 ? (
        <polyline points={sparklinePoints(values)} className="monitor-sparkline-line" fill="none" />
      ) : null}
    </svg>
  );
}
