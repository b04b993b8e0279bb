/**
 * Following a Flow Service listing across its pages (api-notes.md §2.4, §5.6): next links relative
 * to the service, or absolute on Platform's own origin only (a link to another host would carry
 * the bearer token there); the query's `property` filters sent again beside a continuation token
 * that lacks them; at most MAX_PAGES pages, and never the same page twice.
 */
import { ActionError } from '../errors.ts'

/** Pages of one listing this action follows at most; fresh next links cannot keep it busy. */
export const MAX_PAGES = 100

export interface Listing {
  /** The service's base path, e.g. `/data/foundation/flowservice`. */
  readonly base: string
  readonly platformUrl: string
  /** Completes "while trying to …", e.g. "list the dataflows". */
  readonly operation: string
  /** The query of the first page, `property=…&property=…`, kept on every page. */
  readonly query: string
}

/** One page as read: its items, and the raw next link when it has one. */
export interface Page<T> {
  readonly items: readonly T[]
  readonly next: string | undefined
}

/** Every item of every page, from `path` (the first page) on. */
export async function collectPages<T>(
  listing: Listing,
  path: string,
  readPage: (path: string) => Promise<Page<T>>
): Promise<T[]> {
  const found: T[] = []
  const seen = new Set<string>()
  for (let page = 0, next: string | undefined = path; next !== undefined; page++) {
    if (page >= MAX_PAGES || seen.has(next)) {
      throw new ActionError(
        `Adobe's Flow Service API kept answering with a next page while trying to ${listing.operation}; stopped after ${page} pages (the most this action follows is ${MAX_PAGES})`
      )
    }
    seen.add(next)
    const { items, next: href } = await readPage(next)
    found.push(...items)
    next = nextPagePath(listing, href)
  }
  return found
}

/** The path of the next page, with the listing's filters when the link lacks them; undefined at the end. */
export function nextPagePath(listing: Listing, href: string | undefined): string | undefined {
  const path = pathOf(listing, href)
  if (path === undefined || new URL(path, 'http://next.invalid').searchParams.has('property')) return path
  return `${path}${path.includes('?') ? '&' : '?'}${listing.query}`
}

function pathOf(listing: Listing, href: string | undefined): string | undefined {
  if (!href) return undefined
  if (/^https?:\/\//i.test(href)) {
    const url = new URL(href)
    const platform = new URL(listing.platformUrl)
    if (url.origin !== platform.origin) {
      throw new ActionError(
        `${listing.operation}: Flow Service pointed the next page at another host (${url.host}); not following it`
      )
    }
    return `${url.pathname}${url.search}`.replace(platform.pathname.replace(/\/$/, ''), '')
  }
  if (href.startsWith(listing.base)) return href
  return `${listing.base}${href.startsWith('/') ? '' : '/'}${href}`
}
