import { INTENSITIES, LOAD_KINDS, RECOVERY_MODES } from '../../../../shared/training'
import type { WeightUnit } from '../../../../shared/units'
import { blankRep, type Errors, type RepFormState } from './sessionForm'
import { ErrorText } from '../../components/ErrorText'
import { TableHead } from '../../components/TableHead'

/** The column headings; in a narrow window the rows stack and each cell shows its heading above it (`data-label`). */
const columnsFor = (unit: WeightUnit) =>
  ({
    work: 'Work (s or m:ss)',
    distance: 'Distance (m)',
    intensity: 'Intensity',
    rpe: 'RPE',
    recovery: 'Recovery',
    mode: 'Mode',
    hill: 'Hill',
    incline: 'Incline %',
    speed: 'Speed km/h',
    load: `Load (${unit})`,
    heartRate: 'HR',
    done: 'Done'
  }) as const
type Columns = ReturnType<typeof columnsFor>

interface Props {
  reps: RepFormState[]
  errors: Errors
  /** The unit loads are typed in (the runner's weight unit). */
  loadUnit: WeightUnit
  onChange(reps: RepFormState[]): void
}

/** Every rep of the session as a row of inputs; Tab walks through them in reading order. */
export function RepsTable({ reps, errors, loadUnit, onChange }: Props) {
  const col = columnsFor(loadUnit)
  const headings = [{ label: '#' }, ...Object.values(col).map((label) => ({ label })), { label: 'Remove', hidden: true }]
  const update = (i: number, patch: Partial<RepFormState>) => onChange(reps.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const remove = (i: number) => onChange(reps.filter((_, j) => j !== i))
  const add = () => onChange([...reps, blankRep(reps[reps.length - 1])])

  const cell = (i: number, f: string, label: string) => {
    const path = `reps.${i}.${f}`
    return { 'aria-label': `Rep ${i + 1} ${label}`, 'data-path': path, 'aria-invalid': errors[path] ? true : undefined, title: errors[path] }
  }
  const rowErrors = (i: number) => Object.entries(errors).filter(([p]) => p.startsWith(`reps.${i}.`))

  return (
    <div className="reps-wrap">
      <table className="reps">
        <TableHead columns={headings} />
        <tbody>
          {reps.map((r, i) => (
            <RepRow key={r.key} i={i} r={r} col={col} cell={cell} update={update} remove={remove} errors={rowErrors(i)} canRemove={reps.length > 1} />
          ))}
        </tbody>
      </table>
      <button type="button" onClick={add}>
        + Add rep
      </button>
    </div>
  )
}

interface RowProps {
  i: number
  r: RepFormState
  col: Columns
  cell(i: number, f: string, label: string): Record<string, unknown>
  update(i: number, patch: Partial<RepFormState>): void
  remove(i: number): void
  errors: [string, string][]
  canRemove: boolean
}

function RepRow({ i, r, col: COL, cell, update, remove, errors, canRemove }: RowProps) {
  return (
    <>
      <tr className={r.completed ? '' : 'abandoned'} data-rep={i + 1}>
        <th scope="row">{i + 1}</th>
        <td data-label={COL.work}>
          <input className="w-time" inputMode="decimal" value={r.work} onChange={(e) => update(i, { work: e.target.value })} {...cell(i, 'workSeconds', 'work')} />
        </td>
        <td data-label={COL.distance}>
          <input className="w-num" inputMode="decimal" value={r.distance} onChange={(e) => update(i, { distance: e.target.value })} {...cell(i, 'distanceMeters', 'distance')} />
        </td>
        <td className="intensity" data-label={COL.intensity}>
          <select value={r.intensity} onChange={(e) => update(i, { intensity: e.target.value as RepFormState['intensity'] })} {...cell(i, 'intensity', 'intensity')}>
            {INTENSITIES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
          {r.intensity === 'custom' && (
            <input className="w-num" inputMode="decimal" placeholder="%" value={r.intensityPct} onChange={(e) => update(i, { intensityPct: e.target.value })} {...cell(i, 'intensityPct', 'intensity percent')} />
          )}
        </td>
        <td data-label={COL.rpe}>
          <input className="w-small" inputMode="decimal" value={r.rpe} onChange={(e) => update(i, { rpe: e.target.value })} {...cell(i, 'rpe', 'RPE')} />
        </td>
        <td data-label={COL.recovery}>
          <input
            className="w-time"
            inputMode="decimal"
            placeholder={r.recoveryMode === 'walk-down' ? 'untimed' : ''}
            value={r.recovery}
            onChange={(e) => update(i, { recovery: e.target.value })}
            {...cell(i, 'recoverySeconds', 'recovery')}
          />
        </td>
        <td data-label={COL.mode}>
          <select value={r.recoveryMode} onChange={(e) => update(i, { recoveryMode: e.target.value as RepFormState['recoveryMode'] })} {...cell(i, 'recoveryMode', 'recovery mode')}>
            {RECOVERY_MODES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </td>
        <td className="center" data-label={COL.hill}>
          <input type="checkbox" checked={r.hill} onChange={(e) => update(i, { hill: e.target.checked })} {...cell(i, 'hill', 'hill')} />
        </td>
        <td data-label={COL.incline}>
          <input className="w-small" inputMode="decimal" value={r.incline} onChange={(e) => update(i, { incline: e.target.value })} {...cell(i, 'inclinePct', 'incline')} />
        </td>
        <td data-label={COL.speed}>
          <input className="w-small" inputMode="decimal" placeholder="–" value={r.speed} onChange={(e) => update(i, { speed: e.target.value })} {...cell(i, 'treadmillKmh', 'treadmill speed')} />
        </td>
        <td className="load" data-label={COL.load}>
          <input className="w-small" inputMode="decimal" placeholder="none" value={r.load} onChange={(e) => update(i, { load: e.target.value })} {...cell(i, 'loadKg', 'load')} />
          <select value={r.loadKind} onChange={(e) => update(i, { loadKind: e.target.value as RepFormState['loadKind'] })} {...cell(i, 'loadKind', 'load carried by')}>
            <option value="">–</option>
            {LOAD_KINDS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </td>
        <td data-label={COL.heartRate}>
          <input className="w-small" inputMode="numeric" value={r.heartRate} onChange={(e) => update(i, { heartRate: e.target.value })} {...cell(i, 'heartRate', 'heart rate')} />
        </td>
        <td className="center" data-label={COL.done}>
          <input type="checkbox" checked={r.completed} onChange={(e) => update(i, { completed: e.target.checked })} {...cell(i, 'completed', 'done')} />
        </td>
        <td className="remove">
          {canRemove && (
            <button type="button" className="icon" aria-label={`Remove rep ${i + 1}`} onClick={() => remove(i)}>
              ×
            </button>
          )}
        </td>
      </tr>
      {errors.length > 0 && (
        <tr className="rep-errors">
          <td />
          <td colSpan={13}>
            {errors.map(([p, m]) => (
              <ErrorText key={p}>
                Rep {i + 1}: {m}
              </ErrorText>
            ))}
          </td>
        </tr>
      )}
    </>
  )
}
