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
                <text x={x + barW / 2} y={height + 26} fontSize={12} textAnchor="middle" fontFamily="monospace" fill="currentColor">
                  {d.key}
                </text>
                <text x={x + barW / 2} y={height - h + 9} fontSize={10} textAnchor="middle" fill="currentColor">
                  {d.count}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {data.length > 0 && <DataTable caption={title} head={["", "count"]} rows={data.map((d) => [d.key, String(d.count)])} />}
    </figure>
  );
}

/** The numbers behind a chart, for screen readers, keyboards and anyone who wants them exact. */
function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer text-slate-700">Show the data</summary>
      <table className="mt-1 text-left tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} className="pr-3 font-medium">
                {h || <span className="sr-only">label</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r[0]}>
              {r.map((c, i) => (
                <td key={i} className="pr-3 font-mono">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function HeatMap({ labels, matrix, title }: { labels: string[]; matrix: number[][]; title: string }) {
  const used = labels.map((_, i) => matrix[i].some((v) => v) || matrix.some((row) => row[i]));
  const idx = labels.map((_, i) => i).filter((i) => used[i]);
  if (!idx.length) return <p className="text-sm text-slate-600">No approved uploads of the active model yet.</p>;
  const cell = 24;
  const max = Math.max(1, ...idx.flatMap((i) => idx.map((j) => (i === j ? 0 : matrix[i][j]))));
  const diagMax = Math.max(1, ...idx.map((i) => matrix[i][i]));
  const size = 20 + idx.length * cell;
  return (
    <figure className="overflow-x-auto">
      <figcaption className="mb-1 text-sm font-medium">{title}</figcaption>
      <svg width={size + 4} height={size + 4} role="group" aria-label={title}>
        {idx.map((i, r) => (
          <text key={`r${i}`} x={12} y={20 + r * cell + cell / 2 + 4} fontSize={12} textAnchor="middle" fontFamily="monospace" fill="currentColor">
            {labels[i]}
          </text>
        ))}
        {idx.map((j, c) => (
          <text key={`c${j}`} x={20 + c * cell + cell / 2} y={12} fontSize={12} textAnchor="middle" fontFamily="monospace" fill="currentColor">
            {labels[j]}
          </text>
        ))}
        {idx.map((i, r) =>
          idx.map((j, c) => {
            const v = matrix[i][j];
            // blue for right, orange for wrong (told apart without red/green), and the count written in the cell
            const strength = i === j ? v / diagMax : v / max;
            const fill = !v ? "#f8fafc" : i === j ? `rgba(37,99,235,${0.15 + 0.6 * strength})` : `rgba(234,88,12,${0.15 + 0.6 * strength})`;
            return (
              <g key={`${i}-${j}`}>
                {/* each cell with samples opens them in the queue */}
                {v > 0 ? (
                  <a href={`/admin/queue?status=APPROVED&label=${encodeURIComponent(labels[i])}&predicted=${encodeURIComponent(labels[j])}`} aria-label={`true ${labels[i]}, read as ${labels[j]}: ${v}`}>
                    <rect x={20 + c * cell} y={20 + r * cell} width={cell - 1} height={cell - 1} fill={fill}>
                      <title>{`true ${labels[i]}, read as ${labels[j]}: ${v}`}</title>
                    </rect>
                    <text x={20 + c * cell + cell / 2} y={20 + r * cell + cell / 2 + 4} fontSize={11} textAnchor="middle" fill="#0f172a">
                      {v}
                    </text>
                  </a>
                ) : (
                  <rect x={20 + c * cell} y={20 + r * cell} width={cell - 1} height={cell - 1} fill={fill} />
                )}
              </g>
            );
          }),
        )}
      </svg>
      <DataTable
        caption={title}
        head={["true ↓ read as →", ...idx.map((j) => labels[j])]}
        rows={idx.map((i) => [labels[i], ...idx.map((j) => String(matrix[i][j]))])}
      />
    </figure>
  );
}
