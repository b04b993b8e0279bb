import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** The files a run loads before its inputs are valid; see the rule below. */
export const LIGHT_START_FILES = [
  'src/index.ts',
  'src/main.ts',
  'src/post.ts',
  'src/post-main.ts',
  'src/create-record.ts',
  'src/input-contract.ts',
  'src/input-fields.ts',
  'src/inputs.ts',
  'src/loopback.ts',
  'src/secrets.ts',
  'src/errors.ts',
  'src/summary.ts',
  'src/report.ts',
  'src/vocabulary.ts',
  'src/workflow-commands.ts',
  'src/zoho/regions.ts'
]

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench-results/', '.build/', 'eslint.config.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts', 'scripts/*.mjs', 'scripts/*.cjs'] },
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      'no-console': 'error'
    }
  },
  {
    // Only src/runner-output.ts prints once inputs are valid, and only src/workflow-commands.ts
    // writes to stdout itself: everything else that reaches the runner goes through their
    // runnerLine (redacted, one line, bounded, unable to start a workflow command).
    files: ['src/**/*.ts'],
    ignores: ['src/runner-output.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@actions/core',
              message: 'Print through src/runner-output.ts (RunnerOutput), which makes every text safe for the runner.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/workflow-commands.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name=/^(stdout|stderr)$/]",
          message: 'Print through src/runner-output.ts; only src/workflow-commands.ts writes to stdout itself.'
        },
        {
          selector: "ImportExpression[source.value='@actions/core']",
          message: 'Print through src/runner-output.ts (RunnerOutput), which makes every text safe for the runner.'
        }
      ]
    }
  },
  {
    // The light start: what a run loads before its inputs are known to be valid (and the post
    // step before it knows it has something to delete). A bad input must fail in about the time
    // Node takes to start, so these files import only each other and Node's own modules; the
    // HTTP stack, the toolkit, the clients and zod (their answers' schemas) load with import().
    files: LIGHT_START_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*', 'undici', 'undici/*'],
              message: 'Keep the start light: load this with import() once the inputs are valid.'
            },
            {
              group: ['zod', 'zod/*'],
              message:
                'Keep the start light: inputs are read by src/input-fields.ts; zod loads with the clients (compiling it costs more than the rest of the start).'
            },
            {
              regex: String.raw`^\.{1,2}/(?!(${LIGHT_START_FILES.map((f) =>
                f
                  .replace(/^src\//, '')
                  .replace(/\.ts$/, '')
                  .replace(/\//g, '\\/')
              ).join('|')})\.ts$)`,
              message:
                'Keep the start light: a light-start file imports only the other light-start files (eslint.config.js); load the rest with import().'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['scripts/**', '__tests__/**'],
    rules: { 'no-console': 'off' }
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked
  }
)
