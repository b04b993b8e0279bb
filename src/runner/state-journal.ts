import { CREATE_STATE, writeCreateRecord, type CreateRecord } from './create-record.ts'
import { ActionError } from '../errors.ts'
import type { CreateJournal } from '../plan/store.ts'
import { runnerFileProblem } from './output.ts'

/**
 * The create's trace in `GITHUB_STATE`, saved at once on every change (`core.saveState` appends
 * to the file as it is called), so that it is there whenever the run ends, cancelled or not.
 */
export class StateJournal implements CreateJournal {
  #record: CreateRecord
  #opened = false
  #failure: string | undefined
  readonly #save: (name: string, value: string) => void
  readonly #now: () => number

  constructor(
    subject: Pick<CreateRecord, 'marker' | 'name' | 'sandbox' | 'specId'>,
    save: (name: string, value: string) => void,
    now: () => number = Date.now
  ) {
    this.#record = { ...subject, ids: [], settled: false, times: {} }
    this.#save = save
    this.#now = now
  }

  opened(): void {
    if (this.#opened) return
    this.#write()
    const failure = this.#failure
    if (failure) {
      // Reported here, with what it means, rather than again at the end.
      this.#failure = undefined
      throw new ActionError(
        `This run ${failure}, where it saves what finds a create should the step be cancelled, so it did not send the create of "${this.#record.name}": nothing was created in sandbox "${this.#record.sandbox}". Check the runner's disk.`
      )
    }
    this.#opened = true
  }

  made(id: string, createdAt?: number): void {
    const times = this.#record.times ?? {}
    const known = this.#record.ids.includes(id)
    if (known && (createdAt === undefined || times[id]?.createdAt === createdAt)) return
    this.#opened = true
    const time = known ? { ...times[id], createdAt } : { answeredAt: this.#now(), createdAt }
    this.#record = {
      ...this.#record,
      ids: known ? this.#record.ids : [...this.#record.ids, id],
      times: { ...times, [id]: time }
    }
    this.#write()
  }

  settled(kept: string | undefined): void {
    const time = kept === undefined ? undefined : this.#record.times?.[kept]
    this.#record = {
      ...this.#record,
      ids: kept ? [kept] : [],
      settled: true,
      times: kept && time ? { [kept]: time } : {}
    }
    this.#write()
  }

  /** Connections this run created that exist, as far as it knows. */
  get ids(): readonly string[] {
    return this.#record.ids
  }

  /** A create was sent and not settled: it may have made a connection that no id names yet. */
  get open(): boolean {
    return this.#opened && !this.#record.settled
  }

  /**
   * The last write, once more when it failed (the disk may have room again); the problem, naming
   * the file, when it fails still.
   */
  flush(): string | undefined {
    if (this.#failure && this.#opened) this.#write()
    return this.#failure
  }

  #write(): void {
    try {
      this.#save(CREATE_STATE, writeCreateRecord(this.#record))
      this.#failure = undefined
    } catch (error) {
      this.#failure = runnerFileProblem('GITHUB_STATE', error)
    }
  }
}
