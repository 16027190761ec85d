import type { ReactNode } from 'react'

/** A row of buttons that work as one radio group (the top bar's setting switches). */
export function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
  text = (v) => v,
  lang
}: {
  label: string
  options: readonly T[]
  value: T
  onChange: (v: T) => void
  /** What each option shows; the value itself by default. */
  text?: (v: T) => ReactNode
  /** The language each option is written in, when it is not the page's. */
  lang?: (v: T) => string
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <button key={o} type="button" role="radio" lang={lang?.(o)} aria-checked={value === o} className={value === o ? 'on' : ''} onClick={() => onChange(o)}>
          {text(o)}
        </button>
      ))}
    </div>
  )
}
