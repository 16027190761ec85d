/** The colour theme: `system` follows the operating system's light or dark mode; the others fix one. */
export type Theme = 'system' | 'light' | 'dark'
export const THEMES = ['system', 'light', 'dark'] as const satisfies readonly Theme[]
