import { type ReactNode, useId, useState } from 'react'
import { useT } from '../../i18n'

interface Props {
  title: string
  /** One line under the title: what the chart shows and how it is computed. */
  note?: ReactNode
  /** Shown instead of the chart and the table when there is nothing to draw. */
  empty?: ReactNode
  loading?: boolean
  /** Why the data could not be loaded; shown, as an error, instead of the chart and the table. */
  error?: string | null | undefined
  chart: () => ReactNode
  table: () => ReactNode
  /** Extra controls in the header (selectors). */
  controls?: ReactNode
  testId?: string
}

/** One chart with a heading, a "Show as table" toggle and an empty state. */
export function ChartPanel({ title, note, empty, loading, error, chart, table, controls, testId }: Props) {
  const { t } = useT('charts')
  const id = useId()
  const [asTable, setAsTable] = useState(false)
  const showToggle = !error && !empty && !loading
  return (
    <section className="chart-panel" aria-labelledby={`${id}-t`} data-testid={testId} aria-busy={loading || undefined}>
      <header className="panel-head">
        <h3 id={`${id}-t`}>{title}</h3>
        <div className="panel-controls">
          {controls}
          {showToggle && (
            <button type="button" className="link" aria-controls={`${id}-body`} onClick={() => setAsTable((v) => !v)}>
              {asTable ? t('showChart') : t('showTable')}
            </button>
          )}
        </div>
      </header>
      {note && <p className="panel-note">{note}</p>}
      <div id={`${id}-body`}>
        {loading ? (
          <p className="empty">{t('dashboard:loading')}</p>
        ) : error ? (
          <div className="empty">
            <span className="error">{error}</span>
          </div>
        ) : empty ? (
          <div className="empty">{empty}</div>
        ) : asTable ? (
          table()
        ) : (
          chart()
        )}
      </div>
    </section>
  )
}
