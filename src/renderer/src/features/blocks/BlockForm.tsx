import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react'
import { isLocalDate, todayLocal } from '../../../../shared/dates'
import { blockEnd, findOverlap, overlapMsg } from '../../../../shared/metrics/block'
import type { AppError } from '../../../../shared/result'
import { BLOCK_FIELDS } from '../../../../shared/records'
import { blockFields } from '../../../../shared/schemas'
import type { Block, BlockDraft, Protocol } from '../../../../shared/training'
import { DateInputField } from '../../components/DateField'
import { ErrorText } from '../../components/ErrorText'
import { Field, InputField } from '../../components/Field'
import { ProtocolOptions } from '../../components/ProtocolOptions'
import { addIssues, topFieldOf } from '../../components/fieldErrors'
import { formatDate, tr, useT } from '../../i18n'
import { word, wordError } from '../../../../shared/i18n/message'

export type { BlockDraft }

const FIELDS = ['name', 'startDate', 'weeks', 'sessionsPerWeek', 'protocolId'] as const
type BlockField = (typeof FIELDS)[number]
export type BlockErrors = Partial<Record<BlockField | 'form', string>>
const blockFieldOf = topFieldOf(FIELDS)
/** The bounds of a block's length, from its field table: the live end date and the number inputs follow them. */
const WEEKS = { min: BLOCK_FIELDS.weeks.min ?? 1, max: BLOCK_FIELDS.weeks.max ?? 52 }
const PER_WEEK = { min: BLOCK_FIELDS.sessionsPerWeek.min ?? 1, max: BLOCK_FIELDS.sessionsPerWeek.max ?? 14 }

interface Values {
  name: string
  startDate: string
  weeks: string
  sessionsPerWeek: string
  protocolId: string
}

/** A whole number typed into a field, or why it is not one. */
function wholeNumber(text: string, what: 'weeks' | 'sessions'): number | { error: string } {
  const t = text.trim()
  if (t === '') return { error: tr('blocks:errNumberEmpty', { what }) }
  const n = Number(t)
  if (!Number.isFinite(n) || !Number.isInteger(n)) return { error: tr('blocks:errNumberWhole', { what }) }
  return n
}

/** Checks the form against the same schema the back end uses. */
export function validateBlockForm(v: Values): { ok: true; draft: BlockDraft } | { ok: false; errors: BlockErrors } {
  const errors: BlockErrors = {}
  if (v.startDate.trim() === '') errors.startDate = tr('blocks:errStartEmpty')
  else if (!isLocalDate(v.startDate)) errors.startDate = tr('blocks:errStartBad')
  const weeks = wholeNumber(v.weeks, 'weeks')
  if (typeof weeks !== 'number') errors.weeks = weeks.error
  const perWeek = wholeNumber(v.sessionsPerWeek, 'sessions')
  if (typeof perWeek !== 'number') errors.sessionsPerWeek = perWeek.error
  const parsed = blockFields.safeParse({
    name: v.name,
    startDate: v.startDate,
    weeks: typeof weeks === 'number' ? weeks : 1,
    sessionsPerWeek: typeof perWeek === 'number' ? perWeek : 1,
    protocolId: v.protocolId === '' ? null : Number(v.protocolId)
  })
  if (!parsed.success) addIssues(errors, parsed.error.issues, blockFieldOf)
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, draft: parsed.data }
}

/** The back end's overlap rule (shared with it): the message, or null when `draft` fits beside `others`. */
export function overlapError(draft: Pick<BlockDraft, 'startDate' | 'weeks'>, others: readonly Block[], selfId: number | null): string | null {
  const other = findOverlap(draft, others, selfId)
  return other ? word(overlapMsg(draft, other)) : null
}

/** Maps a back-end error to the form's fields; an overlap is the start date's problem. */
export function errorsFromResult(error: AppError): BlockErrors {
  const out: BlockErrors = addIssues({}, error.issues ?? [], blockFieldOf)
  if (error.code === 'conflict' && !out.startDate) out.startDate = wordError(error)
  if (Object.keys(out).length === 0) out.form = wordError(error)
  return out
}

/** A new block's starting values, and what to say about where they come from. */
export interface BlockPrefill {
  values: Pick<BlockDraft, 'startDate' | 'weeks' | 'sessionsPerWeek' | 'protocolId'>
  note: ReactNode
}

interface Props {
  /** The block being edited; null for a new one. */
  block: Block | null
  /** For a new block: the values it starts from (the defaults when absent). */
  prefill?: BlockPrefill | undefined
  protocols: Protocol[]
  onSubmit(draft: BlockDraft): Promise<BlockErrors | null>
  onCancel(): void
}

export function BlockForm({ block, prefill, protocols, onSubmit, onCancel }: Props) {
  const { t } = useT('blocks')
  const id = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState<Values>(() => {
    const from = block ?? prefill?.values
    return {
      name: block?.name ?? '',
      startDate: from?.startDate ?? todayLocal(),
      weeks: String(from?.weeks ?? 10),
      sessionsPerWeek: String(from?.sessionsPerWeek ?? 3),
      protocolId: from?.protocolId == null ? '' : String(from.protocolId)
    }
  })
  const [errors, setErrors] = useState<BlockErrors>({})
  const [busy, setBusy] = useState(false)
  const set = (field: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }))
  const fieldId = (f: BlockField) => `${id}-${f}`
  /** A whole-number input within its field table's bounds. */
  const wholeNumberInput = (field: 'weeks' | 'sessionsPerWeek', bounds: { min: number; max: number }) =>
    ({ name: field, type: 'number', inputMode: 'numeric', min: bounds.min, max: bounds.max, step: 1, value: values[field], onChange: set(field) }) as const

  const focusFirst = (errs: BlockErrors) => {
    const first = FIELDS.find((f) => errs[f])
    if (first) document.getElementById(fieldId(first))?.focus()
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    const checked = validateBlockForm(values)
    if (!checked.ok) {
      setErrors(checked.errors)
      focusFirst(checked.errors)
      return
    }
    setBusy(true)
    const failed = await onSubmit(checked.draft)
    setBusy(false)
    if (failed) {
      setErrors(failed)
      focusFirst(failed)
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      onCancel()
    } else if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
      // A select does not submit on Enter by itself; every other field does.
      e.preventDefault()
      formRef.current?.requestSubmit()
    }
  }

  // The end date follows the start and the length as they are typed.
  const weeksNow = Number(values.weeks)
  const perWeekNow = Number(values.sessionsPerWeek)
  const lengthOk = values.weeks.trim() !== '' && Number.isInteger(weeksNow) && weeksNow >= WEEKS.min && weeksNow <= WEEKS.max
  const end = isLocalDate(values.startDate) && lengthOk ? blockEnd({ startDate: values.startDate, weeks: weeksNow }) : null
  const planned =
    lengthOk && values.sessionsPerWeek.trim() !== '' && Number.isInteger(perWeekNow) && perWeekNow >= PER_WEEK.min && perWeekNow <= PER_WEEK.max
      ? weeksNow * perWeekNow
      : null

  // Archived protocols are offered only when this block already uses one.
  const options = protocols.filter((p) => !p.archived || String(p.id) === values.protocolId)
  const title = block ? t('editTitle', { name: block.name }) : prefill ? t('planNextTitle') : t('newTitle')

  return (
    <form
      ref={formRef}
      className="card block-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={block ? t('editFormLabel') : t('newTitle')}
    >
      <header className="card-head">
        <h2>{title}</h2>
        <span className="hint">{t('keysHint')}</span>
      </header>
      {!block && prefill && (
        <div className="block-prefill muted" data-testid="block-prefill">
          {prefill.note}
        </div>
      )}
      <div className="fields">
        <InputField
          id={fieldId('name')}
          label={t('name')}
          className="grow"
          error={errors.name}
          name="name"
          autoComplete="off"
          placeholder={t('namePlaceholder')}
          value={values.name}
          onChange={set('name')}
          aria-required="true"
          autoFocus
        />
        <Field id={fieldId('protocolId')} label={t('protocol')} error={errors.protocolId}>
          {(p) => (
            <select {...p} name="protocolId" value={values.protocolId} onChange={set('protocolId')}>
              <option value="">{t('anyProtocol')}</option>
              <ProtocolOptions protocols={options} />
            </select>
          )}
        </Field>
      </div>
      <div className="fields">
        <DateInputField
          id={fieldId('startDate')}
          label={t('startDate')}
          error={errors.startDate}
          describedBy={`${id}-end`}
          name="startDate"
          value={values.startDate}
          onChange={(v) => setValues((old) => ({ ...old, startDate: v }))}
        />
        <InputField
          id={fieldId('weeks')}
          label={t('weeks')}
          className="narrow"
          error={errors.weeks}
          describedBy={`${id}-end`}
          {...wholeNumberInput('weeks', WEEKS)}
        />
        <InputField
          id={fieldId('sessionsPerWeek')}
          label={t('sessionsPerWeek')}
          className="narrow"
          error={errors.sessionsPerWeek}
          {...wholeNumberInput('sessionsPerWeek', PER_WEEK)}
        />
        <div className="field block-end">
          <span className="label" id={`${id}-end-label`}>
            {t('ends')}
          </span>
          <output id={`${id}-end`} aria-labelledby={`${id}-end-label`} aria-live="polite" data-testid="block-end">
            {end ? formatDate(end) : '–'}
          </output>
          <span className="hint">{planned === null ? '\u00a0' : t('plannedSessions', { count: planned })}</span>
        </div>
      </div>
      <ErrorText>{errors.form}</ErrorText>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {block ? t('saveBlock') : t('createBlock')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}
