import { INTENSITIES, LOAD_KINDS, RECOVERY_MODES } from '../../../../shared/training'
import type { DistanceUnit, WeightUnit } from '../../../../shared/units'
import { blankRep, type Errors, type RepFormState } from './sessionForm'
import { ErrorText } from '../../components/ErrorText'
import { TableHead } from '../../components/TableHead'
import { useT } from '../../i18n'

type T = ReturnType<typeof useT>['t']

/** The column headings; in a narrow window the rows stack and each cell shows its heading above it (`data-label`). */
const columnsFor = (t: T, unit: WeightUnit, distanceUnit: DistanceUnit) => ({
  work: t('colWork'),
  distance: t('colDistance', { unit: distanceUnit === 'km' ? t('units:unitMeters') : t('units:unitYards') }),
  intensity: t('colIntensity'),
  rpe: t('colRpe'),
  recovery: t('colRecovery'),
  mode: t('colMode'),
  hill: t('colHill'),
  incline: t('colIncline'),
  speed: t('colSpeed', { unit: distanceUnit === 'km' ? t('units:unitKmh') : t('units:unitMph') }),
  load: t('colLoad', { unit }),
  heartRate: t('colHeartRate'),
  done: t('colDone')
})
type Columns = ReturnType<typeof columnsFor>

/** The accessible name of each cell's control (`Rep 3 work`), by the message key of its field. */
type CellName = 'cellWork' | 'cellDistance' | 'cellIntensity' | 'cellIntensityPct' | 'cellRpe' | 'cellRecovery' | 'cellMode' | 'cellHill' | 'cellIncline' | 'cellSpeed' | 'cellLoad' | 'cellLoadKind' | 'cellHeartRate' | 'cellDone'

interface Props {
  reps: RepFormState[]
  errors: Errors
  /** The unit loads are typed in (the runner's weight unit). */
  loadUnit: WeightUnit
  /** The unit distances (m or yd) and treadmill speeds (km/h or mph) are typed in. */
  distanceUnit: DistanceUnit
  onChange(reps: RepFormState[]): void
}

/** Every rep of the session as a row of inputs; Tab walks through them in reading order. */
export function RepsTable({ reps, errors, loadUnit, distanceUnit, onChange }: Props) {
  const { t } = useT('log')
  const col = columnsFor(t, loadUnit, distanceUnit)
  const headings = [{ label: '#' }, ...Object.values(col).map((label) => ({ label })), { label: t('colRemove'), hidden: true }]
  const update = (i: number, patch: Partial<RepFormState>) => onChange(reps.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const remove = (i: number) => onChange(reps.filter((_, j) => j !== i))
  const add = () => onChange([...reps, blankRep(reps[reps.length - 1])])

  const cell = (i: number, f: string, name: CellName) => {
    const path = `reps.${i}.${f}`
    return { 'aria-label': t(name, { rep: i + 1 }), 'data-path': path, 'aria-invalid': errors[path] ? true : undefined, title: errors[path] }
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
        {t('addRep')}
      </button>
    </div>
  )
}

interface RowProps {
  i: number
  r: RepFormState
  col: Columns
  cell(i: number, f: string, name: CellName): Record<string, unknown>
  update(i: number, patch: Partial<RepFormState>): void
  remove(i: number): void
  errors: [string, string][]
  canRemove: boolean
}

function RepRow({ i, r, col: COL, cell, update, remove, errors, canRemove }: RowProps) {
  const { t } = useT('log')
  return (
    <>
      <tr className={r.completed ? '' : 'abandoned'} data-rep={i + 1}>
        <th scope="row">{i + 1}</th>
        <td data-label={COL.work}>
          <input className="w-time" inputMode="decimal" value={r.work} onChange={(e) => update(i, { work: e.target.value })} {...cell(i, 'workSeconds', 'cellWork')} />
        </td>
        <td data-label={COL.distance}>
          <input className="w-num" inputMode="decimal" value={r.distance} onChange={(e) => update(i, { distance: e.target.value })} {...cell(i, 'distanceMeters', 'cellDistance')} />
        </td>
        <td className="intensity" data-label={COL.intensity}>
          <select value={r.intensity} onChange={(e) => update(i, { intensity: e.target.value as RepFormState['intensity'] })} {...cell(i, 'intensity', 'cellIntensity')}>
            {INTENSITIES.map((v) => (
              <option key={v} value={v}>
                {t(`intensity-${v}`)}
              </option>
            ))}
          </select>
          {r.intensity === 'custom' && (
            <input className="w-num" inputMode="decimal" placeholder="%" value={r.intensityPct} onChange={(e) => update(i, { intensityPct: e.target.value })} {...cell(i, 'intensityPct', 'cellIntensityPct')} />
          )}
        </td>
        <td data-label={COL.rpe}>
          <input className="w-small" inputMode="decimal" value={r.rpe} onChange={(e) => update(i, { rpe: e.target.value })} {...cell(i, 'rpe', 'cellRpe')} />
        </td>
        <td data-label={COL.recovery}>
          <input
            className="w-time"
            inputMode="decimal"
            placeholder={r.recoveryMode === 'walk-down' ? t('untimed') : ''}
            value={r.recovery}
            onChange={(e) => update(i, { recovery: e.target.value })}
            {...cell(i, 'recoverySeconds', 'cellRecovery')}
          />
        </td>
        <td data-label={COL.mode}>
          <select value={r.recoveryMode} onChange={(e) => update(i, { recoveryMode: e.target.value as RepFormState['recoveryMode'] })} {...cell(i, 'recoveryMode', 'cellMode')}>
            {RECOVERY_MODES.map((v) => (
              <option key={v} value={v}>
                {t(`mode-${v}`)}
              </option>
            ))}
          </select>
        </td>
        <td className="center" data-label={COL.hill}>
          <input type="checkbox" checked={r.hill} onChange={(e) => update(i, { hill: e.target.checked })} {...cell(i, 'hill', 'cellHill')} />
        </td>
        <td data-label={COL.incline}>
          <input className="w-small" inputMode="decimal" value={r.incline} onChange={(e) => update(i, { incline: e.target.value })} {...cell(i, 'inclinePct', 'cellIncline')} />
        </td>
        <td data-label={COL.speed}>
          <input className="w-small" inputMode="decimal" placeholder="–" value={r.speed} onChange={(e) => update(i, { speed: e.target.value })} {...cell(i, 'treadmillKmh', 'cellSpeed')} />
        </td>
        <td className="load" data-label={COL.load}>
          <input className="w-small" inputMode="decimal" placeholder={t('noLoad')} value={r.load} onChange={(e) => update(i, { load: e.target.value })} {...cell(i, 'loadKg', 'cellLoad')} />
          <select value={r.loadKind} onChange={(e) => update(i, { loadKind: e.target.value as RepFormState['loadKind'] })} {...cell(i, 'loadKind', 'cellLoadKind')}>
            <option value="">–</option>
            {LOAD_KINDS.map((v) => (
              <option key={v} value={v}>
                {t(`loadKind-${v}`)}
              </option>
            ))}
          </select>
        </td>
        <td data-label={COL.heartRate}>
          <input className="w-small" inputMode="numeric" value={r.heartRate} onChange={(e) => update(i, { heartRate: e.target.value })} {...cell(i, 'heartRate', 'cellHeartRate')} />
        </td>
        <td className="center" data-label={COL.done}>
          <input type="checkbox" checked={r.completed} onChange={(e) => update(i, { completed: e.target.checked })} {...cell(i, 'completed', 'cellDone')} />
        </td>
        <td className="remove">
          {canRemove && (
            <button type="button" className="icon" aria-label={t('removeRep', { rep: i + 1 })} onClick={() => remove(i)}>
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
              <ErrorText key={p}>{t('repError', { rep: i + 1, message: m })}</ErrorText>
            ))}
          </td>
        </tr>
      )}
    </>
  )
}
