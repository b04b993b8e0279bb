/** Types of what eslint.config.js exports, for the test that proves its light-start rule fires. */
export declare const LIGHT_START_FILES: readonly string[]
declare const config: unknown
export default config
