import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react'
import type { Result } from '../../../shared/result'
import { wordError } from '../../../shared/i18n/message'
import { tr, useT } from '../i18n'

export interface ToastAction {
  label: string
  run(): void | Promise<void>
}

interface ToastItem {
  id: number
  message: string
  kind: 'info' | 'error'
  action?: ToastAction | undefined
}

interface ToastApi {
  show(message: string, opts?: { kind?: 'info' | 'error'; action?: ToastAction; ms?: number }): void
}

const ToastContext = createContext<ToastApi>({ show: () => {} })
export const useToast = () => useContext(ToastContext)

/** Transient messages at the bottom of the window. The newest one with an undo action also answers Ctrl/Cmd+Z. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t: tc } = useT('components')
  const [toasts, setToasts] = useState<ToastItem[]>([])
  const nextId = useRef(1)
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>())

  const dismiss = useCallback((id: number) => {
    setToasts((ts) => ts.filter((t) => t.id !== id))
    const timer = timers.current.get(id)
    if (timer) clearTimeout(timer)
    timers.current.delete(id)
  }, [])

  const show = useCallback<ToastApi['show']>(
    (message, opts = {}) => {
      const id = nextId.current++
      // Plain notices replace each other; one pending undo stays beside the newest notice.
      setToasts((ts) => [...ts.filter((t) => t.action).slice(-1), { id, message, kind: opts.kind ?? 'info', action: opts.action }])
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), opts.ms ?? (opts.action ? 10_000 : 4_000))
      )
    },
    [dismiss]
  )

  const runAction = useCallback(
    (t: ToastItem) => {
      dismiss(t.id)
      void t.action?.run()
    },
    [dismiss]
  )

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.key.toLowerCase() !== 'z') return
      const target = e.target as HTMLElement | null
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return
      const last = [...toasts].reverse().find((t) => t.action)
      if (!last) return
      e.preventDefault()
      runAction(last)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [toasts, runAction])

  return (
    <ToastContext.Provider value={{ show }}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
            <span>{t.message}</span>
            {t.action && (
              <button type="button" className="link" onClick={() => runAction(t)}>
                {t.action.label}
              </button>
            )}
            <button type="button" className="icon" aria-label={tc('dismiss')} onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export interface UndoableChange<U> {
  /** Makes the change (a delete, an archive). */
  run(): Promise<Result<unknown>>
  /** The message once it is made; it carries the Undo action. */
  done: string
  /** Reverses the change. */
  undo(): Promise<Result<U>>
  /** The message once undone; none when the screen shows it well enough. */
  undone?: string | ((value: U) => string)
  /** Called after the change and after an undo, whether or not the undo worked (to reload the screen). */
  after?(): void
}

/**
 * A change the runner can take back from its message (or with Ctrl/Cmd+Z). Failures show as error
 * messages. Resolves true when the change was made.
 */
export function useUndoable() {
  const toast = useToast()
  return useCallback(
    async <U,>(c: UndoableChange<U>): Promise<boolean> => {
      const r = await c.run()
      if (!r.ok) {
        toast.show(wordError(r.error), { kind: 'error' })
        return false
      }
      c.after?.()
      toast.show(c.done, {
        action: {
          label: tr('components:undo'),
          run: async () => {
            const back = await c.undo()
            if (!back.ok) toast.show(wordError(back.error), { kind: 'error' })
            else if (c.undone) toast.show(typeof c.undone === 'function' ? c.undone(back.value) : c.undone)
            c.after?.()
          }
        }
      })
      return true
    },
    [toast]
  )
}
