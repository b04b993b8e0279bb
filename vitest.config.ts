import { readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

// @actions/workflow-parser ships source maps that name sources it does not ship, and Vite warns
// about each of its files on every run: noise nobody can act on. Its code is loaded without them.
const WORKFLOW_PARSER = /[\\/]node_modules[\\/]@actions[\\/]workflow-parser[\\/].*\.js$/

export default defineConfig({
  plugins: [
    {
      name: 'workflow-parser-without-source-maps',
      load(id) {
        const file = id.split('?')[0] ?? id
        if (!WORKFLOW_PARSER.test(file)) return null
        return { code: readFileSync(file, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/gm, ''), map: null }
      }
    }
  ],
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
