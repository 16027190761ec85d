import { useId, useRef, useState, type KeyboardEvent } from 'react'
import type { WeightEntry } from '../../../../shared/domain'
import { kgToUnit, round1, type WeightUnit } from '../../../../shared/units'
import { DateField } from '../../components/DateField'
import { ErrorText } from '../../components/ErrorText'
import { RowActions } from '../../components/RowActions'
import { TableHead } from '../../components/TableHead'
import { formatDate, useT } from '../../i18n'
import { validateWeightForm, weightText, type WeightDraft, type WeightErrors } from './weightFormState'

interface Props {
  entries: WeightEntry[]
  unit: WeightUnit
  onUpdate(id: number, draft: WeightDraft): Promise<WeightErrors | null>
  onDelete(entry: WeightEntry): Promise<void>
}

export function WeightList({ entries, unit, onUpdate, onDelete }: Props) {
  const { t } = useT('weight')
  const [editing, setEditing] = useState<number | null>(null)
  const columns = [{ label: t('colDate') }, { label: t('colWeight'), num: true }, { label: t('colNote') }, { label: t('colActions'), hidden: true }]
  return (
    <table className="entries">
      <TableHead columns={columns} />
      <tbody>
        {entries.map((e) =>
          editing === e.id ? (
            <EditRow
              key={e.id}
              entry={e}
              unit={unit}
              onCancel={() => setEditing(null)}
              onSave={async (draft) => {
                const errors = await onUpdate(e.id, draft)
                if (!errors) setEditing(null)
                return errors
              }}
            />
          ) : (
            <tr key={e.id} data-entry-id={e.id}>
              <td>{formatDate(e.date)}</td>
              <td className="num">{weightText(e.kg, unit)}</td>
              <td className="note">{e.note}</td>
              <RowActions label={t('rowLabel', { date: formatDate(e.date), weight: weightText(e.kg, unit) })} edit={() => setEditing(e.id)} onDelete={() => void onDelete(e)} />
            </tr>
          )
        )}
      </tbody>
    </table>
  )
}

function EditRow({
  entry,
  unit,
  onSave,
  onCancel
}: {
  entry: WeightEntry
  unit: WeightUnit
  onSave(draft: WeightDraft): Promise<WeightErrors | null>
  onCancel(): void
}) {
  const { t } = useT('weight')
  const [date, setDate] = useState(entry.date)
  // Enter in the date field reads the typed date before this row's Enter saves it, in the same key press.
  const dateNow = useRef(entry.date)
  const [weight, setWeight] = useState(String(round1(kgToUnit(entry.kg, unit))))
  const [note, setNote] = useState(entry.note)
  const [errors, setErrors] = useState<WeightErrors>({})

  async function save() {
    const checked = validateWeightForm({ date: dateNow.current, weight, note }, unit)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    const failed = await onSave(checked.draft)
    if (failed) setErrors(failed)
  }
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      void save()
    } else if (e.key === 'Escape') {
      e.preventDefault()
      onCancel()
    }
  }
  // The row has room for one message: the first field's, tied to that field.
  const message = errors.date ?? errors.kg ?? errors.note ?? errors.form
  const messageId = useId()
  const wired = (bad: string | undefined) =>
    bad ? { 'aria-invalid': true as const, 'aria-describedby': bad === message ? messageId : undefined } : { 'aria-invalid': undefined }
  return (
    <tr className="editing" data-entry-id={entry.id} onKeyDown={onKey}>
      <td>
        <DateField aria-label={t('date')} value={date} onChange={(v) => ((dateNow.current = v), setDate(v))} {...wired(errors.date)} />
      </td>
      <td className="num">
        <input aria-label={t('weightIn', { unit })} inputMode="decimal" value={weight} onChange={(e) => setWeight(e.target.value)} {...wired(errors.kg)} autoFocus />
      </td>
      <td>
        <input aria-label={t('colNote')} value={note} onChange={(e) => setNote(e.target.value)} {...wired(errors.note)} />
        <ErrorText id={messageId}>{message}</ErrorText>
      </td>
      <td className="row-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </td>
    </tr>
  )
}
