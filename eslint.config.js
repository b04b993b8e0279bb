import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench-results/'] },
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
    files: ['scripts/**', '__tests__/**'],
    rules: { 'no-console': 'off' }
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked
  }
)
