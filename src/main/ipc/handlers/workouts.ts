import { exportWorkout, type WorkoutExportDeps } from '../../services/workouts'
import type { Handlers } from '../router'

type WorkoutChannel = Extract<keyof Handlers, `workouts/${string}`>

/** A protocol's plan as a watch workout: a thin wrapper over the workouts service (src/main/services/workouts.ts). */
export function workoutHandlers(deps: WorkoutExportDeps): Pick<Handlers, WorkoutChannel> {
  return {
    'workouts/export': ({ protocolId, asProgressed, today }) => exportWorkout(deps, protocolId, asProgressed, today)
  }
}
