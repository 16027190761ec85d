import { useId } from 'react'
import { RANGE_PRESETS, type RangePreset, type RangeState } from '../../charts/range'
import { DateField } from '../../components/DateField'
import { useT } from '../../i18n'

interface Props {
  label: string
  presets: readonly RangePreset[]
  value: RangeState
  onChange: (next: RangeState) => void
  error?: string | null
}

/** Preset spans ending today, All, or Custom with two date fields. */
export function RangePicker({ label, presets, value, onChange, error }: Props) {
  const { t } = useT('charts')
  const id = useId()
  const options: { key: RangePreset | 'custom'; label: string }[] = [
    ...presets.map((p) => ({ key: p, label: t(RANGE_PRESETS[p].label) })),
    { key: 'custom', label: t('rangeCustom') }
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
          <label htmlFor={`${id}-from`}>{t('rangeFrom')}</label>
          <DateField id={`${id}-from`} value={value.from} onChange={(from) => onChange({ ...value, from })} />
          <label htmlFor={`${id}-to`}>{t('rangeTo')}</label>
          <DateField id={`${id}-to`} value={value.to} onChange={(to) => onChange({ ...value, to })} aria-invalid={error ? true : undefined} />
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
