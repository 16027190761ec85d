import { type InputHTMLAttributes, type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { todayLocal, type LocalDate } from '../../../shared/dates'
import { formatDate, useT } from '../i18n'
import { readDateText, stepDate, stepOfKey } from './dateText'
import { ErrorText } from './ErrorText'
import { Field, type FieldProps } from './Field'
import './DateField.css'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'defaultValue' | 'onChange' | 'min' | 'max' | 'children'>

export interface DateFieldProps extends InputProps {
  /** The date, `YYYY-MM-DD`, or '' for none. */
  value: LocalDate | ''
  /** Called with a date the runner typed, stepped to or picked (or '' when the text was cleared). */
  onChange(value: LocalDate | ''): void
  min?: LocalDate | undefined
  max?: LocalDate | undefined
}

/** An example of the lists' form, for the field's problem: `22 Nov 2026` / `2026年11月22日`. */
const EXAMPLE: LocalDate = '2026-11-22'

/**
 * A date field that shows the date as the lists write it (`22 Nov 2026` / `2026年11月22日`) and reads what the
 * runner types on blur or Enter (Enter then submits the form as usual): ISO, either list form, `22/11/2026`,
 * `2026/11/22`, `22.11.2026` (dateText.ts). ArrowUp/ArrowDown move a day, PageUp/PageDown a month; the calendar
 * button opens the browser's own date picker. A text that cannot be read shows the problem under the field and
 * keeps the date it had. The text input carries the id, the label's wiring and `data-value` (the ISO date).
 */
export function DateField({ value, onChange, min, max, onBlur, onKeyDown, disabled, className, ...input }: DateFieldProps) {
  const { t, lang } = useT('units')
  const shown = value ? formatDate(value) : ''
  const [text, setText] = useState(shown)
  const [problem, setProblem] = useState<string | null>(null)
  const picker = useRef<HTMLInputElement>(null)
  const textInput = useRef<HTMLInputElement>(null)
  const unreadable = useRef(false)

  // A date set from outside (a reset, Today, the picker) or a language switch shows in the lists' form.
  const [was, setWas] = useState({ shown, lang })
  if (was.shown !== shown || was.lang !== lang) {
    setWas({ shown, lang })
    setText(shown)
    setProblem(null)
  }

  /** Reads the text; true when it held a date (or nothing), which is then the field's value. */
  const commit = (): boolean => {
    // Bounds are the form's to word (`The date is in the future.`): a typed date goes to it as it is; the keys
    // and the picker stay within min and max.
    const r = readDateText(text)
    unreadable.current = !r.ok
    if (!r.ok) {
      setProblem(t('dateUnreadable', { example: formatDate(EXAMPLE) }))
      return false
    }
    setProblem(null)
    if (r.value !== value) onChange(r.value)
    // The same date typed another way shows in the lists' form again.
    setText(r.value ? formatDate(r.value) : '')
    return true
  }

  // A date set from outside replaces a text that could not be read.
  useEffect(() => {
    unreadable.current = false
  }, [shown, lang])

  // While the text cannot be read, the form it sits in is not sent (a click on Save reads the field first, on blur).
  useEffect(() => {
    const form = textInput.current?.form
    if (!form) return
    const guard = (e: Event) => {
      if (!unreadable.current) return
      e.preventDefault()
      e.stopImmediatePropagation()
      textInput.current?.focus()
    }
    form.addEventListener('submit', guard)
    return () => form.removeEventListener('submit', guard)
  }, [])

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(e)
    if (e.defaultPrevented) return
    if (e.key === 'Enter') {
      // The value is in place before the form's submit handler reads it; a text that cannot be read stops the submit.
      let ok = true
      flushSync(() => {
        ok = commit()
      })
      if (!ok) {
        e.preventDefault()
        e.stopPropagation()
      }
      return
    }
    const step = stepOfKey(e.key)
    if (!step || e.altKey || e.ctrlKey || e.metaKey) return
    e.preventDefault()
    const typed = readDateText(text)
    const from = typed.ok && typed.value ? typed.value : value || todayLocal()
    const next = stepDate(from, step, min, max)
    unreadable.current = false
    setProblem(null)
    setText(formatDate(next))
    if (next !== value) onChange(next)
  }

  const openPicker = () => {
    const el = picker.current
    if (!el) return
    try {
      el.showPicker()
    } catch {
      el.focus()
      el.click()
    }
  }

  const problemId = input.id ? `${input.id}-unreadable` : undefined
  const describedBy = [input['aria-describedby'], problem ? problemId : null].filter(Boolean).join(' ') || undefined
  return (
    <>
      <span className={className ? `date-field ${className}` : 'date-field'}>
        <input
          {...input}
          ref={textInput}
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          value={text}
          disabled={disabled}
          data-value={value}
          aria-invalid={problem ? true : input['aria-invalid']}
          aria-describedby={describedBy}
          onChange={(e) => setText(e.target.value)}
          onBlur={(e) => {
            commit()
            onBlur?.(e)
          }}
          onKeyDown={keyDown}
        />
        <button type="button" className="date-pick" onClick={openPicker} disabled={disabled}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.5" fill="none" />
          </svg>
          <span className="sr-only">{t('chooseDate')}</span>
        </button>
        <input
          ref={picker}
          type="date"
          className="date-native"
          tabIndex={-1}
          aria-hidden="true"
          value={value}
          min={min}
          max={max}
          disabled={disabled}
          onChange={(e) => {
            const v = e.target.value
            if (!v) return
            unreadable.current = false
            setProblem(null)
            setText(formatDate(v))
            if (v !== value) onChange(v)
          }}
        />
      </span>
      <ErrorText id={problemId}>{problem}</ErrorText>
    </>
  )
}

/** A labelled date field: the field's label, error and wiring (Field) around a DateField. */
export function DateInputField({
  id,
  label,
  error,
  className,
  describedBy,
  after,
  below,
  invalid,
  ...date
}: Omit<FieldProps, 'children'> & Omit<DateFieldProps, 'id' | 'aria-invalid' | 'aria-describedby'>) {
  return (
    <Field id={id} label={label} error={error} className={className} describedBy={describedBy} after={after} below={below} invalid={invalid}>
      {(p) => <DateField {...p} {...date} />}
    </Field>
  )
}
