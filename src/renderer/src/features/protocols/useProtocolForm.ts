import { type FormEvent, type KeyboardEvent, useId, useState } from 'react'
import { parseNotation } from '../../../../shared/notation'
import type { AppError } from '../../../../shared/result'
import type { Protocol, ProtocolDraft } from '../../../../shared/training'
import { useSettings } from '../../settings'
import { draftInUnit, draftToGroup, type GroupDraft, type GroupField } from './plan'
import {
  checkProtocolForm,
  type FocusTarget,
  formFromProtocol,
  PROTOCOL_FIELDS_IN_ORDER,
  type ProtocolErrors,
  type ProtocolField,
  protocolErrorsFromResult,
  type ProtocolFormState,
  withGroup,
  withText
} from './protocolFormState'

/** Which problems are on screen: the notation's once it was typed, a structured field's once it was, all after a save. */
interface Shown {
  all: boolean
  text: boolean
  group: ReadonlySet<GroupField>
}

const NOTHING_SHOWN: Shown = { all: false, text: false, group: new Set() }

type TextField = 'name' | 'terrain' | 'description' | 'sourceNote'

/**
 * The protocol form: what is typed (`form`), what is wrong with it and which of that is shown, and what
 * follows from it (the parsed plan, the structured fields' problems), with the actions that change it.
 */
export function useProtocolForm({ protocol, onSave, onCancel }: { protocol: Protocol | null; onSave(draft: ProtocolDraft): Promise<AppError | null>; onCancel(): void }) {
  const id = useId()
  const fid = (f: string) => `${id}-${f}`
  const { weightUnit } = useSettings().settings
  const [form, setForm] = useState<ProtocolFormState>(() => formFromProtocol(protocol, weightUnit))
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN)
  const [errors, setErrors] = useState<ProtocolErrors>({})
  const [busy, setBusy] = useState(false)
  // The kg/lb switch converts the load typed into the structured fields (state adjusted while rendering).
  if (form.group.loadUnit !== weightUnit) setForm((s) => ({ ...s, group: draftInUnit(s.group, weightUnit) }))

  const parsed = parseNotation(form.text)
  const notationError = !parsed.ok && (shown.text || shown.all) ? parsed.error : null
  const groupCheck = draftToGroup(form.group)
  const groupError = (f: GroupField): string | undefined =>
    form.groupDirty && !groupCheck.ok && (shown.all || shown.group.has(f)) ? groupCheck.errors[f] : undefined

  function clearError(field: ProtocolField) {
    if (errors[field] || errors.form) setErrors((e) => ({ ...e, [field]: undefined, form: undefined }))
  }

  function set<K extends TextField>(key: K, value: ProtocolFormState[K]) {
    setForm((s) => ({ ...s, [key]: value }))
    clearError(key)
  }

  function changeText(value: string) {
    const next = withText(form, value)
    setForm(next)
    // The structured fields now show a plan read from the notation: nothing typed into them is left to complain about.
    setShown((v) => ({ ...v, text: true, group: next.group === form.group ? v.group : new Set() }))
    clearError('plan')
  }

  function changeGroup(patch: Partial<GroupDraft>, field?: GroupField) {
    const next = withGroup(form, patch)
    setForm(next)
    setShown((v) => ({
      ...v,
      text: v.text || !next.groupDirty,
      group: field && !v.group.has(field) ? new Set([...v.group, field]) : v.group
    }))
    if (!next.groupDirty) clearError('plan')
  }

  function focus(target: FocusTarget) {
    document.getElementById(fid(target))?.focus()
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setShown((v) => ({ ...v, all: true, text: true }))
    const checked = checkProtocolForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      focus(checked.focus)
      return
    }
    setErrors({})
    setBusy(true)
    const failed = await onSave(checked.draft)
    setBusy(false)
    if (!failed) return
    const mapped = protocolErrorsFromResult(failed)
    setErrors(mapped)
    focus(PROTOCOL_FIELDS_IN_ORDER.find((f) => mapped[f]) ?? 'save')
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault()
      onCancel()
    }
  }

  return { fid, form, errors, busy, parsed, notationError, groupError, set, changeText, changeGroup, focus, submit, onKeyDown }
}

export type ProtocolFormModel = ReturnType<typeof useProtocolForm>
