/**
 * Files dropped anywhere on the window go to Log session: `useWatchDrop` (in the app shell) takes the drop, keeps
 * the files here and opens Log session, whose watch import takes them (`takeDropped`, `WATCH_DROP_EVENT`).
 */
import { useEffect } from 'react'
import { navigate } from '../../router'

export const WATCH_DROP_EVENT = 'sprintlog:watch-drop'

let dropped: File[] = []

/** The files dropped and not yet taken (taking them empties the store). */
export function takeDropped(): File[] {
  const out = dropped
  dropped = []
  return out
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')

/** Window-wide drag and drop of watch files (a drop on a file control of its own is left to it). */
export function useWatchDrop(): void {
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!hasFiles(e) || (e.target instanceof HTMLInputElement && e.target.type === 'file')) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || (e.target instanceof HTMLInputElement && e.target.type === 'file')) return
      e.preventDefault()
      const files = Array.from(e.dataTransfer?.files ?? [])
      if (files.length === 0) return
      dropped = files
      if (!/^#\/?log\b/.test(window.location.hash)) navigate({ name: 'log' })
      window.dispatchEvent(new Event(WATCH_DROP_EVENT))
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])
}
