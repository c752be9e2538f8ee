/** Small SVG charts drawn on the server: no chart library needed for bars and a heat map. */

export function Bars({ data, title, height = 160, color = "#2563eb" }: { data: { key: string; count: number }[]; title: string; height?: number; color?: string }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const barW = 18;
  const width = Math.max(200, data.length * (barW + 4) + 10);
  return (
    <figure className="overflow-x-auto">
      <figcaption className="mb-1 text-sm font-medium">{title}</figcaption>
      {data.length === 0 ? (
        <p className="text-sm text-slate-600">No data yet.</p>
      ) : (
        <svg width={width} height={height + 34} role="img" aria-label={title}>
          {data.map((d, i) => {
            const h = Math.round((d.count / max) * height);
            const x = 5 + i * (barW + 4);
            return (
              <g key={d.key}>
                <title>{`${d.key}: ${d.count}`}</title>
                <rect x={x} y={height - h + 12} width={barW} height={h} fill={color} rx={2} />
                <text x={x + barW / 2} y={height + 26} fontSize={11} textAnchor="middle" fontFamily="monospace">
                  {d.key}
                </text>
                <text x={x + barW / 2} y={height - h + 9} fontSize={8} textAnchor="middle" fill="#475569">
                  {d.count}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}

export function HeatMap({ labels, matrix, title }: { labels: string[]; matrix: number[][]; title: string }) {
  const used = labels.map((_, i) => matrix[i].some((v) => v) || matrix.some((row) => row[i]));
  const idx = labels.map((_, i) => i).filter((i) => used[i]);
  if (!idx.length) return <p className="text-sm text-slate-600">No approved uploads of the active model yet.</p>;
  const cell = 16;
  const max = Math.max(1, ...idx.flatMap((i) => idx.map((j) => (i === j ? 0 : matrix[i][j]))));
  const diagMax = Math.max(1, ...idx.map((i) => matrix[i][i]));
  const size = 20 + idx.length * cell;
  return (
    <figure className="overflow-x-auto">
      <figcaption className="mb-1 text-sm font-medium">{title}</figcaption>
      <svg width={size + 4} height={size + 4} role="img" aria-label={title}>
        {idx.map((i, r) => (
          <text key={`r${i}`} x={12} y={20 + r * cell + 12} fontSize={10} textAnchor="middle" fontFamily="monospace">
            {labels[i]}
          </text>
        ))}
        {idx.map((j, c) => (
          <text key={`c${j}`} x={20 + c * cell + 8} y={12} fontSize={10} textAnchor="middle" fontFamily="monospace">
            {labels[j]}
          </text>
        ))}
        {idx.map((i, r) =>
          idx.map((j, c) => {
            const v = matrix[i][j];
            const fill = !v ? "#f8fafc" : i === j ? `rgba(22,163,74,${0.2 + 0.8 * (v / diagMax)})` : `rgba(220,38,38,${0.2 + 0.8 * (v / max)})`;
            return (
              <rect key={`${i}-${j}`} x={20 + c * cell} y={20 + r * cell} width={cell - 1} height={cell - 1} fill={fill}>
                <title>{`true ${labels[i]}, predicted ${labels[j]}: ${v}`}</title>
              </rect>
            );
          }),
        )}
      </svg>
    </figure>
  );
}
