/** A progress bar: determinate with a value from 0 to 1, indeterminate (animated) without one. */
export function Progress({ label, value }: { label: string; value?: number | undefined }) {
  const pct = value === undefined ? undefined : Math.max(0, Math.min(100, Math.round(value * 100)))
  return (
    <div
      className={pct === undefined ? 'progress indeterminate' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
    >
      <div className="progress-fill" style={pct === undefined ? undefined : { width: `${pct}%` }} />
    </div>
  )
}
