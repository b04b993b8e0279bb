// Builds dist/: the main entry (dist/) and the post step's entry (dist/post/) with ncc, then
// dist/licenses.txt. The two ncc builds are separate webpack runs of several seconds each that
// mostly use one core, so they run at the same time. ncc deletes every .js file below its output
// folder before it writes, so the post entry is built into a folder of its own and moved into
// dist/post/ once both are done; what ncc writes does not depend on where it writes it.
import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const root = join(import.meta.dirname, '..')
const dist = join(root, 'dist')
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

function build(entry: string, outDir: string): Promise<{ stdout: string; stderr: string }> {
  const args = [ncc, 'build', entry, '-o', outDir, '--source-map', '--no-source-map-register']
  return promisify(execFile)(process.execPath, args, { cwd: root, encoding: 'utf8' })
}

rmSync(dist, { recursive: true, force: true })
// On the same file system as dist/, so that it can be moved there whole.
const postDir = join(root, 'node_modules', '.cache', 'build-post')
rmSync(postDir, { recursive: true, force: true })
mkdirSync(postDir, { recursive: true })
const results = await Promise.allSettled([build('src/index.ts', dist), build('src/post.ts', postDir)])
for (const result of results) {
  // ncc's own summary (or its error), one build after the other rather than interleaved.
  const output = result.status === 'fulfilled' ? result.value : (result.reason as { stdout?: string; stderr?: string })
  process.stdout.write(output.stdout ?? '')
  process.stderr.write(output.stderr ?? '')
}
if (results.some((result) => result.status === 'rejected')) {
  rmSync(postDir, { recursive: true, force: true })
  process.exit(1)
}
renameSync(postDir, join(dist, 'post'))
execFileSync(process.execPath, [join(root, 'scripts', 'licenses.ts')], { cwd: root, stdio: 'inherit' })
