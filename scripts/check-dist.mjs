// Fails when a fresh build of src/ differs from the committed dist/, or when the bundle holds a
// webpackMissingModule stub (an import ncc could not resolve, which would crash on the runner).
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

const run = (command, args) => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })

run('npm', ['run', '--silent', 'build'])
const changed = run('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist'])
const stubbed = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter(
  (file) => file.endsWith('.js') && readFileSync(`dist/${file}`, 'utf8').includes('webpackMissingModule')
)

if (stubbed.length > 0) {
  console.error(`dist/ contains webpackMissingModule in: ${stubbed.join(', ')}`)
  process.exit(1)
}
if (changed.trim() !== '') {
  console.error('dist/ does not match a fresh build of src/. Run `npm run build` and commit dist/:')
  console.error(changed)
  process.exit(1)
}
console.log('dist/ matches a fresh build of src/, and holds no webpackMissingModule stub.')
