/**
 * Claims in the README, docs/ and CONTRIBUTING.md that a test can check: the commands they name
 * exist, their links and anchors resolve, the Zoho data centres and the secret inputs they list
 * are the ones the code uses, the mission table covers every mode, and the release workflows do
 * what CONTRIBUTING.md says they do.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { SECRET_INPUTS } from '../../src/inputs/contract.ts'
import { MODE_NAMES } from '../../src/modes.ts'
import { DATAFLOWS, ON_EXISTING, VERIFY } from '../../src/vocabulary.ts'
import { ZOHO_DATA_CENTRES, ZOHO_REGIONS } from '../../src/zoho/regions.ts'
import { executePlan } from '../../src/plan/plan.ts'
import { harness } from '../support/memory-store.ts'
import { ROOT } from '../support/run-action.ts'

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  'SECURITY.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`)
]
const WORKFLOWS = readdirSync(join(ROOT, '.github', 'workflows')).map((file) => `.github/workflows/${file}`)
const withoutCode = (text: string) => text.replace(/```[\s\S]*?```/g, '')

/** The anchors GitHub gives a file's headings (lower case, punctuation dropped, spaces to -). */
function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  for (const [, heading] of withoutCode(text).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = (heading ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  return anchors
}

/** The rows of the first markdown table after `heading`, as arrays of trimmed cells. */
function tableAfter(text: string, heading: string): string[][] {
  const rest = text.slice(text.indexOf(heading))
  const lines = rest.split('\n')
  const start = lines.findIndex((line) => line.startsWith('|'))
  const rows: string[][] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
    )
  }
  return rows
}

describe('the commands the documentation names', () => {
  const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts)

  it.each([...DOCS, ...WORKFLOWS, '.env.example', 'scripts/demo.ts', 'scripts/emulator.ts'])(
    '%s runs only npm scripts that package.json defines',
    (file) => {
      const named = [...read(file).matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((match) => match[1])
      for (const script of named) expect(scripts).toContain(script)
    }
  )

  it('never tells anyone to run a TypeScript script with the system node', () => {
    for (const file of [...DOCS, ...WORKFLOWS, 'scripts/demo.ts', 'scripts/emulator.ts']) {
      expect({ file, found: read(file).match(/(?<!")node scripts\/\S+\.ts/g) }).toEqual({ file, found: null })
    }
  })
})

describe('links between the documents', () => {
  it.each(DOCS)('%s links only to files and headings that exist', (file) => {
    const text = withoutCode(read(file))
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!target || /^(https?:|mailto:)/.test(target)) continue
      const [path, anchor] = target.split('#')
      const linked = path ? normalize(join(dirname(file), path)) : file
      const content = read(linked)
      if (anchor) expect(anchorsOf(content), `${file} → ${target}`).toContain(anchor)
    }
  })

  it('every fact about Adobe or Zoho in the README cites a public page, never a private file', () => {
    for (const file of DOCS) expect(read(file)).not.toMatch(/shared\/(reference|docs)|apis\.md/)
  })
})

describe('the Zoho set-up', () => {
  const readme = read('README.md')
  const setup = read('docs/setup.md')

  it('lists exactly the data centres the code knows, with their API domains and accounts servers', () => {
    const rows = tableAfter(setup, '## Zoho data centres')
    expect(rows.map((row) => row[0])).toEqual(ZOHO_REGIONS.map((region) => `\`${region}\``))
    for (const [region, label, apiDomain, accounts] of rows) {
      const centre = ZOHO_DATA_CENTRES[(region ?? '').replace(/`/g, '') as keyof typeof ZOHO_DATA_CENTRES]
      expect(label).toBe(centre.label)
      expect(apiDomain).toBe(`\`${centre.apiDomain}\``)
      expect(accounts?.startsWith(`\`${centre.accountsUrl}\``)).toBe(true)
      for (const host of centre.accountsHosts.slice(1)) expect(accounts).toContain(`\`${host}\``)
    }
  })

  it("gives one grant-code curl per data centre, each at that data centre's accounts server", () => {
    const curls = [
      ...setup.matchAll(/^ *curl -sS (\S+)\/oauth\/v2\/token -d grant_type=authorization_code .*# (\w+)$/gm)
    ]
    expect(curls.map((match) => match[2])).toEqual([...ZOHO_REGIONS])
    for (const [, url, region] of curls) {
      expect(url).toBe(ZOHO_DATA_CENTRES[region as keyof typeof ZOHO_DATA_CENTRES].accountsUrl)
    }
  })

  it.each([
    ['README.md', readme],
    ['docs/setup.md', setup]
  ])('%s recommends read-only Zoho scopes only, the same ones', (_file, text) => {
    const scopes = text.match(/```text\n\s*(ZohoCRM\.[^\n]+)\n\s*```/)?.[1]?.split(',') ?? []
    expect(scopes.length).toBeGreaterThan(0)
    for (const scope of scopes) expect(scope).toMatch(/^ZohoCRM\.[a-z_.]+\.READ$/)
    expect(scopes.join(',')).toBe(readme.match(/```text\n\s*(ZohoCRM\.[^\n]+)\n/)?.[1])
  })
})

describe('the mission table', () => {
  const text = tableAfter(read('README.md'), '## Use cases')
    .map((row) => row[0])
    .join('\n')

  it.each([...MODE_NAMES.map((mode) => `mode: ${mode}`), ...ON_EXISTING.map((value) => `on-existing: ${value}`)])(
    'has a row for %s',
    (setting) => {
      expect(text).toContain(setting)
    }
  )

  it.each(VERIFY.filter((value) => value !== 'none'))('has a row for verify: %s', (value) => {
    expect(text).toContain(`verify: ${value}`)
  })

  it.each(DATAFLOWS.filter((value) => value !== 'skip'))('has a row for dataflows: %s', (value) => {
    expect(text).toContain(`dataflows: ${value}`)
  })
})

describe('docs/security.md', () => {
  it('calls exactly the inputs the action masks secrets', () => {
    const rows = tableAfter(read('docs/security.md'), '## What goes where')
    const secrets = rows
      .filter((row) => row[2] === '**secret**')
      .flatMap((row) => [...(row[0] ?? '').matchAll(/`([\w-]+)`/g)].map((match) => match[1]))
    expect(secrets.sort()).toEqual([...SECRET_INPUTS].sort())
  })
})

interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, { if?: string; steps?: { uses?: string; run?: string }[] }>
}
const workflow = (file: string) => parse(read(`.github/workflows/${file}`)) as Workflow

describe('CONTRIBUTING.md', () => {
  const contributing = read('CONTRIBUTING.md')

  it('is short enough for a newcomer to read: at most 1,500 words', () => {
    expect(contributing.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(1500)
  })

  it.each(['An input', 'An output', 'A mode'])('has a recipe for %s', (what) => {
    expect(contributing).toContain(`**${what}.**`)
  })
})

describe('the release process CONTRIBUTING.md describes', () => {
  it.each(WORKFLOWS)('%s pins every action to a full commit SHA, with its version in a comment', (file) => {
    const uses = [...read(file).matchAll(/^\s*(?:- )?uses: (\S+)(.*)$/gm)].filter((match) => match[1] !== './')
    for (const [, action, comment] of uses) {
      expect(action).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
      expect(comment).toMatch(/# v\d+\.\d+\.\d+/)
    }
  })

  it('checks dist/ on every pull request, Dependabot included, and says what to run when it fails', () => {
    const checkDist = workflow('check-dist.yml')
    expect(checkDist.on).toHaveProperty('pull_request')
    const job = Object.values(checkDist.jobs)[0]
    expect(job?.if).toBeUndefined()
    const onFailure = job?.steps?.find((step) => step.run?.includes('::error'))
    expect(onFailure?.run).toContain('npm run build')
  })

  it.each(WORKFLOWS)('%s checks out without persisting its token', (file) => {
    const checkouts = Object.values(workflow(file.replace('.github/workflows/', '')).jobs).flatMap((job) =>
      (job.steps ?? []).filter((step) => step.uses?.startsWith('actions/checkout@'))
    ) as { with?: Record<string, unknown> }[]
    expect(checkouts.length).toBeGreaterThan(0)
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false)
  })

  it('releases with its CHANGELOG section as notes and a provenance attestation of dist/, npm never beside the write token', () => {
    const release = workflow('release.yml')
    const jobs = Object.values(release.jobs) as {
      permissions?: Record<string, string>
      steps?: { uses?: string; run?: string; with?: Record<string, string> }[]
    }[]
    const writer = jobs.find((job) => job.permissions?.['contents'] === 'write')
    const steps = writer?.steps ?? []
    expect(steps.some((step) => step.run?.includes('npm'))).toBe(false)
    const attest = steps.find((step) => step.uses?.startsWith('actions/attest-build-provenance@'))
    expect(attest?.with?.['subject-path']).toContain('dist/index.js')
    expect(attest?.with?.['subject-path']).toContain('dist/post/index.js')
    expect(writer?.permissions).toMatchObject({ 'id-token': 'write', attestations: 'write' })
    expect(steps.find((step) => step.run?.includes('gh release create'))?.run).toContain('--notes-file notes.md')
  })

  it('writes release notes from the CHANGELOG section, ending with the line that pins the release by its commit', () => {
    const steps = (
      Object.values(workflow('release.yml').jobs) as { steps?: { name?: string; run?: string }[] }[]
    ).flatMap((job) => job.steps ?? [])
    const script = steps.find((step) => step.name?.startsWith('Write the release notes'))?.run ?? ''
    const dir = mkdtempSync(join(tmpdir(), 'release-notes-'))
    try {
      writeFileSync(
        join(dir, 'CHANGELOG.md'),
        '# Changelog\n\n## 1.1.0 (2027-01-04)\n\n- HubSpot.\n\n## 1.0.0 (2026-12-01)\n\n- First release.\n'
      )
      const sha = 'a'.repeat(40)
      execFileSync('bash', ['-e', '-c', script], {
        cwd: dir,
        env: { PATH: process.env['PATH'], VERSION: '1.0.0', SHA: sha, GITHUB_REPOSITORY: 'aep-actions/base-connection' }
      })
      const notes = readFileSync(join(dir, 'notes.md'), 'utf8')
      expect(notes).toContain('- First release.')
      expect(notes).not.toContain('HubSpot')
      expect(notes).toContain(`uses: aep-actions/base-connection@${sha} # v1.0.0\n`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('releases only from main', () => {
    const release = workflow('release.yml')
    const first = Object.values(release.jobs)[0]?.steps?.[0]
    expect(first?.run).toContain('refs/heads/main')
    expect(first?.run).toContain('exit 1')
  })

  it('lets only the release workflow write to the repository (a push with its token starts no checks)', () => {
    for (const file of WORKFLOWS) {
      const writes = /contents: write/.test(read(file))
      expect({ file, writes }).toEqual({ file, writes: file === '.github/workflows/release.yml' })
    }
  })
})

describe("the README's first screen", () => {
  const readme = read('README.md')
  const lines = readme.split('\n')
  const firstWorkflow = lines.findIndex((line) => line.startsWith('```yaml'))
  const wordsBefore = lines.slice(0, firstWorkflow).join(' ').split(/\s+/).filter(Boolean).length
  const section = (heading: string) => {
    const start = readme.indexOf(`\n## ${heading}\n`)
    return start < 0 ? '' : readme.slice(start, readme.indexOf('\n## ', start + 1))
  }

  it('reaches the quick start, a complete workflow, within 60 lines and 250 words', () => {
    expect(lines[firstWorkflow - 1] ?? '').not.toMatch(/^#/)
    expect(readme.indexOf('\n## Quick start\n')).toBeLessThan(readme.indexOf('```yaml'))
    expect(firstWorkflow + 1).toBeLessThanOrEqual(60)
    expect(wordsBefore).toBeLessThanOrEqual(250)
  })

  it('stays within 3,000 words, its reference material in docs/', () => {
    expect(readme.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(3000)
    expect(readme).toContain('(docs/reference.md')
  })

  it("keeps a reader's order", () => {
    const order = [
      'Status',
      'Quick start',
      'Set-up',
      'Use cases',
      'Inputs',
      'Outputs',
      'Troubleshooting',
      'Develop and test'
    ].map((heading) => readme.indexOf(`\n## ${heading}\n`))
    expect(order.every((at) => at > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('says that nothing is released yet, as long as CHANGELOG.md has no released version', () => {
    expect(read('CHANGELOG.md')).not.toMatch(/^## \[?v?\d+\.\d+\.\d+\]?/m)
    expect(section('Status')).toContain('**No release yet.**')
  })

  it('names the runtime action.yml declares, and the first runner release that runs it, with its source', () => {
    const using = (parse(read('action.yml')) as { runs: { using: string } }).runs.using
    expect(using).toBe('node24')
    const status = section('Status')
    expect(status).toContain(`**Runners need \`${using}\`.**`)
    expect(status).toContain('version 2.327.1 or later')
    expect(status).toContain('(https://github.com/actions/runner/releases/tag/v2.327.1)')
  })

  it("states the Zoho source's deprecation with Adobe's page, and the one-minute check that answers it", async () => {
    const status = section('Status')
    expect(status).toContain('deprecated at the')
    // Past tense: the date has passed.
    expect(status).toContain('**Adobe withdrew the Zoho CRM source.**')
    expect(status).not.toMatch(/is retiring|will retire|will withdraw/)
    expect(status).toContain(
      '(https://experienceleague.adobe.com/en/docs/experience-platform/sources/connectors/crm/zoho)'
    )
    expect(status).toContain('`mode: check`')
    // The two answers it names are the action's own messages, as a check gets them.
    const failureOf = async (gone: boolean) => {
      const run = harness({ mode: 'check' })
      if (gone) run.store.getConnectionSpec = () => Promise.resolve(undefined as unknown as { id: string })
      return executePlan(run).then(
        () => '',
        (error: Error) => error.message
      )
    }
    expect(await failureOf(true)).toMatch(/^The Zoho CRM source \(connection spec \S+\) is not available/)
    expect(status).toContain('`The Zoho CRM source … is not available`')
    expect(await failureOf(false)).toMatch(/^No connection named "[^"]+" exists in sandbox/)
    expect(status.replace(/\s+/g, ' ')).toContain('`No connection named … exists`')
  })

  it('gives the command that runs the action and the one that tests it, each with how long it takes', () => {
    const develop = section('Develop and test')
    for (const command of ['npm ci', 'npm start', 'npm test', 'npm run try']) {
      expect(develop).toMatch(new RegExp(`^${command} .*# .*: about [\\d½]+ (s|minutes?)$`, 'm'))
    }
  })

  it('warns that npm run local-action prints the secrets, and says the example .env starts as a dry run', () => {
    const develop = section('Develop and test')
    expect(develop).toContain('npm run local-action')
    expect(develop).toMatch(/prints every secret in clear/)
    expect(read('.env.example')).toMatch(/^INPUT_DRY-RUN=true$/m)
    expect(develop).toContain('`INPUT_DRY-RUN=true`')
  })
})

describe('the CI job that runs the action with uses: ./', () => {
  const ci = parse(read('.github/workflows/ci.yml')) as {
    jobs: Record<
      string,
      {
        'runs-on': string
        strategy?: { matrix?: { os?: string[] } }
        defaults?: { run?: { shell?: string } }
        steps: { uses?: string; run?: string; shell?: string }[]
      }
    >
  }
  const jobs = Object.values(ci.jobs).filter((job) => job.steps.some((step) => step.uses === './'))

  it('runs on Linux, Windows and macOS runners, as users do', () => {
    expect(jobs.length).toBeGreaterThan(0)
    for (const job of jobs) {
      expect(job['runs-on']).toBe('${{ matrix.os }}')
      expect(job.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest'])
    }
  })

  it('runs its scripts with bash on all three, so that starting the emulator works everywhere', () => {
    for (const job of jobs) {
      for (const step of job.steps.filter((s) => s.run)) expect(step.shell ?? job.defaults?.run?.shell).toBe('bash')
    }
  })
})
