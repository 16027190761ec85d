import { useId, useState, type KeyboardEvent } from 'react'
import type { WeightEntry } from '../../../../shared/domain'
import { formatWeight, kgToUnit, round1, type WeightUnit } from '../../../../shared/units'
import { ErrorText } from '../../components/ErrorText'
import { RowActions } from '../../components/RowActions'
import { TableHead } from '../../components/TableHead'
import { validateWeightForm, type WeightDraft, type WeightErrors } from './weightFormState'

const WEIGHT_COLUMNS = [{ label: 'Date' }, { label: 'Weight', num: true }, { label: 'Note' }, { label: 'Actions', hidden: true }]

interface Props {
  entries: WeightEntry[]
  unit: WeightUnit
  onUpdate(id: number, draft: WeightDraft): Promise<WeightErrors | null>
  onDelete(entry: WeightEntry): Promise<void>
}

export function WeightList({ entries, unit, onUpdate, onDelete }: Props) {
  const [editing, setEditing] = useState<number | null>(null)
  return (
    <table className="entries">
      <TableHead columns={WEIGHT_COLUMNS} />
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
              <td>{e.date}</td>
              <td className="num">{formatWeight(e.kg, unit)}</td>
              <td className="note">{e.note}</td>
              <RowActions label={`${e.date} ${formatWeight(e.kg, unit)}`} edit={() => setEditing(e.id)} onDelete={() => void onDelete(e)} />
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
  const [date, setDate] = useState(entry.date)
  const [weight, setWeight] = useState(String(round1(kgToUnit(entry.kg, unit))))
  const [note, setNote] = useState(entry.note)
  const [errors, setErrors] = useState<WeightErrors>({})

  async function save() {
    const checked = validateWeightForm({ date, weight, note }, unit)
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
        <input aria-label="Date" type="date" value={date} onChange={(e) => setDate(e.target.value)} {...wired(errors.date)} />
      </td>
      <td className="num">
        <input aria-label={`Weight (${unit})`} inputMode="decimal" value={weight} onChange={(e) => setWeight(e.target.value)} {...wired(errors.kg)} autoFocus />
      </td>
      <td>
        <input aria-label="Note" value={note} onChange={(e) => setNote(e.target.value)} {...wired(errors.note)} />
        <ErrorText id={messageId}>{message}</ErrorText>
      </td>
      <td className="row-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </td>
    </tr>
  )
}
