import type { ChangeEvent } from 'react'
import type { AppError } from '../../../../shared/result'
import { type Protocol, type ProtocolDraft, type Terrain, TERRAINS } from '../../../../shared/training'
import { Field, InputField } from '../../components/Field'
import { GroupFields } from './GroupFields'
import { PlanField } from './PlanField'
import { useProtocolForm } from './useProtocolForm'
import { useT } from '../../i18n'

export type { ProtocolDraft }

interface Props {
  /** The protocol being edited, or null for a new one. */
  protocol: Protocol | null
  title: string
  className?: string
  onSave(draft: ProtocolDraft): Promise<AppError | null>
  onCancel(): void
}

/** The protocol form, section by section; the state lives in useProtocolForm. */
export function ProtocolForm({ protocol, title, className, onSave, onCancel }: Props) {
  const { t } = useT('protocols')
  const m = useProtocolForm({ protocol, onSave, onCancel })
  const { fid, form, errors } = m
  /** The wiring of one text input: its id, its error, and its value in the form. */
  const text = (key: 'name' | 'sourceNote') => ({
    id: fid(key),
    error: errors[key],
    name: key,
    value: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => m.set(key, e.target.value)
  })
  return (
    <form className={`protocol-form ${className ?? ''}`} onSubmit={m.submit} onKeyDown={m.onKeyDown} noValidate aria-label={title}>
      <h2>{title}</h2>
      <div className="fields">
        <InputField label={t('name')} className="grow" autoComplete="off" placeholder={t('namePlaceholder')} autoFocus {...text('name')} />
        <Field id={fid('terrain')} label={t('terrain')} error={errors.terrain}>
          {(p) => (
            <select {...p} name="terrain" value={form.terrain} onChange={(e) => m.set('terrain', e.target.value as Terrain)}>
              {TERRAINS.map((terrain) => (
                <option key={terrain} value={terrain}>
                  {t(`terrain_${terrain}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <PlanField m={m} />

      {form.multi ? <p className="hint group-hint">{t('multiHint')}</p> : <GroupFields m={m} />}

      <div className="fields">
        <Field id={fid('description')} label={t('description')} className="grow" error={errors.description}>
          {(p) => (
            <textarea
              {...p}
              name="description"
              rows={3}
              value={form.description}
              onChange={(e) => m.set('description', e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault()
                  e.currentTarget.form?.requestSubmit()
                }
              }}
            />
          )}
        </Field>
        <InputField label={t('sourceNote')} className="grow" autoComplete="off" placeholder={t('sourcePlaceholder')} {...text('sourceNote')} />
      </div>

      {errors.form && (
        <p className="error form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button id={fid('save')} type="submit" className="primary" disabled={m.busy}>
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <span className="hint">{t('keysHint')}</span>
      </div>
    </form>
  )
}
