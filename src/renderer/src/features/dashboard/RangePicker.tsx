import { useId } from 'react'
import { RANGE_PRESETS, type RangePreset, type RangeState } from '../../charts/range'

interface Props {
  label: string
  presets: readonly RangePreset[]
  value: RangeState
  onChange: (next: RangeState) => void
  error?: string | null
}

/** Preset spans ending today, All, or Custom with two date fields. */
export function RangePicker({ label, presets, value, onChange, error }: Props) {
  const id = useId()
  const options: { key: RangePreset | 'custom'; label: string }[] = [
    ...presets.map((p) => ({ key: p, label: RANGE_PRESETS[p].label })),
    { key: 'custom', label: 'Custom' }
  ]
  return (
    <div className="range-picker">
      <div className="segmented" role="radiogroup" aria-label={label}>
        {options.map((o) => (
          <button
            key={o.key}
            type="button"
            role="radio"
            aria-checked={value.preset === o.key}
            className={value.preset === o.key ? 'on' : ''}
            onClick={() => onChange({ ...value, preset: o.key })}
          >
            {o.label}
          </button>
        ))}
      </div>
      {value.preset === 'custom' && (
        <div className="range-dates">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={value.from} onChange={(e) => onChange({ ...value, from: e.target.value })} />
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })} aria-invalid={error ? true : undefined} />
          {error && (
            <span className="error" role="alert">
              {error}
            </span>
          )}
        </div>
      )}
    </div>
  )
}
