import type { ChangeEvent } from 'react'
import { LOAD_KINDS, RECOVERY_MODES } from '../../../../shared/training'
import { Field, InputField } from '../../components/Field'
import type { GroupDraft, GroupField, IntensityChoice } from './plan'
import type { ProtocolFormModel } from './useProtocolForm'
import { useT } from '../../i18n'

const INTENSITY_OPTIONS: readonly IntensityChoice[] = ['none', 'max', 'near-max', 'moderate', 'custom']

/** The structured fields of a one-group plan; each change that the notation can say rewrites it. */
export function GroupFields({ m }: { m: ProtocolFormModel }) {
  const { t } = useT('protocols')
  const { fid, groupError, changeGroup } = m
  const group = m.form.group
  const time = group.workKind === 'time'
  /** The wiring of one text field of the group: its id, its error, and its value, which rewrites the notation. */
  const bind = (f: GroupField) => ({ value: group[f], onChange: (e: ChangeEvent<HTMLInputElement>) => changeGroup({ [f]: e.target.value }, f), autoComplete: 'off' })
  const field = (f: GroupField) => ({ id: fid(f), error: groupError(f), ...bind(f) })
  return (
    <fieldset className="group-fields">
      <legend>{t('groupLegend')}</legend>
      <div className="fields">
        <InputField label={t('reps')} className="narrow" inputMode="numeric" placeholder="6" {...field('count')} />
        <Field id={fid('work')} label={time ? t('workTime') : t('workMeters')} className="work-field" error={groupError('work')}>
          {(p) => (
            <div className="joined">
              <input {...p} inputMode={time ? 'text' : 'numeric'} placeholder={time ? '20s' : '100'} {...bind('work')} />
              <select
                aria-label={t('workKind')}
                value={group.workKind}
                onChange={(e) => {
                  changeGroup({ workKind: e.target.value as GroupDraft['workKind'], work: '' }, 'work')
                  m.focus('work')
                }}
              >
                <option value="time">{t('workKindTime')}</option>
                <option value="distance">{t('workKindDistance')}</option>
              </select>
            </div>
          )}
        </Field>
        <Field id={fid('intensity')} label={t('intensity')}>
          {(p) => (
            <select {...p} value={group.intensity} onChange={(e) => changeGroup({ intensity: e.target.value as IntensityChoice })}>
              {INTENSITY_OPTIONS.map((o) => (
                <option key={o} value={o}>
                  {t(`intensity_${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {group.intensity === 'custom' && (
          <InputField label={t('pctOfMax')} className="narrow" inputMode="decimal" placeholder="85" {...field('intensityPct')} />
        )}
        <div className="field check-field">
          <span className="label-spacer" aria-hidden="true">
            &nbsp;
          </span>
          <label className="check">
            <input type="checkbox" checked={group.hill} onChange={(e) => changeGroup({ hill: e.target.checked, incline: '' })} />
            {t('hill')}
          </label>
        </div>
        <InputField
          label={t('incline')}
          className="narrow"
          inputMode="decimal"
          placeholder={group.hill ? '–' : t('none')}
          disabled={group.hill}
          title={group.hill ? t('hillNoIncline') : undefined}
          {...field('incline')}
        />
        <Field id={fid('load')} label={t('load', { unit: group.loadUnit })} className="load-field" error={groupError('load')}>
          {(p) => (
            <div className="joined">
              <input {...p} inputMode="decimal" placeholder={t('none')} {...bind('load')} />
              <select aria-label={t('loadKind')} value={group.loadKind} onChange={(e) => changeGroup({ loadKind: e.target.value as GroupDraft['loadKind'] }, 'load')}>
                <option value="">{t('noLoad')}</option>
                {LOAD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`loadKind_${k}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </Field>
        <InputField label={t('speed')} className="narrow" inputMode="decimal" placeholder={t('none')} disabled={!time} title={time ? undefined : t('speedNeedsTime')} {...field('speed')} />
        <Field id={fid('recovery')} label={t('recovery')} className="recovery-field" error={groupError('recovery')}>
          {(p) => (
            <div className="joined">
              <input {...p} placeholder={group.recoveryMode === 'walk-down' ? t('untimed') : '2m'} {...bind('recovery')} />
              <select
                id={fid('mode')}
                aria-label={t('recoverBy')}
                value={group.recoveryMode}
                onChange={(e) => changeGroup({ recoveryMode: e.target.value as GroupDraft['recoveryMode'] }, 'recovery')}
              >
                {RECOVERY_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`mode_${mode}`)}
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
