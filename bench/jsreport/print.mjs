// jsreport 4 as a print server for the pack benchmark: one line of JSON per job on stdin,
// {"id": 1, "html": "file.html", "header": "header.html", "footer": "footer.html", "out": "file.pdf"},
// answered by one line {"id": 1, "ms": 812.4} (or {"id": 1, "error": "..."}) when its PDF is written.
// Jobs run as they arrive, so two in flight are two reports at a time. chrome-pdf prints with Debian's Chromium,
// the page settings of ReportEngine's printer (A4, the same margins, backgrounds, header and footer, tagged, outline: puppeteer
// tags by default but makes no outline unless asked, and jsreport passes the option through).
import { readFile, writeFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import JsReport from '@jsreport/jsreport-core'
import ChromePdf from '@jsreport/jsreport-chrome-pdf'

const workers = Number(process.env.JSREPORT_WORKERS ?? 2)
const jsreport = JsReport({
  logger: { silent: true },
  workers: { numberOfWorkers: workers },
  reportTimeout: 600000,
  chrome: {
    strategy: 'chrome-pool',
    numberOfWorkers: workers,
    launchOptions: { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] }
  }
})
jsreport.use(ChromePdf())
await jsreport.init()
process.stdout.write(JSON.stringify({ ready: true }) + '\n')

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue
  const job = JSON.parse(line)
  ;(async () => {
    try {
      const [html, header, footer] = await Promise.all([job.html, job.header, job.footer].map(f => readFile(f, 'utf8')))
      const started = performance.now()
      const result = await jsreport.render({
        template: {
          content: html,
          engine: 'none',
          recipe: 'chrome-pdf',
          chrome: {
            format: 'A4', marginTop: '24mm', marginBottom: '20mm', marginLeft: '18mm', marginRight: '18mm',
            printBackground: true, displayHeaderFooter: true, headerTemplate: header, footerTemplate: footer, outline: true
          }
        }
      })
      const ms = performance.now() - started
      await writeFile(job.out, result.content)
      process.stdout.write(JSON.stringify({ id: job.id, ms }) + '\n')
    } catch (e) {
      process.stdout.write(JSON.stringify({ id: job.id, error: String(e?.message ?? e).slice(0, 500) }) + '\n')
    }
  })()
}
await jsreport.close()
