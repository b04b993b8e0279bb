import { dirname, relative, resolve, sep } from 'node:path'
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const ROOT = import.meta.dirname

/**
 * The layers of src/, highest first. A file may import its own layer and the layers below it,
 * never one above: the entries know the steps, the main step knows the wiring, the wiring knows
 * everything below it; the post step needs nothing from the main step; the plan knows its own
 * interface (store, source, pipeline), not the clients or the sources; the clients implement that
 * interface; only the runner reaches the runner. A file's layer is the first that lists it.
 */
export const LAYERS = [
  { name: 'the entries', files: ['src/index.ts', 'src/post.ts'] },
  { name: 'the main step', files: ['src/main.ts'] },
  { name: 'the wiring', files: ['src/wiring.ts'] },
  { name: 'the post step', files: ['src/post/'] },
  {
    name: "the plan's interface",
    files: ['src/plan/store.ts', 'src/plan/source.ts', 'src/plan/pipeline.ts'],
    rank: 'below the clients'
  },
  { name: 'the plan', files: ['src/plan/'] },
  { name: 'the sources', files: ['src/sources/'] },
  { name: 'the inputs', files: ['src/inputs/'] },
  { name: 'the report', files: ['src/report/'] },
  { name: 'the runner', files: ['src/runner/'] },
  { name: 'the clients', files: ['src/adobe/', 'src/zoho/', 'src/hubspot/', 'src/oauth/'] },
  { name: 'the shared base', files: ['src/'] }
]

/** The layers in rank order, highest first: the plan's interface sits just above the shared base. */
const RANKED = [
  ...LAYERS.filter((layer) => !layer.rank && layer.name !== 'the shared base'),
  ...LAYERS.filter((layer) => layer.rank),
  ...LAYERS.filter((layer) => layer.name === 'the shared base')
]

/** The layer of a file (a path from the repository's root, with `/`), or undefined outside src/. */
export function layerOf(file) {
  const match = (pattern) =>
    pattern.endsWith('/')
      ? file.startsWith(pattern) && (pattern !== 'src/' || !file.slice(4).includes('/'))
      : file === pattern
  return LAYERS.find((layer) => layer.files.some(match))
}

/** Imports point down: a file imports its own layer and those below it, and loads nothing with import(). */
const importsPointDown = {
  meta: {
    type: 'problem',
    docs: { description: 'A file of src/ imports only its own layer and the layers below it (LAYERS).' },
    messages: {
      upward:
        '{{from}} ({{file}}) may not import {{to}} ({{target}}): imports point down (LAYERS in eslint.config.js).',
      dynamic:
        'No import() in src/: each entry is one bundle, and webpack would split what import() loads into a chunk.'
    },
    schema: []
  },
  create(context) {
    const file = relative(ROOT, context.filename).split(sep).join('/')
    const from = layerOf(file)
    if (!from) return {}
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return
      // A .js specifier names the .ts file, as TypeScript (NodeNext) and ncc resolve it.
      const target = relative(ROOT, resolve(dirname(context.filename), source))
        .split(sep)
        .join('/')
        .replace(/\.([mc]?)js$/, '.$1ts')
      const to = layerOf(target)
      if (to && RANKED.indexOf(to) < RANKED.indexOf(from)) {
        context.report({ node, messageId: 'upward', data: { from: from.name, file, to: to.name, target } })
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => context.report({ node, messageId: 'dynamic' })
    }
  }
}

export const layers = { rules: { 'imports-point-down': importsPointDown } }

/** Packages each part of src/ may not import: only the runner prints, the plan and report know no HTTP or schemas. */
const TOOLKIT = { group: ['@actions/*'], message: 'Reach the runner through src/runner/output.ts (RunnerOutput).' }
const HTTP_AND_SCHEMAS = {
  group: ['undici', 'undici/*', 'zod', 'zod/*'],
  message: 'HTTP and answer schemas belong to src/http.ts and the clients: hand this part plain data.'
}
const restricted = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })
const PACKAGES = [
  { files: ['src/**/*.ts'], ignores: ['src/runner/**'], rules: restricted(TOOLKIT) },
  {
    files: ['src/plan/**/*.ts', 'src/report/**/*.ts', 'src/inputs/**/*.ts'],
    rules: restricted(TOOLKIT, HTTP_AND_SCHEMAS)
  },
  { files: ['src/runner/**/*.ts'], rules: restricted(HTTP_AND_SCHEMAS) }
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

const PRINTING = {
  selector: "MemberExpression[object.name='process'][property.name=/^(stdout|stderr)$/]",
  message: 'Print through src/runner/output.ts (RunnerOutput), which writes through @actions/core.'
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench-results/', '.build/', 'eslint.config.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts', 'scripts/*.mjs', 'scripts/*.cjs'] },
        tsconfigRootDir: ROOT
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      'no-console': 'error'
    }
  },
  { files: ['src/**/*.ts'], plugins: { layers }, rules: { 'layers/imports-point-down': 'error' } },
  ...PACKAGES,
  // No file writes to stdout itself, and no file but report.ts changes the report: the rest use
  // its named operations.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/report/report.ts'],
    rules: { 'no-restricted-syntax': ['error', PRINTING, ...REPORT_WRITES] }
  },
  { files: ['src/report/report.ts'], rules: { 'no-restricted-syntax': ['error', PRINTING] } },
  {
    files: ['scripts/**', '__tests__/**'],
    rules: { 'no-console': 'off' }
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked
  }
)
