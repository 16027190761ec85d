import { useT } from '../i18n'

interface Props {
  /** Names the row in the buttons' accessible names: “Edit …” and “Delete …”. */
  label: string
  /** Opens the row's editor: a handler, or the address of the screen that edits it. */
  edit: (() => void) | string
  onDelete(): void
}

/** The Edit and Delete actions at the end of a list's row. */
export function RowActions({ label, edit, onDelete }: Props) {
  const { t } = useT('components')
  return (
    <td className="row-actions">
      {typeof edit === 'string' ? (
        <a className="button" href={edit} aria-label={t('editLabel', { label })}>
          {t('edit')}
        </a>
      ) : (
        <button type="button" onClick={edit} aria-label={t('editLabel', { label })}>
          {t('edit')}
        </button>
      )}
      <button type="button" className="danger" onClick={onDelete} aria-label={t('deleteLabel', { label })}>
        {t('delete')}
      </button>
    </td>
  )
}
