/** Types of what eslint.config.js exports, for the test that proves its layer rule fires. */
import type { ESLint, Linter } from 'eslint'

export interface Layer {
  readonly name: string
  readonly files: readonly string[]
  readonly rank?: string
}
export declare const LAYERS: readonly Layer[]
export declare function layerOf(file: string): Layer | undefined
export declare const layers: ESLint.Plugin
declare const config: Linter.Config[]
export default config
