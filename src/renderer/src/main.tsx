import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, openFirstScreen } from './App'
import { i18n, systemLanguage } from './i18n'
import './i18n/errors'
import './styles.css'

// The first paint speaks the browser's language; the saved setting (or the desktop's locale) follows at once.
void i18n.changeLanguage(systemLanguage(null))
document.documentElement.lang = i18n.language

openFirstScreen()
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>
)
