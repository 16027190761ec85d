import { useCallback } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { api } from '../../api'
import { CurrentBlockCard } from '../../components/CurrentBlockCard'
import { BlockVolumeSection } from './BlockVolumeSection'
import { LoadSection } from './LoadSection'
import { type Focus, NextSessionCard } from './NextSessionCard'
import { ProgressSection } from './ProgressSection'
import { useLoad } from '../../api/useLoad'
import { WeightSection } from './WeightSection'
import './dashboard.css'

/** The start screen: where you are in the block, the next session, and how training and body weight are going. */
export function DashboardPage() {
  const today = todayLocal()
  const loadCurrent = useCallback(() => api.blocks.current({ today }), [today])
  const loadBlocks = useCallback(() => api.blocks.list({ today }), [today])
  const loadProtocols = useCallback(() => api.protocols.list({ includeArchived: true }), [])
  const loadLast = useCallback(() => api.sessions.list({ limit: 1, offset: 0 }), [])
  const current = useLoad(loadCurrent)
  const blocks = useLoad(loadBlocks)
  const protocols = useLoad(loadProtocols)
  const last = useLoad(loadLast)

  const ready = current.state !== 'loading' && last.state !== 'loading' && protocols.state !== 'loading'
  const block = current.state === 'ok' ? current.value : null
  const lastSession = last.state === 'ok' ? last.value.items[0] : undefined
  const protocolList = protocols.state === 'ok' ? protocols.value : null
  const nameOf = (id: number) => protocolList?.find((p) => p.id === id)?.name ?? `Protocol ${id}`
  let focus: Focus | null = null
  if (block?.block.protocolId != null) focus = { protocolId: block.block.protocolId, protocolName: nameOf(block.block.protocolId), source: 'block' }
  else if (lastSession?.protocolId != null)
    focus = { protocolId: lastSession.protocolId, protocolName: nameOf(lastSession.protocolId), source: 'last-session' }

  const blockList = blocks.state === 'ok' ? blocks.value : blocks.state === 'error' ? [] : null
  const latest = blockList?.filter((p) => p.status !== 'upcoming').at(-1) ?? blockList?.[0]
  const defaultBlockId = block?.block.id ?? latest?.block.id ?? null

  return (
    <div className="page dashboard">
      <div className="dash-top">
        {current.state === 'loading' ? (
          <section className="card" aria-busy="true">
            <p className="muted">Loading the current block…</p>
          </section>
        ) : (
          <CurrentBlockCard progress={block} />
        )}
        <NextSessionCard focus={focus} loading={!ready} />
      </div>
      <BlockVolumeSection blocks={blockList} defaultBlockId={defaultBlockId} />
      <LoadSection />
      <WeightSection />
      <ProgressSection protocols={protocolList} defaultProtocolId={focus?.protocolId ?? null} />
    </div>
  )
}
