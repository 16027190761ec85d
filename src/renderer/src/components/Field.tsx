import type { InputHTMLAttributes, ReactNode } from 'react'
import { ErrorText } from './ErrorText'

/** What a field's control needs to be labelled, marked invalid and described by its error. */
export interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

export interface FieldProps {
  /** The control's id; the label points at it and the error line is `${id}-error`. */
  id: string
  label: ReactNode
  /** The field's problem, shown under it and announced; nothing when there is none. */
  error?: string | null | undefined
  /** Extra layout classes beside `field`: `narrow`, `grow`, … */
  className?: string | undefined
  /** More ids that describe the control (a hint, a live result). */
  describedBy?: string | undefined
  /** Shown between the control and the error, e.g. a hint line. */
  after?: ReactNode
  /** Shown under the error line. */
  below?: ReactNode
  /** Marks the control invalid when its problem is shown elsewhere (in `after`), not in `error`. */
  invalid?: boolean | undefined
  /** Renders the control with the props that wire it to the label and the error. */
  children: (control: ControlProps) => ReactNode
}

/** One form field: the label, the control and its error line, wired together for assistive technology. */
export function Field({ id, label, error, className, describedBy, after, below, invalid, children }: FieldProps) {
  const errorId = `${id}-error`
  const described = [error ? errorId : null, describedBy].filter(Boolean).join(' ') || undefined
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error || invalid ? true : undefined, 'aria-describedby': described })}
      {after}
      <ErrorText id={errorId}>{error}</ErrorText>
      {below}
    </div>
  )
}

/** The input's own attributes; the id and the aria wiring come from the field. */
type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'children' | 'aria-invalid' | 'aria-describedby'>

/** A field whose control is one labelled `<input>`: the field's props, then the input's own. */
export function InputField({
  id,
  label,
  error,
  className,
  describedBy,
  after,
  below,
  invalid,
  inputClassName,
  ...input
}: Omit<FieldProps, 'children'> & InputProps & { inputClassName?: string | undefined }) {
  return (
    <Field id={id} label={label} error={error} className={className} describedBy={describedBy} after={after} below={below} invalid={invalid}>
      {(p) => <input {...p} className={inputClassName} {...input} />}
    </Field>
  )
}
