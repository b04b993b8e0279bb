/**
 * The plan's own interface: the connection store it works with, the shapes it reads and writes,
 * and the errors it reacts to. The Flow Service client (src/adobe/) implements it; the plan knows
 * nothing of HTTP or of how Adobe spells its answers.
 */
import { ActionError, type ServiceError } from '../errors.ts'

/**
 * A base connection as this action needs it. Of its auth only the params Adobe shows in clear
 * are kept, for repair to compare; the credentials themselves are never held.
 */
export interface Connection {
  readonly id: string
  readonly name: string
  readonly description?: string | undefined
  readonly state?: string | undefined
  readonly etag?: string | undefined
  readonly createdAt?: number | undefined
  readonly connectionSpec?: { readonly id: string; readonly version?: string | undefined } | undefined
  readonly params?: Readonly<Record<string, string>> | undefined
}

/** The source a connection is made for, with the auth specs it accepts. */
export interface ConnectionSpec {
  readonly id: string
  readonly name?: string | undefined
  readonly version?: string | undefined
  /** Each auth spec: its name (`auth.specName`), and its params as JSON Schema when the spec shows them (`spec`). */
  readonly authSpec?: readonly { readonly name: string; readonly spec?: unknown }[] | undefined
}

/** What a create sends, and what an update replaces. */
export interface CreateConnectionRequest {
  readonly name: string
  readonly description: string
  readonly auth: { readonly specName: string; readonly params: Readonly<Record<string, unknown>> }
  readonly connectionSpec: { readonly id: string; readonly version: string }
}

export type PatchInstruction = { readonly op: 'replace' | 'add'; readonly path: string; readonly value: unknown }

/** A sandbox the credential can see. */
export interface Sandbox {
  readonly name: string
  readonly state?: string | undefined
  readonly type?: string | undefined
}

/** A root object explore lists: `name` may be a display label, `path` the identifier (api-notes.md §5.5). */
export interface ListedTable {
  readonly name: string
  readonly path?: string | undefined
}

/** Names are matched after Unicode NFC normalisation (api-notes.md §5.4), by the store and the plan alike. */
export function sameName(a: string, b: string): boolean {
  return a.normalize('NFC') === b.normalize('NFC')
}

/** The connection calls the plan makes (FlowServiceClient in production). */
export interface ConnectionStore {
  getConnectionSpec(specId: string): Promise<ConnectionSpec | undefined>
  findConnectionsByName(name: string, specId: string): Promise<Connection[]>
  getConnection(id: string): Promise<Connection | undefined>
  createConnection(body: CreateConnectionRequest): Promise<{ id: string; etag: string | undefined }>
  updateConnection(id: string, etag: string, patch: readonly PatchInstruction[]): Promise<{ etag: string | undefined }>
  deleteConnection(id: string): Promise<'deleted' | 'absent'>
  /** Publishes a draft (api-notes.md §6.4): a write, refused in check mode and dry runs. */
  publishConnection(id: string): Promise<{ etag: string | undefined }>
  testConnection(id: string): Promise<boolean>
  /** The root objects (tables) the source lists, by display name and path. */
  exploreRoot(id: string): Promise<ListedTable[]>
}

/**
 * Where a create leaves its trace for the post step (GITHUB_STATE on the runner), written before
 * and after each step of it, so that a run cancelled or cut short at any moment leaves behind what
 * finds the connections it may have made.
 */
export interface CreateJournal {
  /** Before the first create is sent: connections carrying this run's marker may now appear. Throws when it cannot be saved. */
  opened(): void
  /**
   * A connection this run created (or counts as its own) is known by its id; `createdAt` as
   * Adobe shows it, once known, so that the post step recognises it by id and creation time.
   */
  made(id: string, createdAt?: number): void
  /** This run made no further copy (or deleted it) and knows what remains: `kept`, when it keeps one. */
  settled(kept: string | undefined): void
}

/** The create may or may not have been applied (timeout, reset, 5xx): look before re-sending. */
export class CreateOutcomeUnknownError extends ActionError {
  override readonly name = 'CreateOutcomeUnknownError'
}

/** `If-Match` named an etag that is no longer current (FLOW 1404-412). */
export class StaleEtagError extends ActionError {
  override readonly name = 'StaleEtagError'
}

/** A Flow Service or Sandbox API code (`NNNN-SSS`), as opposed to a gateway's `error_code` (api-notes.md §2.9). */
export function isFlowServiceCode(code: string | undefined): boolean {
  return code !== undefined && /^\d{4}-\d{3}$/.test(code)
}

/**
 * A create refused because Adobe does not know the source or no longer offers it (api-notes.md
 * §5.7): the plan says so in the source's words. `refusal` is Adobe's answer, request id and all.
 */
export class SourceRefusedError extends ActionError {
  override readonly name = 'SourceRefusedError'
  readonly refusal: ServiceError

  constructor(refusal: ServiceError) {
    super(refusal.message, { cause: refusal })
    this.refusal = refusal
  }
}
