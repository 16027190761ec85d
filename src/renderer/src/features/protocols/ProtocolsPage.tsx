import { useCallback, useEffect, useRef, useState } from 'react'
import { formatNotation } from '../../../../shared/notation'
import type { AppError } from '../../../../shared/result'
import type { Protocol } from '../../../../shared/training'
import { api } from '../../api'
import { useLoad, valueOr } from '../../api/useLoad'
import { useToast, useUndoable } from '../../components/Toast'
import { ProtocolForm, type ProtocolDraft, TERRAIN_LABELS } from './ProtocolForm'
import './protocols.css'
import { wordError } from '../../../../shared/i18n/message'

type Editing = 'new' | number | null

const NEW_BUTTON_ID = 'protocols-new'
const editButtonId = (id: number) => `protocol-${id}-edit`
const duplicateButtonId = (id: number) => `protocol-${id}-duplicate`

export function ProtocolsPage() {
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
    toast.show(target === 'new' ? `Created “${r.value.name}”.` : `Saved “${r.value.name}”.`)
    close(editButtonId(r.value.id))
    refresh()
    return null
  }

  async function duplicate(p: Protocol) {
    const r = await api.protocols.duplicate({ id: p.id })
    if (!r.ok) {
      toast.show(wordError(r.error), { kind: 'error' })
      return
    }
    toast.show(`Duplicated “${p.name}” as “${r.value.name}”.`)
    focusNext.current = editButtonId(r.value.id)
    refresh()
  }

  async function setArchived(p: Protocol, archived: boolean) {
    if (archived) {
      await undoable({
        run: () => api.protocols.archive({ id: p.id, archived: true }),
        done: `Archived “${p.name}”.`,
        undo: () => api.protocols.archive({ id: p.id, archived: false }),
        undone: `Restored “${p.name}”.`,
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
    toast.show(`Unarchived “${p.name}”.`)
  }

  const builtIn = protocols?.filter((p) => p.builtIn) ?? []
  const own = protocols?.filter((p) => !p.builtIn) ?? []

  const item = (p: Protocol) => {
    if (editing === p.id) {
      return (
        <li key={p.id} className="protocol editing" data-protocol-id={p.id}>
          <ProtocolForm protocol={p} title={`Edit “${p.name}”`} onSave={save} onCancel={() => close(editButtonId(p.id))} />
        </li>
      )
    }
    const headingId = `protocol-${p.id}-name`
    return (
      <li key={p.id} className={p.archived ? 'protocol archived' : 'protocol'} data-protocol-id={p.id} aria-labelledby={headingId}>
        <div className="protocol-body">
          <div className="protocol-title">
            <h3 id={headingId}>{p.name}</h3>
            {p.builtIn && <span className="badge">Built in</span>}
            {p.archived && <span className="badge badge-archived">Archived</span>}
          </div>
          <p className="protocol-plan">
            <code className="notation">{formatNotation(p.groups)}</code>
            <span className="terrain">{TERRAIN_LABELS[p.terrain]}</span>
          </p>
          {p.description && <p className="protocol-description">{p.description}</p>}
          {p.sourceNote && <p className="protocol-source muted">{p.sourceNote}</p>}
        </div>
        <div className="protocol-actions">
          {!p.builtIn && !p.archived && (
            <button id={editButtonId(p.id)} type="button" onClick={() => setEditing(p.id)} aria-label={`Edit ${p.name}`}>
              Edit
            </button>
          )}
          <button id={duplicateButtonId(p.id)} type="button" onClick={() => void duplicate(p)} aria-label={`Duplicate ${p.name}`}>
            Duplicate
          </button>
          {p.archived ? (
            <button type="button" onClick={() => void setArchived(p, false)} aria-label={`Unarchive ${p.name}`}>
              Unarchive
            </button>
          ) : (
            !p.builtIn && (
              <button type="button" className="danger" onClick={() => void setArchived(p, true)} aria-label={`Archive ${p.name}`}>
                Archive
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
          <h2 id="protocols-heading">Protocols</h2>
          <div className="protocols-tools">
            <label className="check">
              <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
              Show archived
            </label>
            <button
              id={NEW_BUTTON_ID}
              type="button"
              className="primary"
              onClick={() => setEditing('new')}
              disabled={editing === 'new'}
            >
              New protocol
            </button>
          </div>
        </header>
        <p className="hint">
          A protocol is a plan you can log sessions against, such as <code>6x20s @max / 2m walk</code>: six 20-second sprints at maximum
          effort with two minutes of walking after each.
        </p>
      </section>

      {editing === 'new' && (
        <ProtocolForm protocol={null} title="New protocol" className="card" onSave={save} onCancel={() => close(NEW_BUTTON_ID)} />
      )}

      {loadError && (
        <section className="card load-error" role="alert">
          <p className="error">Could not load the protocols: {loadError}</p>
          <button type="button" onClick={refresh}>
            Try again
          </button>
        </section>
      )}

      {protocols === null && !loadError && <p className="empty">Loading protocols…</p>}

      {protocols !== null && (
        <>
          <section className="card" aria-labelledby="builtin-heading">
            <header className="card-head">
              <h2 id="builtin-heading">Built in</h2>
              <span className="muted">{builtIn.length}</span>
            </header>
            <p className="hint">Built-in protocols can’t be edited. To change one, duplicate it and edit the copy.</p>
            <ul className="protocol-list" aria-labelledby="builtin-heading">
              {builtIn.map(item)}
            </ul>
          </section>

          <section className="card" aria-labelledby="own-heading">
            <header className="card-head">
              <h2 id="own-heading">Your protocols</h2>
              <span className="muted">{own.length}</span>
            </header>
            {own.length === 0 ? (
              <p className="empty">No protocols of your own yet. Duplicate a built-in one, or create a new one.</p>
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
