import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain'
import { fail, type Result } from '../../shared/result'
import { api } from './api'
import { ask } from './api/early'

interface SettingsState {
  settings: Settings
  loaded: boolean
  /** Saves a change; the answer is the back end's, so a form can show a refusal. */
  update(patch: Partial<Settings>): Promise<Result<Settings>>
}

const notReady = async (): Promise<Result<Settings>> => fail('unavailable', 'The settings are not loaded yet.')
const SettingsContext = createContext<SettingsState>({ settings: DEFAULT_SETTINGS, loaded: false, update: notReady })

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS)
  const [loaded, setLoaded] = useState(false)
  useEffect(() => {
    void ask(api.settings.get, undefined).then((r) => {
      if (r.ok) setSettings(r.value)
      setLoaded(true)
    })
  }, [])
  const update = useCallback(async (patch: Partial<Settings>) => {
    const r = await api.settings.update(patch)
    if (r.ok) setSettings(r.value)
    return r
  }, [])
  return <SettingsContext.Provider value={{ settings, loaded, update }}>{children}</SettingsContext.Provider>
}

export const useSettings = () => useContext(SettingsContext)
