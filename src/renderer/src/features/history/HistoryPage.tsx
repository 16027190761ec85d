import { useCallback, useId, useState } from 'react'
import type { SessionSummary } from '../../../../shared/contract'
import { isLocalDate } from '../../../../shared/dates'
import { ESTIMATE_RULE, estimatedText } from '../../components/estimateText'
import { durationClock } from '../../../../shared/duration'
import { formatLoad } from '../../../../shared/units'
import { useSettings } from '../../settings'
import { api } from '../../api'
import { useLoad, valueOr } from '../../api/useLoad'
import { useUndoable } from '../../components/Toast'
import { href } from '../../router'
import './history.css'
import { ErrorText } from '../../components/ErrorText'
import { RowActions } from '../../components/RowActions'
import { TableHead } from '../../components/TableHead'
import { SourceLine } from '../log/SourceLine'

const SESSION_COLUMNS = [{ label: 'Date' }, { label: 'Protocol' }, { label: 'Reps done', num: true }, { label: 'Work', num: true }, { label: 'Duration', num: true }, { label: 'Load', num: true }, { label: 'RPE', num: true }, { label: 'Actions', hidden: true }]

const PAGE = 50

export function HistoryPage() {
  const id = useId()
  const undoable = useUndoable()
  const unit = useSettings().settings.weightUnit
  const [protocolId, setProtocolId] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [shown, setShown] = useState(PAGE)
  const protocols = valueOr(useLoad(useCallback(() => api.protocols.list({ includeArchived: true }), [])), [])

  const rangeError = from && to && from > to ? 'The start of the range is after its end.' : null

  const loadPage = useCallback(
    () =>
      api.sessions.list({
        limit: shown,
        offset: 0,
        ...(isLocalDate(from) ? { from } : {}),
        ...(isLocalDate(to) ? { to } : {}),
        ...(protocolId === 'none' ? { protocolId: 'none' as const } : protocolId ? { protocolId: Number(protocolId) } : {})
      }),
    [protocolId, from, to, shown]
  )
  const page = useLoad(rangeError ? null : loadPage)
  const refresh = page.reload
  const items = page.state === 'ok' ? page.value.items : null
  const total = page.state === 'ok' ? page.value.total : 0
  const error = page.state === 'error' ? page.message : null

  async function remove(s: SessionSummary) {
    await undoable({
      run: () => api.sessions.delete({ id: s.id }),
      done: `Deleted the session of ${s.date}.`,
      undo: () => api.sessions.restore({ id: s.id }),
      after: refresh
    })
  }

  const filtered = protocolId !== '' || from !== '' || to !== ''

  return (
    <div className="page history-page">
      <section className="card" aria-labelledby={`${id}-h`}>
        <header className="card-head">
          <h2 id={`${id}-h`}>History</h2>
          <span className="muted" data-testid="history-total">
            {total === 1 ? '1 session' : `${total} sessions`}
          </span>
        </header>
        <div className="fields filters" role="search">
          <div className="field">
            <label htmlFor={`${id}-p`}>Protocol</label>
            <select id={`${id}-p`} value={protocolId} onChange={(e) => (setProtocolId(e.target.value), setShown(PAGE))}>
              <option value="">All sessions</option>
              <option value="none">Free-form only</option>
              {protocols.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>From</label>
            <input id={`${id}-from`} type="date" value={from} onChange={(e) => (setFrom(e.target.value), setShown(PAGE))} aria-invalid={rangeError ? true : undefined} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To</label>
            <input id={`${id}-to`} type="date" value={to} onChange={(e) => (setTo(e.target.value), setShown(PAGE))} aria-invalid={rangeError ? true : undefined} />
          </div>
          {filtered && (
            <div className="field actions">
              <button type="button" onClick={() => (setProtocolId(''), setFrom(''), setTo(''))}>
                Clear filters
              </button>
            </div>
          )}
        </div>
        <ErrorText>{rangeError}</ErrorText>
        <ErrorText>{error}</ErrorText>

        {items === null ? (
          <p className="empty">Loading…</p>
        ) : items.length === 0 ? (
          <p className="empty">
            {filtered ? 'No sessions match these filters.' : 'No sessions yet. '}
            {!filtered && <a href={href({ name: 'log' })}>Log your first one.</a>}
          </p>
        ) : (
          <table className="entries sessions">
            <TableHead columns={SESSION_COLUMNS} />
            <tbody>
              {items.map((s) => (
                <tr key={s.id} data-session-id={s.id}>
                  <td>
                    <a href={href({ name: 'session', id: s.id })}>{s.date}</a>
                    {s.startTime && <span className="muted"> {s.startTime}</span>}
                  </td>
                  <td>
                    {s.protocolName ?? <span className="muted">Free-form</span>}
                    {s.couldNotRecover && (
                      <span className="tag" title="Could not recover between reps">
                        no recovery
                      </span>
                    )}
                    {s.loads.length > 0 && (
                      <div className="loads" data-testid="session-loads">
                        {s.loads.map((l) => (
                          <span key={`${l.loadKg}-${l.loadKind}`} className="tag load" title={`${l.reps} ${l.reps === 1 ? 'rep' : 'reps'} carried ${formatLoad(l.loadKg, l.loadKind, unit)}`}>
                            {l.reps} × {formatLoad(l.loadKg, l.loadKind, unit)}
                          </span>
                        ))}
                      </div>
                    )}
                    {s.notes && <div className="note muted">{s.notes}</div>}
                    <SourceLine session={s} />
                  </td>
                  <td className={`num ${s.repsDone < s.plannedReps ? 'short' : ''}`}>
                    {s.repsDone}/{s.plannedReps}
                  </td>
                  <td className="num">{durationClock(s.workSeconds)}</td>
                  <td className="num">
                    {s.estimatedSeconds > 0 ? (
                      <span title={`Includes ${estimatedText(s.estimatedSeconds)}. ${ESTIMATE_RULE}`}>
                        ≈ {durationClock(s.durationSeconds)}
                        <span className="sr-only" data-testid="history-estimated">
                          , includes {estimatedText(s.estimatedSeconds)}
                        </span>
                      </span>
                    ) : (
                      durationClock(s.durationSeconds)
                    )}
                  </td>
                  <td className="num">
                    {s.load === null ? '–' : s.estimatedSeconds > 0 ? `≈ ${Math.round(s.load)}` : Math.round(s.load)}
                  </td>
                  <td className="num">{s.rpe ?? '–'}</td>
                  <RowActions label={`session of ${s.date}`} edit={href({ name: 'session', id: s.id })} onDelete={() => void remove(s)} />
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {items?.some((s) => s.estimatedSeconds > 0) && (
          <p className="muted estimate-note">≈ Duration and load include an estimated walk back down the hill. {ESTIMATE_RULE}</p>
        )}
        {items && items.length < total && (
          <button type="button" className="more" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, total - items.length)} more
          </button>
        )}
      </section>
    </div>
  )
}
