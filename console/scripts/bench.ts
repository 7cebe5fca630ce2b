// Console bench: gzip size of every built chunk (route chunks by page name,
// the initial load = index.html's script and preloads) and time to first
// render of 工作台 on loopback (navigation start → heading and task table
// shown, median of 5 cold page loads). Run: npm run bench:console
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { CONSOLE_DIST_DIR, ensureConsoleBuilt } from '../build';
import { startConsoleHarness } from '../../tests/console/browser';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

it('prints bundle sizes and the time to first render of 工作台', async () => {
  await ensureConsoleBuilt();
  const assets = join(CONSOLE_DIST_DIR, 'assets');
  const html = await readFile(join(CONSOLE_DIST_DIR, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]));
  const rows: Array<{ file: string; raw: number; gzip: number; initial: boolean }> = [];
  for (const file of (await readdir(assets)).sort()) {
    if (!/\.(js|css)$/.test(file)) continue;
    const buf = await readFile(join(assets, file));
    rows.push({ file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, initial: initial.has(file) });
  }
  rows.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  const lines = ['chunk'.padEnd(44) + 'raw'.padStart(12) + 'gzip'.padStart(12) + '  load'];
  for (const r of rows) lines.push(r.file.padEnd(44) + kb(r.raw).padStart(12) + kb(r.gzip).padStart(12) + (r.initial ? '  initial' : '  on demand'));
  const initialJs = rows.filter((r) => r.initial && r.file.endsWith('.js')).reduce((s, r) => s + r.gzip, 0);
  const initialAll = rows.filter((r) => r.initial).reduce((s, r) => s + r.gzip, 0);
  lines.push(`initial JS ${kb(initialJs)} gzip (with CSS ${kb(initialAll)})`);

  const h = await startConsoleHarness();
  try {
    const token = await h.p.login('street_office.qindu-renmin');
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      await context.addInitScript((t) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('cg.console.token', t), token);
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/`);
      await page.getByRole('heading', { name: '工作台' }).waitFor();
      await page.locator('.ant-table-tbody').waitFor();
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    lines.push(`工作台 first render (navigation → tasks shown), 5 cold loads: ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${sorted[2].toFixed(0)} ms`);
    expect(times).toHaveLength(5);
  } finally {
    await h.close();
  }
  console.log(`\n${lines.join('\n')}\n`);
});
