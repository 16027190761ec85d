import { useId, useRef, useState, type FormEvent } from 'react'
import { isLocalDate, todayLocal } from '../../../../shared/dates'
import { parseWeightText, type WeightUnit } from '../../../../shared/units'
import { ErrorText } from '../../components/ErrorText'

export interface WeightDraft {
  date: string
  kg: number
  note: string
}

export interface FieldErrors {
  date?: string | undefined
  weight?: string | undefined
  note?: string | undefined
  form?: string | undefined
}

/** Checks what a person typed; the same bounds as the back end's schema, in the person's unit. */
export function validateWeightForm(
  values: { date: string; weight: string; note: string },
  unit: WeightUnit,
  today = todayLocal()
): { ok: true; draft: WeightDraft } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  if (values.date.trim() === '') errors.date = 'Enter a date.'
  else if (!isLocalDate(values.date)) errors.date = 'Enter a real date (YYYY-MM-DD).'
  else if (values.date > today) errors.date = 'The date is in the future.'
  const w = parseWeightText(values.weight, unit)
  if (!w.ok) errors.weight = w.message
  if (values.note.length > 10_000) errors.note = 'A note can be at most 10,000 characters.'
  if (errors.date || errors.weight || errors.note || !w.ok) return { ok: false, errors }
  return { ok: true, draft: { date: values.date, kg: w.kg, note: values.note.trim() } }
}

interface Props {
  unit: WeightUnit
  onSubmit(draft: WeightDraft): Promise<FieldErrors | null>
}

export function WeightForm({ unit, onSubmit }: Props) {
  const id = useId()
  const [date, setDate] = useState(todayLocal())
  const [weight, setWeight] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(0)
  // The entry being saved right now, so a double press does not add it twice. A different entry typed
  // while one is being saved is saved as well: nothing the person typed is dropped.
  const inFlight = useRef<string | null>(null)
  const formRef = useRef<HTMLFormElement>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const submitted = { date, weight, note }
    const checked = validateWeightForm(submitted, unit)
    if (!checked.ok) {
      setErrors(checked.errors)
      const firstBad = checked.errors.date ? 'date' : checked.errors.weight ? 'weight' : 'note'
      document.getElementById(`${id}-${firstBad}`)?.focus()
      return
    }
    const key = JSON.stringify(checked.draft)
    if (inFlight.current === key) return
    inFlight.current = key
    setSaving((n) => n + 1)
    const failed = await onSubmit(checked.draft).finally(() => {
      if (inFlight.current === key) inFlight.current = null
      setSaving((n) => n - 1)
    })
    if (failed) {
      setErrors(failed)
      return
    }
    setErrors({})
    // Clear only what still holds the saved entry; the next one may already be half typed.
    setWeight((w) => (w === submitted.weight ? '' : w))
    setNote((n) => (n === submitted.note ? '' : n))
    const active = document.activeElement
    if (!active || active === document.body || (active instanceof HTMLButtonElement && active.type === 'submit' && active.form === formRef.current)) {
      document.getElementById(`${id}-weight`)?.focus()
    }
  }

  return (
    <form ref={formRef} className="card weight-form" onSubmit={submit} noValidate aria-label="Add body weight" aria-busy={saving > 0}>
      <h2>Add today’s weight</h2>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            name="date"
            type="date"
            value={date}
            max={todayLocal()}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errors.date ? `${id}-date-error` : undefined}
          />
          <ErrorText id={`${id}-date-error`}>{errors.date}</ErrorText>
        </div>
        <div className="field">
          <label htmlFor={`${id}-weight`}>Weight ({unit})</label>
          <input
            id={`${id}-weight`}
            name="weight"
            inputMode="decimal"
            autoComplete="off"
            placeholder={unit === 'kg' ? 'e.g. 72.4' : 'e.g. 159.6'}
            value={weight}
            onChange={(e) => setWeight(e.target.value)}
            aria-invalid={errors.weight ? true : undefined}
            aria-describedby={errors.weight ? `${id}-weight-error` : undefined}
            autoFocus
          />
          <ErrorText id={`${id}-weight-error`}>{errors.weight}</ErrorText>
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <input
            id={`${id}-note`}
            name="note"
            value={note}
            autoComplete="off"
            placeholder="e.g. after breakfast"
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={errors.note ? true : undefined}
          />
          <ErrorText>{errors.note}</ErrorText>
        </div>
        <div className="field actions">
          <button type="submit" className="primary">
            Add
          </button>
        </div>
      </div>
      <ErrorText>{errors.form}</ErrorText>
    </form>
  )
}
