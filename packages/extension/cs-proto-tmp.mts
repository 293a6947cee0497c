import { spawn } from 'node:child_process';
import * as net from 'node:net';
import { chromium } from 'playwright-core';
const port = await new Promise<number>(r => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => r(p)); }); });
import * as fs from 'node:fs';
fs.mkdirSync('/tmp/cs-run/data/User', { recursive: true });
fs.writeFileSync('/tmp/cs-run/data/User/settings.json', JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false }));
const cs = spawn('/tmp/cs/node_modules/.bin/code-server', ['--config', '/tmp/cs-run/config.yaml', '--user-data-dir', '/tmp/cs-run/data', '--extensions-dir', '/tmp/cs-run/ext',
  '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '/tmp/cs-run/ws'],
  { env: { ...process.env, PATH: `/tmp/cs/node_modules/.bin:${process.env.PATH}`, EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item', resourceUrlTemplate: 'http://127.0.0.1:9/r' }) }, stdio: ['ignore', 'pipe', 'pipe'] });
let log = ''; cs.stdout.on('data', d => log += d); cs.stderr.on('data', d => log += d);
await new Promise<void>(r => { const t = setInterval(() => { if (log.includes('HTTP server listening')) { clearInterval(t); r(); } }, 200); });
console.log('listening', port);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
page.on('pageerror', e => console.log('pageerror', e.message.slice(0, 200)));
page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text().slice(0, 300)); });
try {
  await page.goto(`http://127.0.0.1:${port}/?folder=/tmp/cs-run/ws`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.waitForTimeout(3000);
  await page.getByRole('treeitem', { name: 'indikatorer-flera-omraden.oj' }).click();
  await page.locator('.squiggly-info').first().waitFor({ timeout: 60000 });
  console.log('diagnostics shown');
  await page.keyboard.press('F1');
  await page.waitForTimeout(500);
  await page.keyboard.type('Öppna jämförelser: Open Preview to the Side');
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/cs-palette.png' });
  await page.keyboard.press('Enter');
  let found = false;
  for (let i = 0; i < 60 && !found; i++) {
    for (const f of page.frames()) { try { if (await f.locator('#indikator-1').count() > 0) { found = true; break; } } catch {} }
    if (!found) await page.waitForTimeout(500);
  }
  console.log('preview found', found);
  for (const f of page.frames()) { let t = ''; try { t = (await f.content()).slice(0, 300).replace(/\s+/g, ' '); } catch (e) { t = 'ERR ' + e; } console.log('FRAME', f.url().slice(0, 150), '::', t); }
  page.on('console', m => console.log('console', m.type(), m.text().slice(0, 200)));
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/oj-code-server.png' });
} catch (e) { console.log('ERR', String(e).slice(0, 500)); await page.screenshot({ path: '/tmp/oj-code-server-err.png' }); console.log(log.slice(-600)); }
await browser.close();
cs.kill();
