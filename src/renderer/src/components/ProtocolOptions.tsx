import type { Protocol } from '../../../shared/training'

/** A protocol select's options, one per protocol by name; an archived one says so. */
export function ProtocolOptions({ protocols }: { protocols: readonly Pick<Protocol, 'id' | 'name' | 'archived'>[] }) {
  return protocols.map((p) => (
    <option key={p.id} value={p.id}>
      {p.archived ? `${p.name} (archived)` : p.name}
    </option>
  ))
}
