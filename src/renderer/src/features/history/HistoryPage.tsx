import { useCallback, useId, useState } from 'react'
import type { SessionSummary } from '../../../../shared/contract'
import { isLocalDate } from '../../../../shared/dates'
import { estimatedText, estimateRule } from '../../components/estimateText'
import { durationClock } from '../../../../shared/duration'
import { loadInUnit, type WeightUnit } from '../../../../shared/units'
import { useSettings } from '../../settings'
import { api } from '../../api'
import { useLoad, valueOr } from '../../api/useLoad'
import { useUndoable } from '../../components/Toast'
import { href } from '../../router'
import './history.css'
import { DateField } from '../../components/DateField'
import { ErrorText } from '../../components/ErrorText'
import { RowActions } from '../../components/RowActions'
import { TableHead } from '../../components/TableHead'
import { formatDate, formatDistance, formatNumber, tr, useT } from '../../i18n'
import { protocolName, protocolNameById } from '../../i18n/builtins'
import { SourceLine } from '../log/SourceLine'

type T = ReturnType<typeof useT>['t']

const sessionColumns = (t: T) => [
  { label: t('colDate') },
  { label: t('colProtocol') },
  { label: t('colReps'), num: true },
  { label: t('colWork'), num: true },
  { label: t('colDistance'), num: true },
  { label: t('colDuration'), num: true },
  { label: t('colLoad'), num: true },
  { label: t('colRpe'), num: true },
  { label: t('colActions'), hidden: true }
]

/** A load the reps carried, in the runner's unit and words: `+9.98 kg vest`. */
const loadText = (t: T, kg: number, kind: string, unit: WeightUnit) =>
  t('loadAmount', { amount: formatNumber(loadInUnit(kg, unit), 2), unit, kind: tr(`log:loadKind-${kind}`) })

const PAGE = 50

/** A list date that may break after the year in a narrow window (`2026年` / `11月30日`), nowhere else. */
function DateText({ date }: { date: string }) {
  const text = formatDate(date)
  const year = text.indexOf('年')
  if (year < 0) return <>{text}</>
  return (
    <>
      {text.slice(0, year + 1)}
      <wbr />
      {text.slice(year + 1)}
    </>
  )
}

export function HistoryPage() {
  const { t } = useT('history')
  const columns = sessionColumns(t)
  const id = useId()
  const undoable = useUndoable()
  const { weightUnit: unit, distanceUnit } = useSettings().settings
  const [protocolId, setProtocolId] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [shown, setShown] = useState(PAGE)
  const protocols = valueOr(useLoad(useCallback(() => api.protocols.list({ includeArchived: true }), [])), [])

  const rangeError = from && to && from > to ? t('rangeError') : null

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
      done: t('toastDeleted', { date: formatDate(s.date) }),
      undo: () => api.sessions.restore({ id: s.id }),
      after: refresh
    })
  }

  const filtered = protocolId !== '' || from !== '' || to !== ''

  return (
    <div className="page history-page">
      <section className="card" aria-labelledby={`${id}-h`}>
        <header className="card-head">
          <h2 id={`${id}-h`}>{t('heading')}</h2>
          <span className="muted" data-testid="history-total">
            {t('total', { count: total })}
          </span>
        </header>
        <div className="fields filters" role="search">
          <div className="field">
            <label htmlFor={`${id}-p`}>{t('filterProtocol')}</label>
            <select id={`${id}-p`} value={protocolId} onChange={(e) => (setProtocolId(e.target.value), setShown(PAGE))}>
              <option value="">{t('allSessions')}</option>
              <option value="none">{t('freeFormOnly')}</option>
              {protocols.map((p) => (
                <option key={p.id} value={p.id}>
                  {protocolName(p)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('from')}</label>
            <DateField id={`${id}-from`} value={from} onChange={(v) => (setFrom(v), setShown(PAGE))} aria-invalid={rangeError ? true : undefined} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('to')}</label>
            <DateField id={`${id}-to`} value={to} onChange={(v) => (setTo(v), setShown(PAGE))} aria-invalid={rangeError ? true : undefined} />
          </div>
          {filtered && (
            <div className="field actions">
              <button type="button" onClick={() => (setProtocolId(''), setFrom(''), setTo(''))}>
                {t('clearFilters')}
              </button>
            </div>
          )}
        </div>
        <ErrorText>{rangeError}</ErrorText>
        <ErrorText>{error}</ErrorText>

        {items === null ? (
          <p className="empty">{t('common:loading')}</p>
        ) : items.length === 0 ? (
          <p className="empty">
            {filtered ? t('noMatch') : t('noSessions')}
            {!filtered && (
              <>
                {' '}
                <a href={href({ name: 'log' })}>{t('logFirst')}</a>
              </>
            )}
          </p>
        ) : (
          <table className="entries sessions">
            <TableHead columns={columns} />
            <tbody>
              {items.map((s) => (
                <tr key={s.id} data-session-id={s.id}>
                  <td>
                    <a href={href({ name: 'session', id: s.id })}>
                      <DateText date={s.date} />
                    </a>
                    {s.startTime && <span className="muted"> {s.startTime}</span>}
                  </td>
                  <td>
                    {protocolNameById(protocols, s.protocolId, s.protocolName) ?? <span className="muted">{t('freeForm')}</span>}
                    {s.couldNotRecover && (
                      <span className="tag" title={t('couldNotRecoverTitle')}>
                        {t('couldNotRecoverTag')}
                      </span>
                    )}
                    {s.loads.length > 0 && (
                      <div className="loads" data-testid="session-loads">
                        {s.loads.map((l) => (
                          <span key={`${l.loadKg}-${l.loadKind}`} className="tag load" title={t('loadTitle', { reps: l.reps, load: loadText(t, l.loadKg, l.loadKind, unit) })}>
                            {t('loadTag', { reps: l.reps, load: loadText(t, l.loadKg, l.loadKind, unit) })}
                          </span>
                        ))}
                      </div>
                    )}
                    {s.notes && <div className="note muted">{s.notes}</div>}
                    <SourceLine session={s} />
                  </td>
                  <td className={`num ${s.repsDone < s.plannedReps ? 'short' : ''}`} data-label={columns[2]?.label}>
                    {t('repsOfPlanned', { done: s.repsDone, planned: s.plannedReps })}
                  </td>
                  <td className="num" data-label={columns[3]?.label}>
                    {durationClock(s.workSeconds)}
                  </td>
                  <td className="num" data-label={columns[4]?.label} data-testid="history-distance">
                    {s.distanceMeters > 0 ? formatDistance(s.distanceMeters, distanceUnit) : '–'}
                  </td>
                  <td className="num" data-label={columns[5]?.label}>
                    {s.estimatedSeconds > 0 ? (
                      <span title={t('includesTitle', { estimate: estimatedText(s.estimatedSeconds), rule: estimateRule() })}>
                        {t('approx', { value: durationClock(s.durationSeconds) })}
                        <span className="sr-only" data-testid="history-estimated">
                          {t('includesSr', { estimate: estimatedText(s.estimatedSeconds) })}
                        </span>
                      </span>
                    ) : (
                      durationClock(s.durationSeconds)
                    )}
                  </td>
                  <td className="num" data-label={columns[6]?.label}>
                    {s.load === null ? '–' : s.estimatedSeconds > 0 ? t('approx', { value: formatNumber(Math.round(s.load)) }) : formatNumber(Math.round(s.load))}
                  </td>
                  <td className="num" data-label={columns[7]?.label}>
                    {s.rpe === null ? '–' : formatNumber(s.rpe, 1)}
                  </td>
                  <RowActions label={t('rowLabel', { date: formatDate(s.date) })} edit={href({ name: 'session', id: s.id })} onDelete={() => void remove(s)} />
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {items?.some((s) => s.estimatedSeconds > 0) && (
          <p className="muted estimate-note">{t('estimateNote', { rule: estimateRule() })}</p>
        )}
        {items && items.length < total && (
          <button type="button" className="more" onClick={() => setShown((n) => n + PAGE)}>
            {t('showMore', { count: Math.min(PAGE, total - items.length) })}
          </button>
        )}
      </section>
    </div>
  )
}
