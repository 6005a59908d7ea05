// Prints every built JavaScript and CSS file with its gzip size, and what the first screen loads (index.html's
// scripts, the landing page 总览 and their static imports), which must stay under 500 KB compressed.
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const dist = 'dist'
const assets = join(dist, 'assets')
const gz = (f) => gzipSync(readFileSync(join(assets, f))).length
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB'
const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f)).sort()
for (const f of files) console.log(`[bundle] ${kb(readFileSync(join(assets, f)).length)} raw ${kb(gz(f))} gzip  ${f}`)

const index = readFileSync(join(dist, 'index.html'), 'utf8')
const entry = [...index.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1])
entry.push(...files.filter((f) => /^DashboardPage-.*\.js$/.test(f)))
const first = new Set()
const visit = (f) => {
  if (first.has(f)) return
  first.add(f)
  const code = readFileSync(join(assets, f), 'utf8')
  // static imports only (from"./x.js", import"./x.js"); a dynamic import("./x.js") loads later, with its page
  for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) visit(m[1])
}
entry.forEach(visit)
const total = [...first].reduce((s, f) => s + gz(f), 0)
console.log(`[bundle] first screen: ${[...first].join(', ')}`)
console.log(`[bundle] first screen JavaScript: ${kb(total)} gzip (limit 500 KB)`)
if (total > 500 * 1024) {
  console.error('[bundle] the first screen loads more than 500 KB of compressed JavaScript')
  process.exit(1)
}
