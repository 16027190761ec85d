/** The watch file a session was logged from: its file name and the device that recorded it. */
import { useCallback } from 'react'
import type { Session } from '../../../../shared/training'
import { api } from '../../api'
import { useLoad } from '../../api/useLoad'
import { useT } from '../../i18n'

export function SourceLine({ session }: { session: Pick<Session, 'sourceFileName' | 'sourceDevice'> }) {
  const { t } = useT('watch')
  if (!session.sourceFileName) return null
  return (
    <div className="note muted source-line" data-testid="session-source">
      {session.sourceDevice ? t('sourceLineDevice', { file: session.sourceFileName, device: session.sourceDevice }) : t('sourceLine', { file: session.sourceFileName })}
    </div>
  )
}

/** The source line of a saved session, on its own page (the session is read once more for it). */
export function SessionSource({ sessionId }: { sessionId: number }) {
  const load = useCallback(() => api.sessions.get({ id: sessionId }), [sessionId])
  const s = useLoad(load)
  return s.state === 'ok' ? <SourceLine session={s.value} /> : null
}
