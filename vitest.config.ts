import { readFileSync } from 'node:fs'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'

// @actions/workflow-parser ships source maps that name sources it does not ship, and Vite warns
// about each of its files on every run: noise nobody can act on. Its code is loaded without them.
const WORKFLOW_PARSER = /[\\/]node_modules[\\/]@actions[\\/]workflow-parser[\\/].*\.js$/

/**
 * The tests by kind, each a project of its own (`npx vitest run --project unit`):
 * - `unit`: one module at a time, named after it (`unit/plan/decisions.test.ts` covers `plan/decisions`);
 * - `plan`: the plan in-process against the memory store on a virtual clock;
 * - `wiring`: the whole action in-process (`run()` with `INPUT_*` variables and runner files)
 *   against the emulator, the fault matrix among it; no build needed;
 * - `e2e`: the built `dist/` as the runner runs it, against the emulator (needs `npm run build`);
 * - `contract`: action.yml, README, docs, workflows and lint rules held to the code.
 * `npm run test:fast` is `unit` and `plan`: no build, a few seconds.
 */
function project(name: string, extra: TestProjectInlineConfiguration['test'] = {}): TestProjectInlineConfiguration {
  return { extends: true, test: { name, include: [`__tests__/${name}/**/*.test.ts`], ...extra } }
}

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
    },
    projects: [
      // A unit file may mock a module (node:os for Windows line endings), so each gets its own
      // module graph. The other files mock nothing and change no global that outlives a test, so
      // they share one per worker: a worker's start costs more than most of these files' tests.
      project('unit'),
      project('plan', { isolate: false }),
      // In-process runs mostly wait on the emulator's delays and timeouts, not on the CPU; bundle
      // runs stay at Vitest's 5 at a time, as some hold a run to a bound in wall-clock time.
      project('wiring', { isolate: false, maxConcurrency: 20 }),
      project('e2e', { isolate: false }),
      project('contract', { isolate: false })
    ]
  }
})
