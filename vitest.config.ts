import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default in a run is one worker fewer than the cores: a single worker on a 2-core
    // machine, which ran every file in turn. The end-to-end files spend most of their time waiting
    // on child processes and on the emulator's delays, not on the CPU.
    maxWorkers: 2,
    server: {
      deps: {
        // It imports its JSON schemas without import attributes, which only a bundler accepts.
        inline: ['@actions/workflow-parser']
      }
    }
  }
})
