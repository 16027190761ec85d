import type { ChangeEvent } from 'react'
import { LOAD_KINDS, RECOVERY_MODES } from '../../../../shared/training'
import { Field, InputField } from '../../components/Field'
import type { GroupDraft, GroupField, IntensityChoice } from './plan'
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
  /** The wiring of one text field of the group: its id, its error, and its value, which rewrites the notation. */
  const bind = (f: GroupField) => ({ value: group[f], onChange: (e: ChangeEvent<HTMLInputElement>) => changeGroup({ [f]: e.target.value }, f), autoComplete: 'off' })
  const field = (f: GroupField) => ({ id: fid(f), error: groupError(f), ...bind(f) })
  return (
    <fieldset className="group-fields">
      <legend>Repeat group</legend>
      <div className="fields">
        <InputField label="Reps" className="narrow" inputMode="numeric" placeholder="6" {...field('count')} />
        <Field id={fid('work')} label={time ? 'Work (time)' : 'Work (metres)'} className="work-field" error={groupError('work')}>
          {(p) => (
            <div className="joined">
              <input {...p} inputMode={time ? 'text' : 'numeric'} placeholder={time ? '20s' : '100'} {...bind('work')} />
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
          <InputField label="% of max" className="narrow" inputMode="decimal" placeholder="85" {...field('intensityPct')} />
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
        <InputField
          label="Incline %"
          className="narrow"
          inputMode="decimal"
          placeholder={group.hill ? '–' : 'none'}
          disabled={group.hill}
          title={group.hill ? 'A hill rep has no treadmill incline.' : undefined}
          {...field('incline')}
        />
        <Field id={fid('load')} label={`Load (${group.loadUnit})`} className="load-field" error={groupError('load')}>
          {(p) => (
            <div className="joined">
              <input {...p} inputMode="decimal" placeholder="none" {...bind('load')} />
              <select aria-label="Load carried by" value={group.loadKind} onChange={(e) => changeGroup({ loadKind: e.target.value as GroupDraft['loadKind'] }, 'load')}>
                <option value="">no load</option>
                {LOAD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </div>
          )}
        </Field>
        <InputField label="Speed km/h" className="narrow" inputMode="decimal" placeholder="none" disabled={!time} title={time ? undefined : 'A treadmill speed goes with timed work.'} {...field('speed')} />
        <Field id={fid('recovery')} label="Recovery" className="recovery-field" error={groupError('recovery')}>
          {(p) => (
            <div className="joined">
              <input {...p} placeholder={group.recoveryMode === 'walk-down' ? 'untimed' : '2m'} {...bind('recovery')} />
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
