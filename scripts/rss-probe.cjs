// Preloaded by the benchmark (NODE_OPTIONS=--require): reports the process's peak RSS on exit.
process.on('exit', () => process.stderr.write(`bench-peak-rss-kib=${process.resourceUsage().maxRSS}\n`))
