import { useId, useRef, useState, type FormEvent } from 'react'
import { todayLocal } from '../../../../shared/dates'
import type { WeightUnit } from '../../../../shared/units'
import { DateInputField } from '../../components/DateField'
import { ErrorText } from '../../components/ErrorText'
import { InputField } from '../../components/Field'
import { formatNumber, useT } from '../../i18n'
import { validateWeightForm, type WeightDraft, type WeightErrors, WEIGHT_FIELDS_IN_ORDER } from './weightFormState'

interface Props {
  unit: WeightUnit
  onSubmit(draft: WeightDraft): Promise<WeightErrors | null>
}

export function WeightForm({ unit, onSubmit }: Props) {
  const { t } = useT('weight')
  const id = useId()
  const fid = (f: string) => `${id}-${f}`
  const [date, setDate] = useState(todayLocal())
  const [weight, setWeight] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<WeightErrors>({})
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
      const firstBad = WEIGHT_FIELDS_IN_ORDER.find((f) => checked.errors[f]) ?? 'kg'
      document.getElementById(fid(firstBad))?.focus()
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
      document.getElementById(fid('kg'))?.focus()
    }
  }

  return (
    <form ref={formRef} className="card weight-form" onSubmit={submit} noValidate aria-label={t('formLabel')} aria-busy={saving > 0}>
      <h2>{t('formHeading')}</h2>
      <div className="fields">
        <DateInputField id={fid('date')} label={t('date')} error={errors.date} name="date" value={date} max={todayLocal()} onChange={setDate} />
        <InputField
          id={fid('kg')}
          label={t('weightIn', { unit })}
          error={errors.kg}
          name="weight"
          inputMode="decimal"
          autoComplete="off"
          placeholder={t('weightPlaceholder', { example: formatNumber(unit === 'kg' ? 72.4 : 159.6, 1) })}
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
          autoFocus
        />
        <InputField
          id={fid('note')}
          label={t('noteOptional')}
          className="grow"
          error={errors.note}
          name="note"
          value={note}
          autoComplete="off"
          placeholder={t('notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="field actions">
          <button type="submit" className="primary">
            {t('add')}
          </button>
        </div>
      </div>
      <ErrorText>{errors.form}</ErrorText>
    </form>
  )
}
