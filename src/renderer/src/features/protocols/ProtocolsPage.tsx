import { useCallback, useEffect, useRef, useState } from 'react'
import { formatNotation } from '../../../../shared/notation'
import type { AppError } from '../../../../shared/result'
import { PROTOCOL_FIELDS } from '../../../../shared/records'
import type { Protocol } from '../../../../shared/training'
import { api } from '../../api'
import { useLoad, valueOr } from '../../api/useLoad'
import { useToast, useUndoable } from '../../components/Toast'
import { WorkoutDownloadButton } from '../workouts/WorkoutDownloadButton'
import { ProtocolForm, type ProtocolDraft } from './ProtocolForm'
import { useT } from '../../i18n'
import { protocolDescription, protocolName, protocolSourceNote } from '../../i18n/builtins'
import { rich } from '../../i18n/rich'
import './protocols.css'
import { wordError } from '../../../../shared/i18n/message'

type Editing = 'new' | number | null

const NEW_BUTTON_ID = 'protocols-new'
const NAME_MAX = PROTOCOL_FIELDS.name.maxLength ?? 120
const editButtonId = (id: number) => `protocol-${id}-edit`
const duplicateButtonId = (id: number) => `protocol-${id}-duplicate`

export function ProtocolsPage() {
  const { t } = useT('protocols')
  const toast = useToast()
  const undoable = useUndoable()
  const [showArchived, setShowArchived] = useState(false)
  const [editing, setEditing] = useState<Editing>(null)
  const list = useLoad(useCallback(() => api.protocols.list({ includeArchived: showArchived }), [showArchived]))
  const refresh = list.reload
  const protocols = valueOr(list, null)
  const loadError = list.state === 'error' ? list.message : null
  /** An element to focus once it is on screen (after a reload or after the form closes). */
  const focusNext = useRef<string | null>(null)

  useEffect(() => {
    if (!focusNext.current) return
    const el = document.getElementById(focusNext.current)
    if (el) {
      el.focus()
      focusNext.current = null
    }
  })

  function close(focusId: string) {
    focusNext.current = focusId
    setEditing(null)
  }

  async function save(draft: ProtocolDraft): Promise<AppError | null> {
    const target = editing
    const r = target === 'new' || target === null ? await api.protocols.create(draft) : await api.protocols.update({ id: target, ...draft })
    if (!r.ok) return r.error
    toast.show(t(target === 'new' ? 'toastCreated' : 'toastSaved', { name: protocolName(r.value) }))
    close(editButtonId(r.value.id))
    refresh()
    return null
  }

  async function duplicate(p: Protocol) {
    // The copy's name in the runner's language, the first one free (the back end makes sure it still is).
    const all = await api.protocols.list({ includeArchived: true })
    const taken = new Set(all.ok ? all.value.map((x) => x.name) : [])
    const from = protocolName(p)
    let name = ''
    for (let n = 1; name === '' || taken.has(name); n++) name = t(n === 1 ? 'copyName' : 'copyNameN', { name: from, n }).slice(0, NAME_MAX)
    const r = await api.protocols.duplicate({ id: p.id, name, description: protocolDescription(p), sourceNote: protocolSourceNote(p) })
    if (!r.ok) {
      toast.show(wordError(r.error), { kind: 'error' })
      return
    }
    toast.show(t('toastDuplicated', { from: protocolName(p), name: protocolName(r.value) }))
    focusNext.current = editButtonId(r.value.id)
    refresh()
  }

  async function setArchived(p: Protocol, archived: boolean) {
    if (archived) {
      await undoable({
        run: () => api.protocols.archive({ id: p.id, archived: true }),
        done: t('toastArchived', { name: protocolName(p) }),
        undo: () => api.protocols.archive({ id: p.id, archived: false }),
        undone: t('toastRestored', { name: protocolName(p) }),
        after: refresh
      })
      return
    }
    const r = await api.protocols.archive({ id: p.id, archived: false })
    if (!r.ok) {
      toast.show(wordError(r.error), { kind: 'error' })
      return
    }
    refresh()
    toast.show(t('toastUnarchived', { name: protocolName(p) }))
  }

  const builtIn = protocols?.filter((p) => p.builtIn) ?? []
  const own = protocols?.filter((p) => !p.builtIn) ?? []

  const item = (p: Protocol) => {
    if (editing === p.id) {
      return (
        <li key={p.id} className="protocol editing" data-protocol-id={p.id}>
          <ProtocolForm protocol={p} title={t('editTitle', { name: protocolName(p) })} onSave={save} onCancel={() => close(editButtonId(p.id))} />
        </li>
      )
    }
    const headingId = `protocol-${p.id}-name`
    const name = protocolName(p)
    const description = protocolDescription(p)
    const sourceNote = protocolSourceNote(p)
    return (
      <li key={p.id} className={p.archived ? 'protocol archived' : 'protocol'} data-protocol-id={p.id} aria-labelledby={headingId}>
        <div className="protocol-body">
          <div className="protocol-title">
            <h3 id={headingId}>{name}</h3>
            {p.builtIn && <span className="badge">{t('badgeBuiltIn')}</span>}
            {p.archived && <span className="badge badge-archived">{t('badgeArchived')}</span>}
          </div>
          <p className="protocol-plan">
            <code className="notation">{formatNotation(p.groups)}</code>
            <span className="terrain">{t(`terrain_${p.terrain}`)}</span>
          </p>
          {description && <p className="protocol-description">{description}</p>}
          {sourceNote && <p className="protocol-source muted">{sourceNote}</p>}
          <p className="protocol-watch">
            <WorkoutDownloadButton protocolId={p.id} protocolName={protocolName(p)} />
          </p>
        </div>
        <div className="protocol-actions">
          {!p.builtIn && !p.archived && (
            <button id={editButtonId(p.id)} type="button" onClick={() => setEditing(p.id)} aria-label={t('editLabel', { name })}>
              {t('edit')}
            </button>
          )}
          <button id={duplicateButtonId(p.id)} type="button" onClick={() => void duplicate(p)} aria-label={t('duplicateLabel', { name })}>
            {t('duplicate')}
          </button>
          {p.archived ? (
            <button type="button" onClick={() => void setArchived(p, false)} aria-label={t('unarchiveLabel', { name })}>
              {t('unarchive')}
            </button>
          ) : (
            !p.builtIn && (
              <button type="button" className="danger" onClick={() => void setArchived(p, true)} aria-label={t('archiveLabel', { name })}>
                {t('archive')}
              </button>
            )
          )}
        </div>
      </li>
    )
  }

  return (
    <div className="page protocols-page">
      <section className="card" aria-labelledby="protocols-heading">
        <header className="card-head">
          <h2 id="protocols-heading">{t('heading')}</h2>
          <div className="protocols-tools">
            <label className="check">
              <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
              {t('showArchived')}
            </label>
            <button
              id={NEW_BUTTON_ID}
              type="button"
              className="primary"
              onClick={() => setEditing('new')}
              disabled={editing === 'new'}
            >
              {t('newProtocol')}
            </button>
          </div>
        </header>
        <p className="hint">
          {rich(t, 'intro', { example: <code>6x20s @max / 2m walk</code> })}
        </p>
      </section>

      {editing === 'new' && (
        <ProtocolForm protocol={null} title={t('newProtocol')} className="card" onSave={save} onCancel={() => close(NEW_BUTTON_ID)} />
      )}

      {loadError && (
        <section className="card load-error" role="alert">
          <p className="error">{t('loadError', { message: loadError })}</p>
          <button type="button" onClick={refresh}>
            {t('tryAgain')}
          </button>
        </section>
      )}

      {protocols === null && !loadError && <p className="empty">{t('loadingList')}</p>}

      {protocols !== null && (
        <>
          <section className="card" aria-labelledby="builtin-heading">
            <header className="card-head">
              <h2 id="builtin-heading">{t('builtInHeading')}</h2>
              <span className="muted">{builtIn.length}</span>
            </header>
            <p className="hint">{t('builtInHint')}</p>
            <ul className="protocol-list" aria-labelledby="builtin-heading">
              {builtIn.map(item)}
            </ul>
          </section>

          <section className="card" aria-labelledby="own-heading">
            <header className="card-head">
              <h2 id="own-heading">{t('ownHeading')}</h2>
              <span className="muted">{own.length}</span>
            </header>
            {own.length === 0 ? (
              <p className="empty">{t('ownEmpty')}</p>
            ) : (
              <ul className="protocol-list" aria-labelledby="own-heading">
                {own.map(item)}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  )
}
