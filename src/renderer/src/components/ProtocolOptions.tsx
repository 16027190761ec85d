import type { Protocol } from '../../../shared/training'
import { useT } from '../i18n'

/** A protocol select's options, one per protocol by name; an archived one says so. */
export function ProtocolOptions({ protocols }: { protocols: readonly Pick<Protocol, 'id' | 'name' | 'archived'>[] }) {
  const { t } = useT('components')
  return protocols.map((p) => (
    <option key={p.id} value={p.id}>
      {p.archived ? t('archivedOption', { name: p.name }) : p.name}
    </option>
  ))
}
