/** Body-weight entries by UUID, for the weight-scale import (a scale reading's UUID comes from its instant and kg). */
import type { Db } from '../connection'

export type ScaleWeightsRepo = ReturnType<typeof scaleWeightsRepo>

export function scaleWeightsRepo(db: Db) {
  const byUuid = db.prepare<[string], { id: number; deleted: number }>(`SELECT id, deleted_at IS NOT NULL AS deleted FROM body_weights WHERE uuid = ?`)
  return {
    byUuid(uuid: string): { id: number; deleted: boolean } | undefined {
      const r = byUuid.get(uuid)
      return r && { id: r.id, deleted: r.deleted === 1 }
    }
  }
}
