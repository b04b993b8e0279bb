// Preloaded with `node --import`: Node's os.EOL becomes Windows' "\r\n", for the built bundle
// (and the toolkit in it) to write its runner files and commands as it does on a Windows runner.
import os from 'node:os'
import { syncBuiltinESMExports } from 'node:module'

Object.defineProperty(os, 'EOL', { value: '\r\n', configurable: true, enumerable: true })
syncBuiltinESMExports()
