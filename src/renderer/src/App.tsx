import { useEffect, useState } from 'react'
import type { AppInfo } from '../../shared/domain'
import { WEIGHT_UNITS } from '../../shared/units'
import { api } from './api'
import { ToastProvider } from './components/Toast'
import { WeightPage } from './features/weight/WeightPage'
import { SettingsProvider, useSettings } from './settings'

function UnitSwitch() {
  const { settings, update } = useSettings()
  return (
    <div className="segmented" role="radiogroup" aria-label="Weight unit">
      {WEIGHT_UNITS.map((u) => (
        <button
          key={u}
          type="button"
          role="radio"
          aria-checked={settings.weightUnit === u}
          className={settings.weightUnit === u ? 'on' : ''}
          onClick={() => void update({ weightUnit: u })}
        >
          {u}
        </button>
      ))}
    </div>
  )
}

function Shell() {
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [offline, setOffline] = useState<string | null>(null)
  useEffect(() => {
    void api.app.info().then((r) => (r.ok ? setInfo(r.value) : setOffline(r.error.message)))
  }, [])
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ⚡
          </span>
          Sprintlog
        </div>
        <nav aria-label="Sections">
          <a className="tab on" aria-current="page" href="#weight">
            Body weight
          </a>
        </nav>
        <UnitSwitch />
      </header>
      {offline && (
        <div className="banner error" role="alert">
          {offline}
        </div>
      )}
      <main>
        <WeightPage />
      </main>
      <footer className="footer">
        {info ? (
          <>
            Sprintlog {info.version} · data in <code title={info.databasePath}>{info.databasePath}</code>
          </>
        ) : null}
      </footer>
    </div>
  )
}

export function App() {
  return (
    <SettingsProvider>
      <ToastProvider>
        <Shell />
      </ToastProvider>
    </SettingsProvider>
  )
}
