import { useCallback, useRef, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { type NextBlockStart, nextBlockStart } from '../../../../shared/metrics/blockSummary'
import { formatNotation } from '../../../../shared/notation'
import type { Block } from '../../../../shared/training'
import { api } from '../../api'
import { href } from '../../router'
import { useLoad, useReloadBoth, valueOr } from '../../api/useLoad'
import { useToast, useUndoable } from '../../components/Toast'
import { type BlockDraft, type BlockErrors, BlockForm, errorsFromResult, overlapError } from './BlockForm'
import { carriedPlanLead, nextBlockNote, protocolLabel, STATUS_LABEL, weekLabel } from '../../components/blockText'
import { formatDate, useT } from '../../i18n'
import { protocolNameOf } from '../../i18n/builtins'
import { rich } from '../../i18n/rich'

/** The block with its protocol's name as the runner reads it (a built-in one's in the runner's language). */
const named = <B extends Pick<Block, 'protocolUuid' | 'protocolName'>>(b: B): B => ({ ...b, protocolName: protocolNameOf(b.protocolUuid, b.protocolName) })
import { navigate } from '../../router'
import { CurrentBlockCard } from '../../components/CurrentBlockCard'
import './blocks.css'
import { ErrorText } from '../../components/ErrorText'
import { RowActions } from '../../components/RowActions'
import { TableHead } from '../../components/TableHead'

const BLOCK_COLUMNS = [{ label: 'colBlock' }, { label: 'colDates' }, { label: 'colWeeks', num: true }, { label: 'colPerWeek', num: true }, { label: 'colProtocol' }, { label: 'colStatus' }, { label: 'colSessions', num: true }, { label: 'colActions', hidden: true }]

/** The block being edited (null: a new one); for the block that follows a finished one, that block and the prefill. */
type Editing = { block: Block | null; follows?: { block: Block; next: NextBlockStart } } | null

interface Props {
  /** Open the form for the block that follows this finished one (`#/blocks/next/ID`). */
  after?: number | undefined
}

export function BlocksPage({ after }: Props) {
  const { t } = useT('blocks')
  const toast = useToast()
  const undoable = useUndoable()
  // The browser's own date, so the weeks follow the runner's clock and time zone.
  const list = useLoad(useCallback(() => api.blocks.list({ today: todayLocal() }), []))
  const currentLoad = useLoad(useCallback(() => api.blocks.current({ today: todayLocal() }), []))
  const protocolsLoad = useLoad(useCallback(() => api.protocols.list({ includeArchived: true }), []))
  const [editing, setEditing] = useState<Editing>(null)
  const refresh = useReloadBoth(list, currentLoad)
  const blocks = valueOr(list, null)
  const current = valueOr(currentLoad, undefined)
  const protocols = valueOr(protocolsLoad, [])
  const loadError = list.state === 'error' ? list.message : currentLoad.state === 'error' ? currentLoad.message : null
  // "Plan the next block": once the blocks are in, the form opens prefilled from the finished block.
  // (State adjusted while rendering, once per `after`: https://react.dev/learn/you-might-not-need-an-effect)
  const [openedAfter, setOpenedAfter] = useState<number | null>(null)
  if (after !== undefined && blocks !== null && openedAfter !== after) {
    setOpenedAfter(after)
    const finished = blocks.find((p) => p.block.id === after)?.block
    if (finished) setEditing({ block: null, follows: { block: finished, next: nextBlockStart(finished, blocks.map((p) => p.block), todayLocal()) } })
  }
  const followsProtocol = editing?.follows?.block.protocolId ?? null
  const loadCarried = useCallback(() => api.advice.forProtocol({ protocolId: followsProtocol ?? 0, today: todayLocal() }), [followsProtocol])
  const carriedLoad = useLoad(followsProtocol !== null ? loadCarried : null)
  const carried = carriedLoad.state === 'ok' && followsProtocol !== null ? { plan: carriedLoad.value.start, from: carriedLoad.value.startFrom } : null
  /** Where focus goes back to when the form closes. */
  const opener = useRef<HTMLElement | null>(null)
  const newButton = useRef<HTMLButtonElement>(null)

  function open(block: Block | null) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setEditing({ block })
  }

  function close() {
    setEditing(null)
    if (after !== undefined) navigate({ name: 'blocks' })
    const back = opener.current
    opener.current = null
    // The opener may be gone (the empty state's button); fall back to "New block".
    requestAnimationFrame(() => (back?.isConnected ? back : newButton.current)?.focus())
  }

  async function save(draft: BlockDraft): Promise<BlockErrors | null> {
    const target = editing?.block ?? null
    // Checked here first for an instant answer; the back end checks again (another window may have added one).
    const clash = overlapError(draft, blocks?.map((p) => p.block) ?? [], target?.id ?? null)
    if (clash) return { startDate: clash }
    const r = target ? await api.blocks.update({ id: target.id, ...draft }) : await api.blocks.create(draft)
    if (!r.ok) return errorsFromResult(r.error)
    toast.show(t(target ? 'toastSaved' : 'toastCreated', { name: r.value.name }))
    refresh()
    close()
    return null
  }

  async function remove(b: Block): Promise<void> {
    const removed = await undoable({
      run: () => api.blocks.delete({ id: b.id }),
      done: t('toastDeleted', { name: b.name }),
      undo: () => api.blocks.restore({ id: b.id }),
      undone: t('toastRestored', { name: b.name }),
      after: refresh
    })
    if (!removed) return
    if (editing?.block?.id === b.id) setEditing(null)
    newButton.current?.focus()
  }

  // Newest first: upcoming, then the running block, then the finished ones.
  const sorted = blocks ? [...blocks].sort((a, b) => (a.block.startDate < b.block.startDate ? 1 : -1)) : null

  return (
    <div className="page blocks-page">
      {current === undefined && !loadError ? (
        <section className="card block-card" aria-busy="true">
          <p className="muted">{t('loading')}</p>
        </section>
      ) : (
        current !== undefined && <CurrentBlockCard progress={current && { ...current, block: named(current.block) }} onCreate={() => open(null)} />
      )}

      {editing && (
        <BlockForm
          key={editing.block?.id ?? (editing.follows ? `after-${editing.follows.block.id}` : 'new')}
          block={editing.block}
          prefill={
            editing.follows && {
              values: editing.follows.next,
              note: (
                <>
                  <p>{nextBlockNote(named(editing.follows.block), editing.follows.next)}</p>
                  {carried && editing.follows.block.protocolName && (
                    <p>
                      {carriedPlanLead(protocolNameOf(editing.follows.block.protocolUuid, editing.follows.block.protocolName) ?? '', carried)} <code>{formatNotation(carried.plan)}</code>
                    </p>
                  )}
                </>
              )
            }
          }
          protocols={protocols}
          onSubmit={save}
          onCancel={close}
        />
      )}

      <section className="card" aria-labelledby="blocks-heading">
        <header className="card-head">
          <h2 id="blocks-heading">{t('allBlocks')}</h2>
          <div className="head-actions">
            {sorted && <span className="muted">{t('blockCount', { count: sorted.length })}</span>}
            <button ref={newButton} type="button" onClick={() => open(null)} aria-expanded={editing?.block === null}>
              {t('newBlock')}
            </button>
          </div>
        </header>
        <ErrorText>{loadError}</ErrorText>
        {sorted === null ? (
          !loadError && <p className="empty">{t('loading')}</p>
        ) : sorted.length === 0 ? (
          <p className="empty">{t('empty')}</p>
        ) : (
          <div className="table-scroll blocks-scroll">
            <table className="entries blocks-table">
              <TableHead columns={BLOCK_COLUMNS.map((c) => ({ ...c, label: t(c.label) }))} />
              <tbody>
                {sorted.map((p) => (
                  <tr key={p.block.id} data-block-id={p.block.id} className={editing?.block?.id === p.block.id ? 'selected' : undefined}>
                    <th scope="row" className="block-name">
                      <a href={href({ name: 'calendar', id: p.block.id })} title={t('openCalendar')}>
                        {p.block.name}
                      </a>
                    </th>
                    <td className="dates" data-label={t('colDates')}>
                      {rich(t, 'dateRange', { start: <span>{formatDate(p.block.startDate)}</span>, end: <span>{formatDate(p.endDate)}</span> })}
                    </td>
                    <td className="num" data-label={t('colWeeks')}>
                      {p.block.weeks}
                    </td>
                    <td className="num" data-label={t('colPerWeek')}>
                      {p.block.sessionsPerWeek}
                    </td>
                    <td className="protocol" data-label={t('colProtocol')}>
                      {protocolLabel({ ...p, block: named(p.block) })}
                    </td>
                    <td data-label={t('colStatus')}>
                      <span className={`block-status ${p.status}`}>{STATUS_LABEL[p.status]}</span>
                      {p.status !== 'finished' && <span className="status-detail muted">{weekLabel(p)}</span>}
                    </td>
                    <td className="num" data-label={t('colSessions')}>
                      {t('sessionsOf', { done: p.sessionsTotal, planned: p.plannedTotal })}
                      {p.otherTotal > 0 && <div className="muted other-sessions">{t('otherSessions', { count: p.otherTotal })}</div>}
                    </td>
                    <RowActions label={t('rowLabel', { name: p.block.name })} edit={() => open(p.block)} onDelete={() => void remove(p.block)} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}
