import type { ReactNode } from 'react'

/** A problem, shown where it happened and announced as it appears; nothing when there is none. */
export function ErrorText({ id, children }: { id?: string | undefined; children: ReactNode }) {
  if (children === undefined || children === null || children === false || children === '') return null
  return (
    <p id={id} className="error" role="alert">
      {children}
    </p>
  )
}
