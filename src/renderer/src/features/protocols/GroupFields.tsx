import { RECOVERY_MODES } from '../../../../shared/training'
import { Field } from '../../components/Field'
import type { GroupDraft, IntensityChoice } from './plan'
import type { ProtocolFormModel } from './useProtocolForm'

const INTENSITY_OPTIONS: { value: IntensityChoice; label: string }[] = [
  { value: 'none', label: 'Not set' },
  { value: 'max', label: 'Max' },
  { value: 'near-max', label: 'Near-max' },
  { value: 'moderate', label: 'Moderate' },
  { value: 'custom', label: 'Custom %' }
]

const MODE_LABELS: Record<(typeof RECOVERY_MODES)[number], string> = { walk: 'Walk', jog: 'Jog', stand: 'Stand', 'walk-down': 'Walk down' }

/** The structured fields of a one-group plan; each change that the notation can say rewrites it. */
export function GroupFields({ m }: { m: ProtocolFormModel }) {
  const { fid, groupError, changeGroup } = m
  const group = m.form.group
  const time = group.workKind === 'time'
  return (
    <fieldset className="group-fields">
      <legend>Repeat group</legend>
      <div className="fields">
        <Field id={fid('count')} label="Reps" className="narrow" error={groupError('count')}>
          {(p) => <input {...p} inputMode="numeric" autoComplete="off" placeholder="6" value={group.count} onChange={(e) => changeGroup({ count: e.target.value }, 'count')} />}
        </Field>
        <Field id={fid('work')} label={time ? 'Work (time)' : 'Work (metres)'} className="work-field" error={groupError('work')}>
          {(p) => (
            <div className="joined">
              <input
                {...p}
                inputMode={time ? 'text' : 'numeric'}
                autoComplete="off"
                placeholder={time ? '20s' : '100'}
                value={group.work}
                onChange={(e) => changeGroup({ work: e.target.value }, 'work')}
              />
              <select
                aria-label="Work measured as"
                value={group.workKind}
                onChange={(e) => {
                  changeGroup({ workKind: e.target.value as GroupDraft['workKind'], work: '' }, 'work')
                  m.focus('work')
                }}
              >
                <option value="time">time</option>
                <option value="distance">metres</option>
              </select>
            </div>
          )}
        </Field>
        <Field id={fid('intensity')} label="Intensity">
          {(p) => (
            <select {...p} value={group.intensity} onChange={(e) => changeGroup({ intensity: e.target.value as IntensityChoice })}>
              {INTENSITY_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {group.intensity === 'custom' && (
          <Field id={fid('intensityPct')} label="% of max" className="narrow" error={groupError('intensityPct')}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                autoComplete="off"
                placeholder="85"
                value={group.intensityPct}
                onChange={(e) => changeGroup({ intensityPct: e.target.value }, 'intensityPct')}
              />
            )}
          </Field>
        )}
        <div className="field check-field">
          <span className="label-spacer" aria-hidden="true">
            &nbsp;
          </span>
          <label className="check">
            <input type="checkbox" checked={group.hill} onChange={(e) => changeGroup({ hill: e.target.checked, incline: '' })} />
            Hill
          </label>
        </div>
        <Field id={fid('incline')} label="Incline %" className="narrow" error={groupError('incline')}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              autoComplete="off"
              placeholder={group.hill ? '–' : 'none'}
              disabled={group.hill}
              title={group.hill ? 'A hill rep has no treadmill incline.' : undefined}
              value={group.incline}
              onChange={(e) => changeGroup({ incline: e.target.value }, 'incline')}
            />
          )}
        </Field>
        <Field id={fid('recovery')} label="Recovery" className="recovery-field" error={groupError('recovery')}>
          {(p) => (
            <div className="joined">
              <input
                {...p}
                autoComplete="off"
                placeholder={group.recoveryMode === 'walk-down' ? 'untimed' : '2m'}
                value={group.recovery}
                onChange={(e) => changeGroup({ recovery: e.target.value }, 'recovery')}
              />
              <select
                id={fid('mode')}
                aria-label="Recover by"
                value={group.recoveryMode}
                onChange={(e) => changeGroup({ recoveryMode: e.target.value as GroupDraft['recoveryMode'] }, 'recovery')}
              >
                {RECOVERY_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {MODE_LABELS[mode]}
                  </option>
                ))}
              </select>
            </div>
          )}
        </Field>
      </div>
    </fieldset>
  )
}
