import { Suspense, useEffect } from 'react'
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/i18n/languages'
import { DISTANCE_UNITS, WEIGHT_UNITS } from '../../shared/units'
import { api, UNAVAILABLE_EVENT } from './api'
import { useLoad, valueOr } from './api/useLoad'
import { ToastProvider } from './components/Toast'
import { RecoveryScreen } from './features/backups/RecoveryScreen'
import { DashboardPage } from './features/dashboard/DashboardPage'
import { href, parseRoute, type Route, useRoute } from './router'
import { ask, askEarly, dropEarly } from './api/early'
import { askDashboardEarly } from './features/dashboard/dashboardLoads'
import { askLogEarly } from './features/log/logLoads'
import { holdChartTurns } from './charts/chartTurns'
import { warmUpCharts } from './charts/warmUp'
import { SettingsProvider, useSettings } from './settings'
import { preloadable } from './preloadable'
import { I18nProvider, systemLanguage, useApplyLanguage, useT } from './i18n'
import { ThemeSwitch, useApplyTheme } from './theme'
import { useWatchDrop } from './features/log/watchDrop'
import { Segmented } from './components/Segmented'

function UnitSwitch() {
  const { settings, update } = useSettings()
  const { t } = useT()
  return <Segmented label={t('weightUnit')} options={WEIGHT_UNITS} value={settings.weightUnit} onChange={(weightUnit) => void update({ weightUnit })} />
}

function DistanceSwitch() {
  const { settings, update } = useSettings()
  const { t } = useT('units')
  return <Segmented label={t('distanceUnit')} options={DISTANCE_UNITS} value={settings.distanceUnit} onChange={(distanceUnit) => void update({ distanceUnit })} />
}

function LanguageSwitch({ current }: { current: (typeof LANGUAGES)[number] }) {
  const { update } = useSettings()
  const { t } = useT()
  return <Segmented label={t('language')} options={LANGUAGES} value={current} onChange={(language) => void update({ language })} text={(l) => LANGUAGE_NAMES[l]} lang={(l) => l} />
}

// The start screen is in the first bundle; the others load after it has painted (or when first opened, if sooner),
// so the dashboard paints sooner and switching screens does not wait for their code.
const LogPage = preloadable(() => import('./features/log/LogPage').then((m) => m.LogPage))
const HistoryPage = preloadable(() => import('./features/history/HistoryPage').then((m) => m.HistoryPage))
const BlocksPage = preloadable(() => import('./features/blocks/BlocksPage').then((m) => m.BlocksPage))
const CalendarPage = preloadable(() => import('./features/blocks/CalendarPage').then((m) => m.CalendarPage))
const ProtocolsPage = preloadable(() => import('./features/protocols/ProtocolsPage').then((m) => m.ProtocolsPage))
const WeightPage = preloadable(() => import('./features/weight/WeightPage').then((m) => m.WeightPage))
const DataPage = preloadable(() => import('./features/data/DataPage').then((m) => m.DataPage))
const TimerPage = preloadable(() => import('./features/timer/TimerPage').then((m) => m.TimerPage))
const LATER_SCREENS = [LogPage, HistoryPage, BlocksPage, CalendarPage, ProtocolsPage, WeightPage, DataPage, TimerPage]

const TABS: { route: Route; label: string }[] = [
  { route: { name: 'dashboard' }, label: 'tabProgress' },
  { route: { name: 'log' }, label: 'tabLog' },
  { route: { name: 'history' }, label: 'tabHistory' },
  { route: { name: 'blocks' }, label: 'tabBlocks' },
  { route: { name: 'protocols' }, label: 'tabProtocols' },
  { route: { name: 'weight' }, label: 'tabWeight' },
  { route: { name: 'data' }, label: 'tabData' }
]

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />
    case 'log':
      return <LogPage key="new" />
    case 'session':
      return <LogPage key={route.id} sessionId={route.id} />
    case 'history':
      return <HistoryPage />
    case 'blocks':
      return <BlocksPage after={route.after} />
    case 'calendar':
      return <CalendarPage key={route.id} blockId={route.id} />
    case 'protocols':
      return <ProtocolsPage />
    case 'weight':
      return <WeightPage />
    case 'data':
      return <DataPage />
    case 'timer':
      return <TimerPage />
  }
}

/**
 * A screen opens: what it shows is asked for now, while it draws (see api/early.ts), and what the last one asked for
 * ahead is dropped. Switching to the dashboard, its charts wait for its answers, so that its figures and cards
 * are not held up behind a chart's task; on the first screen the first chart draws as soon as its answer is in.
 */
function openScreen(route: Route, first = false): Promise<unknown> {
  if (!first) dropEarly()
  // The first screen with charts: recharts' first run falls while its answers are on their way (warmUp.tsx).
  if (first && (route.name === 'dashboard' || route.name === 'weight')) warmUpCharts()
  const answers = route.name === 'dashboard' ? askDashboardEarly(api) : Promise.resolve()
  if (route.name === 'log') askLogEarly(api)
  else if (route.name === 'session') askLogEarly(api, route.id)
  // On a switch the charts wait for the dashboard's answers; another screen ends a hold the dashboard left behind.
  if (!first) holdChartTurns(answers)
  return answers
}

/** The first screen's answers asked for ahead, all in (or the info: when the database is unusable). */
let firstAnswers: Promise<unknown> = Promise.resolve()

/**
 * As the app starts: its info and settings are asked for at once (before its first draw), and the first screen's
 * loads as soon as the info says the database is usable (not once the info has been drawn); else the recovery
 * screen shows.
 */
export function openFirstScreen(): void {
  askEarly(api.settings.get, undefined)
  firstAnswers = askEarly(api.app.info, undefined).then((r) => (r.ok && r.value.database.ok ? openScreen(parseRoute(window.location.hash), true) : r))
}

const appInfo = () => ask(api.app.info, undefined)

function Shell() {
  const route = useRoute(openScreen)
  const current = route.name === 'session' ? 'history' : route.name === 'calendar' ? 'blocks' : route.name
  const infoLoad = useLoad(appInfo)
  const info = valueOr(infoLoad, null)
  const { settings } = useSettings()
  const { t } = useT()
  const language = settings.language ?? systemLanguage(info?.locale)
  useApplyLanguage(language)
  useApplyTheme()
  useWatchDrop()
  // A call that finds the database unusable (damage found while running): ask again, and the recovery screen shows.
  const { reload } = infoLoad
  useEffect(() => {
    window.addEventListener(UNAVAILABLE_EVENT, reload)
    return () => window.removeEventListener(UNAVAILABLE_EVENT, reload)
  }, [reload])
  // Once the first screen's answers are in (its code loading does not hold them up) and the page is idle, the
  // others' code loads while the runner reads it.
  useEffect(() => {
    const later = () => LATER_SCREENS.forEach((s) => s.preload())
    let idle: number | undefined
    let timer: number | undefined
    let live = true
    void firstAnswers.then(() => {
      if (!live) return
      idle = window.requestIdleCallback?.(later, { timeout: 2000 })
      if (idle === undefined) timer = window.setTimeout(later, 500)
    })
    return () => {
      live = false
      if (idle !== undefined) window.cancelIdleCallback(idle)
      if (timer !== undefined) window.clearTimeout(timer)
    }
  }, [])
  const offline = infoLoad.state === 'error' ? infoLoad.message : null
  if (info && !info.database.ok) return <RecoveryScreen info={info} onOpened={reload} />
  // The timer takes the whole window: nothing else on screen while a session runs.
  if (route.name === 'timer')
    return (
      <main className="timer-window">
        <Suspense fallback={<p className="empty">{t('loading')}</p>}>
          <Screen route={route} />
        </Suspense>
      </main>
    )
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ⚡
          </span>
          Sprintlog
        </div>
        <nav aria-label={t('sections')}>
          {TABS.map((tab) => (
            <a
              key={tab.route.name}
              className={current === tab.route.name ? 'tab on' : 'tab'}
              aria-current={current === tab.route.name ? 'page' : undefined}
              href={href(tab.route)}
            >
              {t(tab.label)}
            </a>
          ))}
        </nav>
        <div className="switches">
          <UnitSwitch />
          <DistanceSwitch />
          <LanguageSwitch current={language} />
          <ThemeSwitch />
        </div>
      </header>
      {offline && (
        <div className="banner error" role="alert">
          {offline}
        </div>
      )}
      <main>
        {/* The one h1 of a screen, for screen readers: its section and the app (the screens' own titles are h2). */}
        <h1 className="sr-only">{t('screenHeading', { section: t(TABS.find((tab) => tab.route.name === current)?.label ?? 'tabProgress') })}</h1>
        {info && (
          <Suspense fallback={<p className="empty">{t('loading')}</p>}>
            <Screen route={route} />
          </Suspense>
        )}
      </main>
      <footer className="footer">
        {info ? (
          <>
            {t('footerPrefix', { version: info.version })} <code title={info.databasePath}>{info.databasePath}</code>
          </>
        ) : null}
      </footer>
    </div>
  )
}

export function App() {
  return (
    <I18nProvider>
      <SettingsProvider>
        <ToastProvider>
          <Shell />
        </ToastProvider>
      </SettingsProvider>
    </I18nProvider>
  )
}
