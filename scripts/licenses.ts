// Writes dist/licenses.txt: the license of every package bundled into dist/, both entries, read
// from their source maps, each with the version bundled.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const dist = join(root, 'dist')

const packages = new Set<string>()
// The main entry and the post step's entry (dist/post/) are bundled apart.
const maps = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js.map'))
for (const map of maps) {
  const { sources } = JSON.parse(readFileSync(join(dist, map), 'utf8')) as { sources: string[] }
  for (const source of sources) {
    // The innermost package: a nested node_modules holds its own version.
    const match = /^(?:.*?\/)?(node_modules\/(?:.*\/node_modules\/)?(?:@[^/]+\/)?[^/]+)\//.exec(
      source.replace(/^webpack:\/\/[^/]*\//, '')
    )
    if (match?.[1]) packages.add(match[1].replace(/^(\.\.\/)+/, ''))
  }
}

const sections = [...packages].sort().map((path) => {
  const dir = join(root, path)
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license?: string }
  const file = readdirSync(dir).find((entry) => /^(licen[sc]e|copying)(\.(md|txt))?$/i.test(entry))
  const text =
    file && existsSync(join(dir, file))
      ? readFileSync(join(dir, file), 'utf8').trim()
      : '(no license file in the package)'
  return `${name} ${pkg.version}\n${pkg.license ?? 'UNKNOWN'}\n${text}`
})
writeFileSync(join(dist, 'licenses.txt'), `${sections.join('\n\n')}\n`)
console.log(`dist/licenses.txt: ${packages.size} bundled packages`)
