import { type FormEvent, type KeyboardEvent, useId, useState } from 'react'
import { durationNotation } from '../../../../shared/duration'
import { formatNotation, type NotationError, parseNotation } from '../../../../shared/notation'
import type { AppError } from '../../../../shared/result'
import { type Protocol, type ProtocolDraft, RECOVERY_MODES, type RepeatGroup, type Terrain, TERRAINS } from '../../../../shared/training'
import {
  draftToGroup,
  EMPTY_GROUP,
  GROUP_FIELDS,
  type GroupDraft,
  type GroupField,
  groupToDraft,
  type IntensityChoice
} from './plan'
import { ErrorText } from '../../components/ErrorText'

export type { ProtocolDraft }

export interface ProtocolFieldErrors {
  name?: string | undefined
  terrain?: string | undefined
  description?: string | undefined
  sourceNote?: string | undefined
  plan?: string | undefined
  form?: string | undefined
}

type TopField = Exclude<keyof ProtocolFieldErrors, 'form'>
const TOP_FIELDS: readonly TopField[] = ['name', 'terrain', 'plan', 'description', 'sourceNote']

/** Maps a back-end error to the form's fields: `name` → name, `groups…` → the plan, anything else to the form. */
export function errorsFromResult(error: AppError): ProtocolFieldErrors {
  const out: ProtocolFieldErrors = {}
  for (const issue of error.issues ?? []) {
    const head = issue.path.split('.')[0]
    const field: TopField | undefined =
      head === 'groups' ? 'plan' : head === 'name' || head === 'terrain' || head === 'description' || head === 'sourceNote' ? head : undefined
    if (field) out[field] ??= issue.message
  }
  if (TOP_FIELDS.every((f) => !out[f])) out.form = error.message
  return out
}

export const TERRAIN_LABELS: Record<Terrain, string> = { flat: 'Flat', hill: 'Hill', treadmill: 'Treadmill' }

const INTENSITY_OPTIONS: { value: IntensityChoice; label: string }[] = [
  { value: 'none', label: 'Not set' },
  { value: 'max', label: 'Max' },
  { value: 'near-max', label: 'Near-max' },
  { value: 'moderate', label: 'Moderate' },
  { value: 'custom', label: 'Custom %' }
]

const MODE_LABELS: Record<(typeof RECOVERY_MODES)[number], string> = { walk: 'Walk', jog: 'Jog', stand: 'Stand', 'walk-down': 'Walk down' }

const EXAMPLE = '6x20s @max / 2m walk'
const MAX_NAME = 120
const MAX_TEXT = 2000

/** One line about a valid plan: how many reps and how much hard work. */
function planSummary(groups: readonly RepeatGroup[]): string {
  const reps = groups.reduce((n, g) => n + g.count, 0)
  const parts = [reps === 1 ? '1 rep' : `${reps} reps`]
  if (groups.every((g) => g.workSeconds !== null)) parts.push(`${durationNotation(groups.reduce((s, g) => s + g.count * (g.workSeconds ?? 0), 0))} of work`)
  else if (groups.every((g) => g.workMeters !== null)) parts.push(`${groups.reduce((s, g) => s + g.count * (g.workMeters ?? 0), 0)} m of work`)
  if (groups.length > 1) parts.push(`${groups.length} groups`)
  return parts.join(' · ')
}

/** The notation as typed, with the part the error is about marked. */
function MarkedNotation({ text, error }: { text: string; error: NotationError }) {
  const start = Math.max(0, Math.min(error.start, text.length))
  const end = Math.max(start, Math.min(error.end, text.length))
  const bad = text.slice(start, end)
  return (
    <code className="notation-echo" aria-hidden={text.trim() === '' ? true : undefined}>
      {text.slice(0, start)}
      <mark className={bad.trim() === '' ? 'gap' : undefined}>{bad === '' ? '\u00a0' : bad}</mark>
      {text.slice(end)}
    </code>
  )
}

interface Props {
  /** The protocol being edited, or null for a new one. */
  protocol: Protocol | null
  title: string
  className?: string
  onSave(draft: ProtocolDraft): Promise<AppError | null>
  onCancel(): void
}

export function ProtocolForm({ protocol, title, className, onSave, onCancel }: Props) {
  const id = useId()
  const fid = (f: string) => `${id}-${f}`
  const [name, setName] = useState(protocol?.name ?? '')
  const [terrain, setTerrain] = useState<Terrain>(protocol?.terrain ?? 'flat')
  const [description, setDescription] = useState(protocol?.description ?? '')
  const [sourceNote, setSourceNote] = useState(protocol?.sourceNote ?? '')
  const [text, setText] = useState(protocol ? formatNotation(protocol.groups) : '')
  const [group, setGroup] = useState<GroupDraft>(protocol?.groups.length === 1 && protocol.groups[0] ? groupToDraft(protocol.groups[0]) : EMPTY_GROUP)
  const [multi, setMulti] = useState((protocol?.groups.length ?? 0) > 1)
  /** The structured fields were edited into something the notation cannot yet reflect. */
  const [groupDirty, setGroupDirty] = useState(false)
  const [touched, setTouched] = useState<ReadonlySet<GroupField>>(new Set())
  const [showAll, setShowAll] = useState(false)
  const [textTouched, setTextTouched] = useState(false)
  const [errors, setErrors] = useState<ProtocolFieldErrors>({})
  const [busy, setBusy] = useState(false)

  const parsed = parseNotation(text)
  const notationError = !parsed.ok && (textTouched || showAll) ? parsed.error : null
  const groupCheck = draftToGroup(group)
  const groupErrors = groupCheck.ok ? {} : groupCheck.errors
  const groupError = (f: GroupField) => (groupDirty && (showAll || touched.has(f)) ? groupErrors[f] : undefined)

  function clearError(field: keyof ProtocolFieldErrors) {
    if (errors[field] || errors.form) setErrors((e) => ({ ...e, [field]: undefined, form: undefined }))
  }

  function changeText(value: string) {
    setText(value)
    setTextTouched(true)
    clearError('plan')
    const r = parseNotation(value)
    if (!r.ok) return
    setMulti(r.groups.length > 1)
    if (r.groups.length === 1 && r.groups[0]) {
      setGroup(groupToDraft(r.groups[0]))
      setGroupDirty(false)
      setTouched(new Set())
    }
  }

  function changeGroup(patch: Partial<GroupDraft>, field?: GroupField) {
    const next = { ...group, ...patch }
    setGroup(next)
    if (field && !touched.has(field)) setTouched(new Set([...touched, field]))
    const r = draftToGroup(next)
    setGroupDirty(!r.ok)
    if (r.ok) {
      setText(formatNotation([r.group]))
      setTextTouched(true)
      clearError('plan')
    }
  }

  function focus(field: string) {
    document.getElementById(fid(field))?.focus()
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setShowAll(true)
    setTextTouched(true)
    // The same rules as the back end's schema, checked here first so the person gets an answer at once.
    const local: ProtocolFieldErrors = {}
    const trimmed = name.trim()
    if (trimmed === '') local.name = 'Give the protocol a name.'
    else if (trimmed.length > MAX_NAME) local.name = `A name can be at most ${MAX_NAME} characters.`
    if (description.trim().length > MAX_TEXT) local.description = `A description can be at most ${MAX_TEXT.toLocaleString('en')} characters.`
    if (sourceNote.trim().length > MAX_TEXT) local.sourceNote = `A source note can be at most ${MAX_TEXT.toLocaleString('en')} characters.`
    setErrors(local)
    const groupBad = !multi && groupDirty && !groupCheck.ok ? GROUP_FIELDS.find((f) => groupCheck.errors[f]) : undefined
    const firstBad = local.name ? 'name' : (groupBad ?? (!parsed.ok ? 'notation' : local.description ? 'description' : local.sourceNote ? 'sourceNote' : null))
    if (firstBad || !parsed.ok) {
      focus(firstBad ?? 'notation')
      return
    }
    setBusy(true)
    const failed = await onSave({ name: name.trim(), description: description.trim(), sourceNote: sourceNote.trim(), terrain, groups: parsed.groups })
    setBusy(false)
    if (!failed) return
    const mapped = errorsFromResult(failed)
    setErrors(mapped)
    const first = TOP_FIELDS.find((f) => mapped[f])
    focus(first === 'plan' ? 'notation' : (first ?? 'save'))
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault()
      onCancel()
    }
  }

  /** A text field's error, placed right under it and tied to it with aria-describedby. */
  const errorText = (field: string, message: string | undefined) => <ErrorText id={fid(`${field}-error`)}>{message}</ErrorText>
  const invalid = (message: string | undefined) => (message ? true : undefined)
  const described = (field: string, message: string | undefined, extra?: string) =>
    [message ? fid(`${field}-error`) : null, extra ?? null].filter(Boolean).join(' ') || undefined

  const planMessage = errors.plan
  const notationInvalid = notationError !== null || planMessage !== undefined
  const workError = groupError('work')

  return (
    <form className={`protocol-form ${className ?? ''}`} onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={title}>
      <h2>{title}</h2>
      <div className="fields">
        <div className="field grow">
          <label htmlFor={fid('name')}>Name</label>
          <input
            id={fid('name')}
            name="name"
            autoComplete="off"
            placeholder="e.g. Hill sprints 6×20 s"
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              clearError('name')
            }}
            aria-invalid={invalid(errors.name)}
            aria-describedby={described('name', errors.name)}
            autoFocus
          />
          {errorText('name', errors.name)}
        </div>
        <div className="field">
          <label htmlFor={fid('terrain')}>Terrain</label>
          <select
            id={fid('terrain')}
            name="terrain"
            value={terrain}
            onChange={(e) => {
              setTerrain(e.target.value as Terrain)
              clearError('terrain')
            }}
            aria-invalid={invalid(errors.terrain)}
            aria-describedby={described('terrain', errors.terrain)}
          >
            {TERRAINS.map((t) => (
              <option key={t} value={t}>
                {TERRAIN_LABELS[t]}
              </option>
            ))}
          </select>
          {errorText('terrain', errors.terrain)}
        </div>
      </div>

      <div className="field plan-field">
        <label htmlFor={fid('notation')}>Plan (notation)</label>
        <input
          id={fid('notation')}
          name="notation"
          className="notation-input"
          autoComplete="off"
          spellCheck={false}
          placeholder={`e.g. ${EXAMPLE}`}
          value={text}
          onChange={(e) => changeText(e.target.value)}
          aria-invalid={invalid(notationInvalid ? 'x' : undefined)}
          aria-describedby={[notationError ? fid('notation-error') : null, planMessage ? fid('plan-error') : null, fid('notation-hint')]
            .filter(Boolean)
            .join(' ')}
        />
        {notationError && (
          <div id={fid('notation-error')} className="notation-error" role="alert">
            <MarkedNotation text={text} error={notationError} />
            <p className="error">{notationError.message}</p>
          </div>
        )}
        {errorText('plan', planMessage)}
        <p id={fid('notation-hint')} className="hint">
          {parsed.ok ? <span className="plan-summary">{planSummary(parsed.groups)}. </span> : null}
          Reps × work, then <code>@</code> intensity, <code>hill</code> or <code>incline 5%</code>, <code>/</code> recovery: e.g. <code>{EXAMPLE}</code>.
          Join groups with <code>+</code>.
        </p>
      </div>

      {multi ? (
        <p className="hint group-hint">This plan has several repeat groups: edit them in the notation above.</p>
      ) : (
        <fieldset className="group-fields">
          <legend>Repeat group</legend>
          <div className="fields">
            <div className="field narrow">
              <label htmlFor={fid('count')}>Reps</label>
              <input
                id={fid('count')}
                inputMode="numeric"
                autoComplete="off"
                placeholder="6"
                value={group.count}
                onChange={(e) => changeGroup({ count: e.target.value }, 'count')}
                aria-invalid={invalid(groupError('count'))}
                aria-describedby={described('count', groupError('count'))}
              />
              {errorText('count', groupError('count'))}
            </div>
            <div className="field work-field">
              <label htmlFor={fid('work')}>{group.workKind === 'time' ? 'Work (time)' : 'Work (metres)'}</label>
              <div className="joined">
                <input
                  id={fid('work')}
                  inputMode={group.workKind === 'time' ? 'text' : 'numeric'}
                  autoComplete="off"
                  placeholder={group.workKind === 'time' ? '20s' : '100'}
                  value={group.work}
                  onChange={(e) => changeGroup({ work: e.target.value }, 'work')}
                  aria-invalid={invalid(workError)}
                  aria-describedby={described('work', workError)}
                />
                <select
                  aria-label="Work measured as"
                  value={group.workKind}
                  onChange={(e) => {
                    changeGroup({ workKind: e.target.value as GroupDraft['workKind'], work: '' }, 'work')
                    focus('work')
                  }}
                >
                  <option value="time">time</option>
                  <option value="distance">metres</option>
                </select>
              </div>
              {errorText('work', workError)}
            </div>
            <div className="field">
              <label htmlFor={fid('intensity')}>Intensity</label>
              <select
                id={fid('intensity')}
                value={group.intensity}
                onChange={(e) => changeGroup({ intensity: e.target.value as IntensityChoice })}
              >
                {INTENSITY_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            {group.intensity === 'custom' && (
              <div className="field narrow">
                <label htmlFor={fid('intensityPct')}>% of max</label>
                <input
                  id={fid('intensityPct')}
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="85"
                  value={group.intensityPct}
                  onChange={(e) => changeGroup({ intensityPct: e.target.value }, 'intensityPct')}
                  aria-invalid={invalid(groupError('intensityPct'))}
                  aria-describedby={described('intensityPct', groupError('intensityPct'))}
                />
                {errorText('intensityPct', groupError('intensityPct'))}
              </div>
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
            <div className="field narrow">
              <label htmlFor={fid('incline')}>Incline %</label>
              <input
                id={fid('incline')}
                inputMode="decimal"
                autoComplete="off"
                placeholder={group.hill ? '–' : 'none'}
                disabled={group.hill}
                title={group.hill ? 'A hill rep has no treadmill incline.' : undefined}
                value={group.incline}
                onChange={(e) => changeGroup({ incline: e.target.value }, 'incline')}
                aria-invalid={invalid(groupError('incline'))}
                aria-describedby={described('incline', groupError('incline'))}
              />
              {errorText('incline', groupError('incline'))}
            </div>
            <div className="field recovery-field">
              <label htmlFor={fid('recovery')}>Recovery</label>
              <div className="joined">
                <input
                  id={fid('recovery')}
                  autoComplete="off"
                  placeholder={group.recoveryMode === 'walk-down' ? 'untimed' : '2m'}
                  value={group.recovery}
                  onChange={(e) => changeGroup({ recovery: e.target.value }, 'recovery')}
                  aria-invalid={invalid(groupError('recovery'))}
                  aria-describedby={described('recovery', groupError('recovery'))}
                />
                <select
                  id={fid('mode')}
                  aria-label="Recover by"
                  value={group.recoveryMode}
                  onChange={(e) => changeGroup({ recoveryMode: e.target.value as GroupDraft['recoveryMode'] }, 'recovery')}
                >
                  {RECOVERY_MODES.map((m) => (
                    <option key={m} value={m}>
                      {MODE_LABELS[m]}
                    </option>
                  ))}
                </select>
              </div>
              {errorText('recovery', groupError('recovery'))}
            </div>
          </div>
        </fieldset>
      )}

      <div className="fields">
        <div className="field grow">
          <label htmlFor={fid('description')}>Description</label>
          <textarea
            id={fid('description')}
            name="description"
            rows={3}
            value={description}
            onChange={(e) => {
              setDescription(e.target.value)
              clearError('description')
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault()
                e.currentTarget.form?.requestSubmit()
              }
            }}
            aria-invalid={invalid(errors.description)}
            aria-describedby={described('description', errors.description)}
          />
          {errorText('description', errors.description)}
        </div>
        <div className="field grow">
          <label htmlFor={fid('sourceNote')}>Source note</label>
          <input
            id={fid('sourceNote')}
            name="sourceNote"
            autoComplete="off"
            placeholder="e.g. a study or a coach"
            value={sourceNote}
            onChange={(e) => {
              setSourceNote(e.target.value)
              clearError('sourceNote')
            }}
            aria-invalid={invalid(errors.sourceNote)}
            aria-describedby={described('sourceNote', errors.sourceNote)}
          />
          {errorText('sourceNote', errors.sourceNote)}
        </div>
      </div>

      {errors.form && (
        <p className="error form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button id={fid('save')} type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="hint">Enter saves · Esc cancels</span>
      </div>
    </form>
  )
}
