// Builds dist/: the main entry (dist/) and the post step's entry (dist/post/) with ncc, then
// dist/licenses.txt. The two ncc builds are separate webpack runs of several seconds each that
// mostly use one core, so they run at the same time, each into a staging folder of its own (ncc
// deletes every .js file below its output folder before it writes). dist/ is replaced only once
// both builds succeeded, so a failed build leaves the previous dist/ as it was. What ncc writes
// does not depend on the folder it writes to (`npm run check-dist` compares).
import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const root = join(import.meta.dirname, '..')
const dist = join(root, 'dist')
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

function build(entry: string, outDir: string): Promise<{ stdout: string; stderr: string }> {
  const args = [ncc, 'build', entry, '-o', outDir, '--source-map', '--no-source-map-register']
  return promisify(execFile)(process.execPath, args, { cwd: root, encoding: 'utf8' })
}

// Inside the checkout (gitignored), so that the staged folders move into dist/ by a rename, and
// two checkouts never share one.
mkdirSync(join(root, '.build'), { recursive: true })
const staging = mkdtempSync(join(root, '.build', 'dist-'))
try {
  const main = join(staging, 'main')
  const post = join(staging, 'post')
  const startedAt = performance.now()
  const results = await Promise.allSettled([build('src/index.ts', main), build('src/post.ts', post)])
  if (results.some((result) => result.status === 'rejected')) {
    // ncc's own output, which says what failed, one build after the other rather than interleaved.
    for (const result of results) {
      const output =
        result.status === 'fulfilled' ? result.value : (result.reason as { stdout?: string; stderr?: string })
      process.stdout.write(output.stdout ?? '')
      process.stderr.write(output.stderr ?? '')
    }
    process.exitCode = 1
  } else {
    // On success ncc lists every file it wrote: nothing anyone needs to act on, so one line instead.
    renameSync(post, join(main, 'post'))
    rmSync(dist, { recursive: true, force: true })
    renameSync(main, dist)
    const packages = execFileSync(process.execPath, [join(root, 'scripts', 'licenses.ts')], {
      cwd: root,
      encoding: 'utf8'
    }).trim()
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(0)
    console.log(`Built dist/ (the main and post entries) in ${seconds} s; ${packages}`)
  }
} finally {
  rmSync(staging, { recursive: true, force: true })
}
