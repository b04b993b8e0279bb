import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** The files a run loads before its inputs are valid; see the rule below. */
export const LIGHT_START_FILES = [
  'src/index.ts',
  'src/main.ts',
  'src/post.ts',
  'src/post/main.ts',
  'src/plan/create-record.ts',
  'src/inputs/contract.ts',
  'src/inputs/fields.ts',
  'src/inputs/parse.ts',
  'src/loopback.ts',
  'src/runner/secrets.ts',
  'src/errors.ts',
  'src/report/summary.ts',
  'src/report/report.ts',
  'src/report/outputs.ts',
  'src/vocabulary.ts',
  'src/runner/workflow-commands.ts',
  'src/zoho/regions.ts'
]

const PRINT_THROUGH_THE_RUNNER = {
  name: '@actions/core',
  message: 'Print through src/runner/output.ts (RunnerOutput), which makes every text safe for the runner.'
}

const PRINTING = [
  {
    selector: "MemberExpression[object.name='process'][property.name=/^(stdout|stderr)$/]",
    message: 'Print through src/runner/output.ts; only src/runner/workflow-commands.ts writes to stdout itself.'
  },
  { selector: "ImportExpression[source.value='@actions/core']", message: PRINT_THROUGH_THE_RUNNER.message }
]

const REPORT = "[object.name='report'], [object.property.name='report']"
const REPORT_WRITES = [
  `AssignmentExpression > MemberExpression.left:matches(${REPORT})`,
  `UnaryExpression[operator='delete'] > MemberExpression:matches(${REPORT})`,
  `CallExpression > MemberExpression.callee[property.name=/^(push|pop|shift|unshift|splice|sort|reverse)$/] > MemberExpression.object:matches(${REPORT})`
].map((selector) => ({
  selector,
  message: 'Change the report through the named operations of src/report/report.ts.'
}))

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** A specifier that `file` may not name: any relative path except the `allowed` files (paths from the root). */
function relativeImportsExcept(file, allowed) {
  const from = file.split('/').slice(0, -1)
  const specifiers = allowed.map((target) => {
    const to = target.split('/')
    let common = 0
    while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++
    const up = from.length - common
    return (up === 0 ? './' : '../'.repeat(up)) + to.slice(common).join('/')
  })
  return String.raw`^(?!(${specifiers.map(escapeRegExp).join('|')})$)\.{1,2}/`
}

/**
 * The layers of src/, each with what it may not import: arrows point down only. The entries know
 * the wiring, the wiring knows everything; the plan knows its own interface (plan/store.ts), not
 * undici, the HTTP layer or Adobe's client; clients know the HTTP layer, not the wiring or the
 * report; only runner/ prints.
 */
const LAYERS = [
  {
    files: ['src/plan/**/*.ts'],
    forbidden: [
      'undici',
      'undici/*',
      'zod',
      'zod/*',
      '@actions/*',
      '../adobe/*',
      '../zoho/oauth.ts',
      '../http.ts',
      '../wiring.ts',
      '../post/*',
      '../main.ts',
      '../runner/output.ts'
    ],
    message: 'The plan knows its own interface (src/plan/store.ts): the wiring hands it the clients.'
  },
  {
    files: ['src/adobe/**/*.ts', 'src/zoho/**/*.ts'],
    forbidden: [
      '@actions/*',
      '../wiring.ts',
      '../main.ts',
      '../post/*',
      '../report/*',
      '../runner/*',
      '../plan/plan.ts',
      '../plan/create-protocol.ts',
      '../plan/run-context.ts',
      '../plan/verification.ts'
    ],
    message: 'A client knows the HTTP layer and implements src/plan/store.ts; it neither prints nor runs the plan.'
  },
  {
    files: ['src/report/**/*.ts'],
    forbidden: [
      'undici',
      'undici/*',
      'zod',
      'zod/*',
      '@actions/*',
      '../plan/*',
      '../adobe/*',
      '../zoho/oauth.ts',
      '../http.ts',
      '../wiring.ts',
      '../post/*',
      '../main.ts',
      '../runner/output.ts'
    ],
    message:
      'The report is what the run knows: it reaches the runner through src/runner/, and knows nothing of the plan or clients.'
  },
  {
    files: ['src/inputs/**/*.ts'],
    forbidden: [
      '../plan/*',
      '../adobe/*',
      '../report/*',
      '../zoho/oauth.ts',
      '../http.ts',
      '../wiring.ts',
      '../post/*',
      '../main.ts',
      '../runner/output.ts',
      '../runner/workflow-commands.ts'
    ],
    message: 'Inputs are read and checked, then handed down: they know no plan, client or report.'
  },
  {
    files: ['src/runner/**/*.ts'],
    forbidden: ['../*', '!../errors.ts', '!../vocabulary.ts'],
    message: 'runner/ is the bottom layer that prints: it knows only its own files and the shared errors and words.'
  },
  {
    files: ['src/*.ts'],
    ignores: ['src/index.ts', 'src/main.ts', 'src/post.ts', 'src/wiring.ts'],
    forbidden: ['./*/*', './wiring.ts', './main.ts', './post.ts', './index.ts'],
    message: 'The shared base (HTTP, runtime, errors, words) imports nothing above it.'
  },
  {
    files: ['src/post/**/*.ts'],
    forbidden: ['../wiring.ts', '../main.ts'],
    message: 'The post step needs nothing from the main step: sessions come from src/adobe/session.ts.'
  }
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
    // Only src/runner/output.ts prints once inputs are valid, and only src/runner/workflow-commands.ts
    // writes to stdout itself: everything else that reaches the runner goes through their
    // runnerLine (redacted, one line, bounded, unable to start a workflow command).
    files: ['src/**/*.ts'],
    ignores: ['src/runner/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [PRINT_THROUGH_THE_RUNNER] }] }
  },
  ...LAYERS.map(({ files, ignores = [], forbidden, message }) => ({
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: files.some((file) => file.startsWith('src/runner/')) ? [] : [PRINT_THROUGH_THE_RUNNER],
          patterns: [{ group: forbidden, message }]
        }
      ]
    }
  })),
  // No file but these two writes to stdout or loads the toolkit, and no file but report.ts
  // changes the report: the rest use its named operations.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/runner/workflow-commands.ts', 'src/report/report.ts'],
    rules: { 'no-restricted-syntax': ['error', ...PRINTING, ...REPORT_WRITES] }
  },
  { files: ['src/runner/workflow-commands.ts'], rules: { 'no-restricted-syntax': ['error', ...REPORT_WRITES] } },
  { files: ['src/report/report.ts'], rules: { 'no-restricted-syntax': ['error', ...PRINTING] } },
  // The light start: what a run loads before its inputs are known to be valid (and the post
  // step before it knows it has something to delete). A bad input must fail in about the time
  // Node takes to start, so these files import only each other and Node's own modules; the
  // HTTP stack, the toolkit, the clients and zod (their answers' schemas) load with import().
  // After the layers, so that for these files this rule is the one that holds.
  ...LIGHT_START_FILES.map((file) => ({
    files: [file],
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
                'Keep the start light: inputs are read by src/inputs/fields.ts; zod loads with the clients (compiling it costs more than the rest of the start).'
            },
            {
              regex: relativeImportsExcept(file, LIGHT_START_FILES),
              message:
                'Keep the start light: a light-start file imports only the other light-start files (eslint.config.js); load the rest with import().'
            }
          ]
        }
      ]
    }
  })),
  {
    files: ['scripts/**', '__tests__/**'],
    rules: { 'no-console': 'off' }
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked
  }
)
