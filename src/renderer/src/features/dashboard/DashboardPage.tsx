import { useCallback, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { api } from '../../api'
import { ask } from '../../api/early'
import { CurrentBlockCard } from '../../components/CurrentBlockCard'
import { useUndoable } from '../../components/Toast'
import { useT } from '../../i18n'
import { protocolNameById } from '../../i18n/builtins'
import { BlockVolumeSection } from './BlockVolumeSection'
import { FinishedBlockCard } from './FinishedBlockCard'
import { LoadSection } from './LoadSection'
import { type Focus, NextSessionCard } from './NextSessionCard'
import { ProgressSection } from './ProgressSection'
import { useLoad } from '../../api/useLoad'
import { WeightSection } from './WeightSection'
import { currentOf, dashboardChoice, defaultBlockOf } from './dashboardLoads'
import { LAST_SESSION_INPUT, PROTOCOLS_INPUT } from '../../api/inputs'
import './dashboard.css'

/** The start screen: where you are in the block, the next session, and how training and body weight are going. */
export function DashboardPage() {
  const { t } = useT('dashboard')
  const today = todayLocal()
  const undoable = useUndoable()
  const loadFinished = useCallback(() => ask(api.blocks.finished, { today }), [today])
  const loadBlocks = useCallback(() => ask(api.blocks.list, { today }), [today])
  const loadProtocols = useCallback(() => ask(api.protocols.list, PROTOCOLS_INPUT), [])
  const loadLast = useCallback(() => ask(api.sessions.list, LAST_SESSION_INPUT), [])
  const finished = useLoad(loadFinished)
  const blocks = useLoad(loadBlocks)
  const protocols = useLoad(loadProtocols)
  const last = useLoad(loadLast)
  const [dismissing, setDismissing] = useState(false)

  const ready = blocks.state !== 'loading' && last.state !== 'loading' && protocols.state !== 'loading'
  const ended = finished.state === 'ok' ? finished.value : null
  const lastSession = last.state === 'ok' ? last.value.items[0] : undefined
  const protocolList = protocols.state === 'ok' ? protocols.value : null
  const blockList = blocks.state === 'ok' ? blocks.value : blocks.state === 'error' ? [] : null
  const block = blockList && currentOf(blockList)
  const choice = protocolList && blockList ? dashboardChoice(blockList, lastSession?.protocolId ?? null, protocolList, today) : null
  const focus: Focus | null = choice && {
    protocolId: choice.protocolId,
    protocolName: protocolNameById(protocolList, choice.protocolId, null) ?? t('protocolN', { id: choice.protocolId }),
    source: choice.source,
    blockName: choice.block?.name ?? null
  }

  const defaultBlockId = defaultBlockOf(block, blockList)

  /** Hides the finished block's card (a setting, so it stays hidden), with Undo. */
  async function dismiss(b: { uuid: string; name: string }) {
    setDismissing(true)
    await undoable({
      run: () => api.settings.update({ dismissedBlockSummary: b.uuid }),
      done: t('dismissed', { name: b.name }),
      undo: () => api.settings.update({ dismissedBlockSummary: null }),
      undone: t('dismissUndone', { name: b.name }),
      after: finished.reload
    })
    setDismissing(false)
  }

  return (
    <div className="page dashboard">
      <div className="dash-top">
        {blocks.state === 'loading' || finished.state === 'loading' ? (
          <section className="card" aria-busy="true">
            <p className="muted">{t('loadingBlock')}</p>
          </section>
        ) : ended ? (
          <FinishedBlockCard finished={ended} busy={dismissing} onDismiss={() => void dismiss(ended.summary.block)} />
        ) : (
          <CurrentBlockCard progress={block} />
        )}
        <NextSessionCard focus={focus} loading={!ready} />
      </div>
      <BlockVolumeSection blocks={blockList} defaultBlockId={defaultBlockId} />
      {/* The protocol shown first is chosen once the answers it depends on are all in. */}
      <LoadSection />
      <WeightSection />
      <ProgressSection protocols={ready ? protocolList : null} defaultProtocolId={focus?.protocolId ?? null} />
    </div>
  )
}
