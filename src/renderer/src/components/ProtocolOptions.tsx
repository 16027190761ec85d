import type { Protocol } from '../../../shared/training'
import { useT } from '../i18n'
import { protocolName } from '../i18n/builtins'

/** A protocol select's options, one per protocol by name (a built-in one's in the runner's language); an archived one says so. */
export function ProtocolOptions({ protocols }: { protocols: readonly Pick<Protocol, 'id' | 'uuid' | 'name' | 'archived'>[] }) {
  const { t } = useT('protocols')
  return protocols.map((p) => (
    <option key={p.id} value={p.id}>
      {p.archived ? t('optionArchived', { name: protocolName(p) }) : protocolName(p)}
    </option>
  ))
}
