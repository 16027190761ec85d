import type { LegendPayload } from 'recharts'

/**
 * A chart's legend: recharts' own list, with each icon hidden from screen readers (recharts names every icon
 * "<series> legend icon" in English, and the series' name already follows it as text).
 */
export function LegendContent({ payload }: { payload?: readonly LegendPayload[] }) {
  if (!payload?.length) return null
  return (
    <ul className="recharts-default-legend chart-legend" style={{ padding: 0, margin: 0, textAlign: 'center' }}>
      {payload.map((entry, i) =>
        entry.type === 'none' ? null : (
          <li key={`${String(entry.value)}-${i}`} className={`recharts-legend-item legend-item-${i}`} style={{ display: 'inline-block', marginRight: 10 }}>
            <svg width={14} height={14} viewBox="0 0 32 32" aria-hidden="true" focusable="false" style={{ display: 'inline-block', verticalAlign: 'middle', marginRight: 4 }}>
              {entry.type === 'line' || entry.type === 'plainline' ? (
                <line x1={0} y1={16} x2={32} y2={16} stroke={entry.color} strokeWidth={4} strokeDasharray={(entry.payload as { strokeDasharray?: string } | undefined)?.strokeDasharray} />
              ) : entry.type === 'circle' ? (
                <circle cx={16} cy={16} r={12} fill={entry.color} />
              ) : (
                <rect x={2} y={6} width={28} height={20} fill={entry.color} />
              )}
            </svg>
            <span className="recharts-legend-item-text" style={{ color: entry.color }}>
              {entry.value}
            </span>
          </li>
        )
      )}
    </ul>
  )
}
