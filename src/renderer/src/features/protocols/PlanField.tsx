import { durationNotation } from '../../../../shared/duration'
import type { NotationError } from '../../../../shared/notation'
import type { RepeatGroup } from '../../../../shared/training'
import { InputField } from '../../components/Field'
import type { ProtocolFormModel } from './useProtocolForm'
import { formatNumber, tr, useT } from '../../i18n'
import { rich } from '../../i18n/rich'
import { wordError } from '../../../../shared/i18n/message'

export const EXAMPLE = '6x20s @max / 2m walk'
/** The same plan, and a hill group, as a runner may write them in Chinese. */
export const CHINESE_EXAMPLE = '6×20秒 @最大 / 2分钟走 + 4×30秒 坡道 / 走下坡'

/** One line about a valid plan: how many reps and how much hard work. */
function planSummary(groups: readonly RepeatGroup[]): string {
  const reps = groups.reduce((n, g) => n + g.count, 0)
  const parts = [tr('protocols:summaryReps', { count: reps })]
  if (groups.every((g) => g.workSeconds !== null)) parts.push(tr('protocols:summaryWorkTime', { time: durationNotation(groups.reduce((s, g) => s + g.count * (g.workSeconds ?? 0), 0)) }))
  else if (groups.every((g) => g.workMeters !== null)) parts.push(tr('protocols:summaryWorkMeters', { meters: formatNumber(groups.reduce((s, g) => s + g.count * (g.workMeters ?? 0), 0)) }))
  if (groups.length > 1) parts.push(tr('protocols:summaryGroups', { count: groups.length }))
  return parts.join(' · ')
}

/** The notation as typed, with the part the error is about marked. */
function MarkedNotation({ text, error }: { text: string; error: NotationError }) {
  const start = Math.max(0, Math.min(error.start, text.length))
  const end = Math.max(start, Math.min(error.end, text.length))
  const bad = text.slice(start, end)
  return (
    <code className="notation-echo" aria-hidden={text.trim() === '' ? true : undefined}>
      {text.slice(0, start)}
      <mark className={bad.trim() === '' ? 'gap' : undefined}>{bad === '' ? '\u00a0' : bad}</mark>
      {text.slice(end)}
    </code>
  )
}

/**
 * The plan in the notation: what the parser cannot read is marked in the text and explained under it, the
 * back end's word on the plan follows, then a summary of a plan it can read and how to write one.
 */
export function PlanField({ m }: { m: ProtocolFormModel }) {
  const { t, lang } = useT('protocols')
  const { fid, form, parsed, notationError } = m
  const problemId = fid('plan-problem')
  const hintId = fid('plan-hint')
  return (
    <InputField
      id={fid('plan')}
      label={t('planLabel')}
      className="plan-field"
      error={m.errors.plan}
      invalid={notationError !== null}
      describedBy={[notationError ? problemId : null, hintId].filter(Boolean).join(' ')}
      after={
        notationError && (
          <div id={problemId} className="notation-error" role="alert">
            <MarkedNotation text={form.text} error={notationError} />
            <p className="error">{wordError(notationError)}</p>
          </div>
        )
      }
      below={
        <p id={hintId} className="hint">
          {parsed.ok ? <span className="plan-summary">{t('summarySentence', { summary: planSummary(parsed.groups) })}</span> : null}
          {rich(t, 'planHelp', {
            at: <code>@</code>,
            speed: <code>@12kmh</code>,
            hill: <code>hill</code>,
            incline: <code>incline 5%</code>,
            load: <code>+10kg vest</code>,
            slash: <code>/</code>,
            example: <code>{EXAMPLE}</code>,
            plus: <code>+</code>
          })}
          {lang === 'zh-CN' && <> {rich(t, 'planHelpChinese', { example: <code lang="zh-CN">{CHINESE_EXAMPLE}</code> })}</>}
        </p>
      }
      name="notation"
      inputClassName="notation-input"
      autoComplete="off"
      spellCheck={false}
      placeholder={t('planPlaceholder', { example: EXAMPLE })}
      value={form.text}
      onChange={(e) => m.changeText(e.target.value)}
    />
  )
}
