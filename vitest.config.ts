import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/{unit,db,router,crash}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The database tests write real files; keep them off each other's toes on 2-core machines.
    pool: 'forks',
    testTimeout: 20_000,
    // A zone with daylight-saving changes, so date arithmetic is tested where it can go wrong.
    env: { TZ: 'Europe/Berlin' }
  }
})
