/** Daily protein for a runner building leg muscle: 1.4–2.0 g per kg of body weight. */
export const PROTEIN_G_PER_KG = { min: 1.4, max: 2.0 } as const

export function proteinTarget(kg: number): { minG: number; maxG: number } {
  return { minG: Math.round(kg * PROTEIN_G_PER_KG.min), maxG: Math.round(kg * PROTEIN_G_PER_KG.max) }
}
