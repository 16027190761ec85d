/**
 * The protocol form's state: what a person typed, kept as text, the changes that keep the notation and the
 * structured fields of a one-group plan in step, and the check before saving. The notation parser reads the
 * plan; the shared `protocolFields` schema, the one the back end and the import use, judges the whole
 * protocol. Errors are keyed by the form's fields; the back end's paths map onto them (`groups.0.…` → plan).
 */
import { formatNotation, parseNotation } from '../../../../shared/notation'
import { protocolFields } from '../../../../shared/schemas'
import type { Protocol, ProtocolDraft, Terrain } from '../../../../shared/training'
import type { AppError } from '../../../../shared/result'
import type { WeightUnit } from '../../../../shared/units'
import { addIssues, errorsFromResult, type FieldOf, issueText } from '../../components/fieldErrors'
import { draftToGroup, EMPTY_GROUP, GROUP_FIELDS, type GroupDraft, type GroupField, groupToDraft } from './plan'

/** The whole protocol form, as typed. */
export interface ProtocolFormState {
  name: string
  terrain: Terrain
  description: string
  sourceNote: string
  /** The plan in the notation. */
  text: string
  /** The structured fields of a one-group plan. */
  group: GroupDraft
  /** The plan has several repeat groups: only the notation edits it. */
  multi: boolean
  /** The structured fields were edited into something the notation cannot yet say. */
  groupDirty: boolean
}

export type ProtocolField = 'name' | 'terrain' | 'plan' | 'description' | 'sourceNote'
export type ProtocolErrors = Partial<Record<ProtocolField | 'form', string>>

/** The fields in the order they appear, for focusing the first bad one. */
export const PROTOCOL_FIELDS_IN_ORDER: readonly ProtocolField[] = ['name', 'terrain', 'plan', 'description', 'sourceNote']

/** The form's field for a path of the protocol schema: the repeat groups are the plan; other paths have none. */
export const protocolFieldOf: FieldOf = (path) => {
  const head = path.split('.')[0]
  if (head === 'groups') return 'plan'
  return head === 'name' || head === 'terrain' || head === 'description' || head === 'sourceNote' ? head : undefined
}

export function formFromProtocol(p: Protocol | null, loadUnit: WeightUnit = 'kg'): ProtocolFormState {
  const only = p?.groups.length === 1 ? p.groups[0] : undefined
  return {
    name: p?.name ?? '',
    terrain: p?.terrain ?? 'flat',
    description: p?.description ?? '',
    sourceNote: p?.sourceNote ?? '',
    text: p ? formatNotation(p.groups) : '',
    group: only ? groupToDraft(only, loadUnit) : { ...EMPTY_GROUP, loadUnit },
    multi: (p?.groups.length ?? 0) > 1,
    groupDirty: false
  }
}

/** The notation typed: a plan it can read sets the structured fields (a one-group plan) or hides them (several). */
export function withText(s: ProtocolFormState, text: string): ProtocolFormState {
  const r = parseNotation(text)
  if (!r.ok) return { ...s, text }
  const only = r.groups.length === 1 ? r.groups[0] : undefined
  return only ? { ...s, text, multi: false, group: groupToDraft(only, s.group.loadUnit), groupDirty: false } : { ...s, text, multi: r.groups.length > 1 }
}

/** A structured field typed: a group the notation can say rewrites the notation; anything else waits. */
export function withGroup(s: ProtocolFormState, patch: Partial<GroupDraft>): ProtocolFormState {
  const group = { ...s.group, ...patch }
  const r = draftToGroup(group)
  return r.ok ? { ...s, group, groupDirty: false, text: formatNotation([r.group]) } : { ...s, group, groupDirty: true }
}

/** Where to put the focus when a save is refused: a form field, one of the structured fields, or Save. */
export type FocusTarget = ProtocolField | GroupField | 'save'

export type CheckedProtocol = { ok: true; draft: ProtocolDraft } | { ok: false; errors: ProtocolErrors; focus: FocusTarget }

/**
 * The protocol to save, or what is wrong. A plan the notation cannot read is the notation's to explain (the
 * form shows its message where the text is); every value that can be read is judged by `protocolFields`, with
 * its messages, so the form refuses exactly what the back end and the import refuse.
 */
export function checkProtocolForm(s: ProtocolFormState): CheckedProtocol {
  const parsed = parseNotation(s.text)
  const result = protocolFields.safeParse({
    name: s.name.trim(),
    terrain: s.terrain,
    description: s.description.trim(),
    sourceNote: s.sourceNote.trim(),
    groups: parsed.ok ? parsed.groups : []
  })
  const errors: ProtocolErrors = result.success ? {} : addIssues<ProtocolErrors>({}, result.error.issues, protocolFieldOf)
  if (!parsed.ok) delete errors.plan
  else if (!result.success && Object.keys(errors).length === 0) errors.form = result.error.issues[0] ? issueText(result.error.issues[0]) : undefined
  const group = !s.multi && s.groupDirty ? draftToGroup(s.group) : null
  const groupBad = group && !group.ok ? GROUP_FIELDS.find((f) => group.errors[f]) : undefined
  const first = PROTOCOL_FIELDS_IN_ORDER.find((f) => errors[f] || (f === 'plan' && (groupBad || !parsed.ok)))
  if (first === undefined && result.success) return { ok: true, draft: result.data }
  return { ok: false, errors, focus: first === 'plan' ? (groupBad ?? 'plan') : (first ?? 'save') }
}

/** A back-end error at the form's fields; its message for the whole form when no field is named. */
export function protocolErrorsFromResult(error: AppError): ProtocolErrors {
  return errorsFromResult(error, protocolFieldOf)
}
